/**
 * paymentId for providers that want a number (already checked against the digits pattern). Its own
 * module, so a bundle whose provider needs only this carries nothing else of the money code.
 */
export function digitsToInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`${value} is not a safe integer`);
  return parsed;
}
