export declare function sameSecret(actual: string, expected: string | undefined): boolean;
