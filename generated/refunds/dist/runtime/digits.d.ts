/**
 * paymentId for providers that want a number (already checked against the digits pattern). Its own
 * module, so a bundle whose provider needs only this carries nothing else of the money code.
 */
export declare function digitsToInteger(value: string): number;
