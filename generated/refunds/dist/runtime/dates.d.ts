/** millis → ISO string, or TransformError naming `input` when outside the Date range. */
export declare function isoFromMillis(millis: number, input: unknown): string;
/**
 * UTC millis of regex groups [year, month, day, hour, minute, second, fraction], or TransformError
 * when a part is out of range (Feb 30, hour 24, second 60).
 */
export declare function utcMillis(parts: readonly (string | undefined)[], text: string): number;
