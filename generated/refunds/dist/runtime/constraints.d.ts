export interface Constraint {
    maxLength?: number;
    minLength?: number;
    pattern?: string;
    enum?: readonly (string | number | boolean)[];
    format?: 'uri';
    required?: readonly string[];
    properties?: Readonly<Record<string, Constraint>>;
}
/** Checks each constrained input field (`reference`, `providerOptions.bankAccount`, …) that is present. */
export declare function checkConstraints(input: Record<string, unknown>, constraints: Readonly<Record<string, Constraint>>, provider: string): void;
