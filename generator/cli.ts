/**
 * paykit's command line. Exit codes: 0 success; 1 `--check` found drift or lint found problems;
 * 2 bad input or bad usage (one line on stderr; `--debug` adds the stack).
 */
import { Command, CommanderError, Option } from 'commander';
import { consoleReporter } from './commands/reporter.js';
import { PaykitError, oneLine } from './errors.js';

const root = process.cwd();
const debug = process.argv.includes('--debug');

const program = new Command('paykit')
  .description('Generate typed payment-provider clients and the refunds facade from vendor OpenAPI specs.')
  .addOption(new Option('--debug', 'show stack traces for errors'))
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) })
  .showHelpAfterError('(run paykit --help for usage)');

program.command('generate')
  .description('lint, normalize and emit generated/ from specs/ (writes nothing until every provider succeeded)')
  .option('-p, --provider <id...>', 'only these providers (default: all in specs/providers.yaml)', [])
  .option('--check', 'write nothing; exit 1 naming every stale, missing or unexpected file')
  .action(async (opts: { provider: string[]; check?: boolean }) => {
    const check = opts.check === true;
    // The light path: when the manifest proves nothing changed, the pipeline is never loaded.
    if (check && opts.provider.length === 0) {
      const { MANIFEST_PATH, manifestProvesUpToDate } = await import('./manifest.js');
      if (manifestProvesUpToDate(root)) {
        consoleReporter.line(`generated/ is up to date (inputs and outputs match ${MANIFEST_PATH})`);
        return;
      }
    }
    const { generate } = await import('./commands/generate.js');
    process.exitCode = await generate({ root, providers: opts.provider, check }, consoleReporter);
  });

program.command('lint')
  .description('lint the vendor specs with redocly.yaml and check the normalized specs are clean')
  .option('-p, --provider <id...>', 'only these providers', [])
  .action(async (opts: { provider: string[] }) => {
    const { lint } = await import('./commands/lint.js');
    process.exitCode = await lint({ root, providers: opts.provider }, consoleReporter);
  });

program.command('extract')
  .description('write specs/vendor/* from the spec blocks of the vendor documents in specs/sources/')
  .option('--check', 'write nothing; exit 1 if a vendor spec differs from its document')
  .action(async (opts: { check?: boolean }) => {
    const { extract } = await import('./commands/extract.js');
    process.exitCode = extract({ root, check: opts.check === true }, consoleReporter);
  });

program.command('overlay')
  .description('overlay maintenance')
  .command('lock')
  .description('record, in specs/overlays/<id>.lock.yaml, the vendor content each overlay action removes or overwrites (after reviewing it)')
  .option('-p, --provider <id...>', 'only these providers (default: every provider with an overlay)', [])
  .action(async (opts: { provider: string[] }) => {
    const { overlayLock } = await import('./commands/overlay-lock.js');
    process.exitCode = await overlayLock({ root, providers: opts.provider }, consoleReporter);
  });

program.command('diff')
  .description('classify the vendor spec changes since --against (breaking / non-breaking / patch), with the bump, what no longer applies (findings) and the facade verdict')
  .argument('[provider...]', 'only these providers (default: all in specs/providers.yaml)')
  .option('--against <git-ref|directory|file>', 'the previous state: a git ref (its specs/vendor and generated/<id>/openapi.yaml), a directory holding another copy of the project, or a normalized openapi.yaml (one provider)', 'HEAD')
  .addOption(new Option('--json', 'print JSON for machines').conflicts('markdown'))
  .option('--markdown', 'print a markdown report (a pull-request body)')
  .addOption(new Option('--fail-on <class>', 'exit 1 when a change of this class or larger is found').choices(['breaking', 'non-breaking', 'patch']))
  .action(async (providers: string[], opts: { against: string; json?: boolean; markdown?: boolean; failOn?: 'breaking' | 'non-breaking' | 'patch' }) => {
    const { diff } = await import('./commands/diff.js');
    process.exitCode = await diff({
      root, providers, against: opts.against, format: opts.json === true ? 'json' : opts.markdown === true ? 'markdown' : 'text',
      ...(opts.failOn === undefined ? {} : { failOn: opts.failOn }),
    }, consoleReporter);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = handle(error);
}

function handle(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version' ? 0 : 2;
  }
  if (error instanceof PaykitError) {
    process.stderr.write(`paykit: ${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack ?? ''}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`paykit: internal error: ${oneLine(message)}; please report it with the command you ran (rerun with --debug for details)\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  return 3;
}
