/**
 * A provider's input rules as data. The engine reads only the option names (an unknown option is
 * refused here); the shim's generated `check` enforces the rest (generator/facade/emit-checks.ts).
 */
export interface InputRules {
    amount: 'optional' | 'required';
    currencies?: readonly string[];
    paymentId?: {
        pattern: string;
    };
    providerOptions: Readonly<Record<string, {
        type: 'string' | 'boolean' | 'number' | 'object';
        required?: boolean;
    }>>;
}
/** `reject` throws the provider's invalid_request RefundError (one per client, made by the engine). */
export declare function validateInput(input: unknown, rules: InputRules, provider: string, reject: (message: string) => never): void;
