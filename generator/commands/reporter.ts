/** Where commands print. Tests capture it; the CLI sends it to stdout/stderr. */
export interface Reporter {
  line(text: string): void;
  error(text: string): void;
}

export const consoleReporter: Reporter = {
  line: (text) => process.stdout.write(text + '\n'),
  error: (text) => process.stderr.write(text + '\n'),
};
