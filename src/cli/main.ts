import { Command, CommanderError, Option } from 'commander';
import { MarketNoteError } from '../errors/market-note-error.js';
import { collectAddresses, collectNotes, parseCount, parseDate, parseEvery, parseFormats, parsePaper, parsePort, parseSymbols, parseTimeout } from './args.js';
import { DEFAULT_PREVIEW_PORT } from '../preview/port.js';
import { DEFAULT_RETRIES, DEFAULT_RETRY_DELAY_MS, DEFAULT_TIMEOUT_MS } from '../fetch/download.js';
import { type CliIo, processIo } from './io.js';
import { systemErrorLine } from './system-error.js';
import { readFileSync } from 'node:fs';

// Each command's module (and what it needs: Handlebars, the e-mail and preview stacks, …) is loaded only when that
// command runs: a cold `build` does not pay for `preview` or `fetch`.
/** The package version (`market-note --version`), from package.json two folders up from src/cli or dist/cli. */
export const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/** The "Examples:" block at the end of a command's --help. */
const examples = (...lines: string[]): string => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;

const noteOpt = () => new Option('--note <name|dir>', 'note name under templates/ or a note folder').default('weekly-outlook');
const dataOpt = () => new Option('--data <path>', 'market.yaml, a folder holding it, or a folder of <SYMBOL>.csv files (default: the built-in synthetic demo market)');
const symbolOpt = () => new Option('--symbol <symbol>', "per-symbol notes (note.yaml `each`): the symbol (default: the note's own)");
const asOfOpt = () =>
  new Option('--as-of <date>', 'as-of date YYYY-MM-DD, a trading day of the note\'s calendar (its large-cap index; a holiday rolls back to the day before; default: the last date all required series have)').argParser(parseDate);

