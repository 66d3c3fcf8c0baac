/** millis → ISO string, or TransformError naming `input` when outside the Date range. */
export declare function isoFromMillis(millis: number, input: unknown): string;
