export interface InputRules {
    amount: 'optional' | 'required';
    /** Why the amount is required, for the message. */
    amountHint?: string;
    currencies?: readonly string[];
    /** The most decimals the provider accepts in major units. */
    maxFractionDigits?: number;
    paymentId?: {
        pattern: string;
        hint: string;
    };
    idempotencyKey?: {
        pattern?: string;
        maxLength?: number;
    };
    providerOptions: Readonly<Record<string, {
        type: 'string' | 'boolean' | 'number' | 'object';
        required?: boolean;
    }>>;
}
/** `pattern` (a spec's regular expression) as a RegExp, compiled on first use. */
export declare function regex(pattern: string): RegExp;
/** `reject` throws the provider's invalid_request RefundError (one per client, made by the engine). */
export declare function validateInput(input: unknown, rules: InputRules, provider: string, reject: (message: string) => never): void;