/**
 * Run the CLI. Returns the exit code: 0 ok, 1 bad input or failed check, 2 usage error.
 * Diagnostics go to stderr; stdout carries only results (paths, JSON).
 */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const program = new Command('market-note')
    .description('Writes a weekly market note from daily price data: facts, narrative, charts, PDF and HTML.')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .showHelpAfterError(false)
    .addHelpText('after', examples('market-note build --as-of 2025-12-12', 'market-note build --data data/market.yaml --format pdf,html,email', 'market-note build --help'));

  program
    .command('build')
    .description('build the note: <out>/<note>-<as-of>.pdf/.html/.eml (as asked) and always .facts.json; prints the paths')
    .addOption(noteOpt().argParser(collectNotes))
    .addOption(dataOpt())
    .addOption(asOfOpt())
    .addOption(new Option('--format <list>', 'comma-separated: pdf, html, email').default(['pdf', 'html'], 'pdf,html').argParser(parseFormats))
    .addOption(new Option('--out <dir>', 'output folder').default('output'))
    .addOption(new Option('--paper <size>', 'A4 or Letter').default('A4').argParser(parsePaper))
    .addOption(new Option('--from <date>', 'batch: first date YYYY-MM-DD (builds every --every day up to --to, one browser)').argParser(parseDate))
    .addOption(new Option('--to <date>', 'batch: last date (default: the last date of the data)').argParser(parseDate))
    .addOption(new Option('--every <day>', 'batch: day, or a weekday (monday … friday); holidays roll back to the trading day before').default('friday').argParser(parseEvery))
    .addOption(new Option('--symbols <list>', 'per-symbol notes (note.yaml `each`): comma-separated symbols, one note each').argParser(parseSymbols))
    .option('--each <universe>', 'per-symbol notes: one note for every member of this universe (e.g. SP600)')
    .option('--quiet', 'batch: no progress bar and no summary unless something failed')
    .option('--strict', 'fail (exit 1, nothing written) when the facts carry a warning, e.g. a series without High/Low columns')
    .option('--mail-from <address>', "e-mail: sender (default: note.yaml's email.from)")
    .addOption(new Option('--mail-to <list>', "e-mail: comma-separated recipients (default: note.yaml's email.to)").argParser(collectAddresses))
    .option('--subject <text>', "e-mail: subject (default: note.yaml's email.subject, else the title)")
    .option('--attach-pdf', 'e-mail: attach the PDF to the message')
    .option('--send', 'e-mail: send the .eml once built (SMTP settings from MARKET_NOTE_SMTP_* only; implies --format …,email)')
    .option('--allow-stale', 'build even when a series the note needs ends before the as-of date; the note marks it stale (also in a batch)')
    .addHelpText(
      'after',
      examples(
        'market-note build --data data/market.yaml --as-of 2025-12-12',
        'market-note build --data data --format pdf,email --mail-from desk@example.com --mail-to a@example.com,b@example.com',
        'market-note build --data data --from 2025-01-01 --to 2025-06-30 --every friday --out archive',
        'market-note build --data data --strict --format html',
      ),
    )
    .action(async (o) => {
      code = await (await import('./commands/build.js')).buildCommand(o, io);
    });

  program
    .command('preview')
    .description('serve the note on http://127.0.0.1:PORT/ and reload it when a template, partial, CSS or data file changes (Ctrl-C stops)')
    .addOption(noteOpt())
    .addOption(dataOpt())
    .addOption(asOfOpt())
    .addOption(symbolOpt())
    .addOption(new Option('--port <n>', 'port on 127.0.0.1 (0 = any free port)').default(DEFAULT_PREVIEW_PORT).argParser(parsePort))
    .addOption(new Option('--paper <size>', 'A4 or Letter, for ?format=pdf').default('A4').argParser(parsePaper))
    .addHelpText('after', examples('market-note preview --data data/market.yaml', 'market-note preview --note my-note --port 0', '# then open http://127.0.0.1:PORT/?format=email for the e-mail edition'))
    .action(async (o) => {
      code = await (await import('./commands/preview.js')).previewCommand(o, io);
    });

  program
    .command('fetch')
    .description('download new rows of each series (FRED, stooq) listed in a YAML config and append them to <out>/<file>.csv')
    .requiredOption('--config <file>', 'YAML file listing the series (see docs/editing.md)')
    .requiredOption('--out <dir>', 'folder of the CSV files')
    .option('--force', 'replace rows whose values the source revised (otherwise refuse)')
    .addOption(new Option('--timeout-ms <n>', 'give up on a download after this many milliseconds').default(DEFAULT_TIMEOUT_MS).argParser(parseTimeout))
    .addOption(new Option('--retries <n>', 'attempts after the first on a 5xx answer, a time-out or a dropped connection').default(DEFAULT_RETRIES).argParser(parseCount))
    .addOption(new Option('--retry-delay-ms <n>', 'wait before the first retry (doubled before each further one)').default(DEFAULT_RETRY_DELAY_MS).argParser(parseTimeout))
    .addHelpText('after', examples('market-note fetch --config data/fetch.yaml --out data', 'market-note fetch --config data/fetch.yaml --out data --force --timeout-ms 60000'))
    .action(async (o) => {
      code = await (await import('./commands/fetch.js')).fetchCommand(o, io);
    });

  program
    .command('facts')
    .description('print the facts object as JSON on stdout')
    .addOption(noteOpt())
    .addOption(dataOpt())
    .addOption(asOfOpt())
    .addOption(new Option('--compare <date>', '"what changed" compares with this date (default: a week before the as-of date)').argParser(parseDate))
    .option('--allow-stale', 'compute the facts even when a series the note needs ends before the as-of date, marking it stale')
    .option('--symbol <symbol>', "a per-symbol note's symbol: a series of the market or a member of its universe (default: the note's own)")
    .addHelpText(
      'after',
      examples(
        'market-note facts --data data/market.yaml --as-of 2025-12-12 > facts.json',
        'market-note facts --as-of 2025-12-12 --compare 2025-11-28',
        'market-note facts --note notes/my-snapshot --symbol IJR --as-of 2025-12-12',
      ),
    )
    .action(async (o) => {
      code = await (await import('./commands/facts.js')).factsCommand(o, io);
    });

  program
    .command('explain')
    .description('say how one figure of the facts was computed, from which rows (e.g. explain returns.ytd.RUT); with --section, every judgement and figure a section\'s sentences read')
    .argument('[path]', 'dotted facts path')
    .option('--section <name>', 'a section (template name, e.g. rates): why its sentences say what they say')
    .addOption(noteOpt())
    .addOption(dataOpt())
    .addOption(asOfOpt())
    .addHelpText('after', examples('market-note explain returns.ytd.RUT --data data/market.yaml', 'market-note explain score.IWM --as-of 2025-12-12', 'market-note explain --section rates --as-of 2025-12-12'))
    .action(async (path, o) => {
      code = await (await import('./commands/explain.js')).explainCommand(path, o, io);
    });

  program
    .command('lint')
    .description("check the note's templates against the facts it would get; exit 1 and one line per problem")
    .addOption(noteOpt())
    .addOption(dataOpt())
    .addOption(asOfOpt())
    .addOption(symbolOpt())
    .option('--coverage', 'build the facts for every Friday from --from to --to; report template errors and branches never taken')
    .addOption(new Option('--from <date>', 'first date for --coverage').argParser(parseDate))
    .addOption(new Option('--to <date>', 'last date for --coverage').argParser(parseDate))
    .addHelpText('after', examples('market-note lint --note my-note --data data/market.yaml', 'market-note lint --coverage --from 2016-01-01 --to 2025-12-12'))
    .action(async (o) => {
      code = await (await import('./commands/lint.js')).lintCommand(o, io);
    });

  program
    .command('audit')
    .description("replay the note over every date and check its sentences against its facts; exit 1 and one line per violation")
    .addOption(noteOpt())
    .addOption(dataOpt())
    .addOption(new Option('--from <date>', 'first date YYYY-MM-DD').argParser(parseDate).makeOptionMandatory())
    .addOption(new Option('--to <date>', 'last date (default: the last date of the data)').argParser(parseDate))
    .addOption(new Option('--every <day>', 'day, or a weekday (monday … friday); holidays roll back to the trading day before').default('friday').argParser(parseEvery))
    .addOption(symbolOpt())
    .action(async (o) => {
      code = await (await import('./commands/audit.js')).auditCommand(o, io);
    });

  program
    .command('send')
    .description('send a built .eml over SMTP; server and login from MARKET_NOTE_SMTP_HOST, _PORT, _SECURE, _USER, _PASS')
    .requiredOption('--eml <file>', 'the message, as written by build --format email')
    .option('--dry-run', 'print the envelope, subject and size without connecting')
    .addHelpText('after', examples('market-note send --eml output/weekly-outlook-2025-12-12.eml --dry-run', 'MARKET_NOTE_SMTP_HOST=smtp.example.com market-note send --eml output/weekly-outlook-2025-12-12.eml'))
    .action(async (o) => {
      code = await (await import('./commands/send.js')).sendCommand(o, io);
    });

  program
    .command('init')
    .description('scaffold a working note folder NAME (note.yaml, note.hbs, partials/, note.css) to edit; prints its path')
    .argument('<name>', 'folder to create (a path; its last part names the note)')
    .option('--force', 'write into an existing empty folder')
    .action(async (name, o) => {
      code = await (await import('./commands/init.js')).initCommand(name, o, io);
    });

  program
    .command('demo-data')
    .description('write the synthetic demo market (same bytes every time)')
    .requiredOption('--out <dir>', 'folder to write market.yaml and the CSV files into')
    .addHelpText('after', examples('market-note demo-data --out demo', 'market-note build --data demo/market.yaml'))
    .action(async (o) => {
      code = await (await import('./commands/demo-data.js')).demoDataCommand(o, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof MarketNoteError) {
      io.err(`market-note: ${e.format()}`);
      return e.code === 'USAGE' ? 2 : 1;
    }
    const line = systemErrorLine(e);
    if (line === undefined) throw e;
    io.err(`market-note: ${line}`);
    return 1;
  }
}
