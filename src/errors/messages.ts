/**
 * Every sentence a user can see, as small functions. A `Problem` is the one-line message plus the hint printed
 * under it; the caller adds the code and the place (`file:line`) when it throws:
 *
 * ```ts
 * const p = msg.notANumber('Close', 'n/a');
 * fail('BAD_CSV', p.message, { file, line, hint: p.hint });   // GSPC.csv:2417: Close is not a number ("n/a")
 * ```
 */

/** A message and the hint that tells the user what to do about it. */
export interface Problem {
  message: string;
  hint?: string;
}

/**
 * A cell as echoed in a message: control and non-printing characters become `?`, and at most 24 characters
 * are shown, so an error about a file that is not CSV never prints that file's contents.
 * @example cellText('root:$6$abcdefghijklmnopqrstuvwxyz:19000') //=> 'root:$6$abcdefghijklmnop…'
 */
export const cellText = (raw: string): string => {
  const clean = raw.replace(/[\p{C}\u2028\u2029]/gu, '?');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
};

const quote = (raw: string): string => JSON.stringify(cellText(raw));

/**
 * A column or symbol name as echoed in a list: shown when it looks like a name, else replaced by `(?)`, so a
 * file that is not CSV at all (/etc/shadow, a key file) never has its first line printed.
 * @example nameText('Adj Close') //=> 'Adj Close'
 * @example nameText('root:$6$salt$hash:19000:0:99999:7:::') //=> '(?)'
 */
export const nameText = (raw: string): string => (/^[\p{L}\p{N} _.()%^&/+-]{0,40}$/u.test(raw) ? raw : '(?)');

/**
 * Words joined for a sentence.
 * @example listWords(['SPX', 'RUT', 'TNX']) //=> 'SPX, RUT and TNX'
 */
export function listWords(words: readonly string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** At most `max` items, then "… (N more)". */
function shortList(words: readonly string[], max = 40): string {
  const shown = words.slice(0, max).map(nameText);
  return words.length <= max ? shown.join(', ') : `${shown.join(', ')}, … (${words.length - max} more)`;
}

// ---------------------------------------------------------------------------------------------------------------
// CSV files

export const emptyFile = (): Problem => ({
  message: 'the file is empty',
  hint: 'A CSV file needs a header row (Date,Close,…) and at least one row of data.',
});

export const noDataRows = (): Problem => ({
  message: 'no data rows after the header',
  hint: 'Add at least one row of data under the header, or remove the file from the market data.',
});

export const badCsvSyntax = (detail: string): Problem => ({
  message: `cannot read the CSV: ${detail}`,
  hint: 'Check the quotes and separators on that line; cells are separated by commas.',
});

export const missingDateColumn = (columns: readonly string[]): Problem => ({
  message: `no date column (columns: ${shortList(columns)})`,
  hint: 'Name the date column Date, date, DATE or observation_date.',
});

export const missingValueColumn = (columns: readonly string[]): Problem => ({
  message: `no Close column (columns: ${shortList(columns)})`,
  hint: 'Add a Close or Adj Close column, keep a single value column as FRED files do, or name the column with `column:` in market.yaml.',
});

export const columnNotFound = (column: string, columns: readonly string[]): Problem => ({
  message: `no column ${quote(column)} (columns: ${shortList(columns)})`,
  hint: 'Fix `column:` for this series in market.yaml so it names one of the columns in the header.',
});

export const duplicateColumn = (column: string, first: number, second: number): Problem => ({
  message: `two ${column} columns (columns ${first} and ${second})`,
  hint: 'Keep one series per file: a file with several tickers (as yfinance writes for multi-ticker downloads) must be split.',
});

export const wrongCellCount = (cells: number, expected: number): Problem => ({
  message: `the row has ${cells} cells but the header has ${expected}`,
  hint: 'Give every row one cell per header column; leave a cell empty when there is no value.',
});

export const notADate = (column: string, raw: string): Problem => ({
  message: `${column} is not a date (${quote(raw)})`,
  hint: 'Write dates as YYYY-MM-DD, e.g. 2025-12-12.',
});

export const notANumber = (column: string, raw: string): Problem => ({
  message: `${column} is not a number (${quote(raw)})`,
  hint: 'Write a plain number such as 4512.25; leave the cell empty (or ".") when there is no value that day.',
});

export const datesOutOfOrder = (date: string, previous: string, previousLine: number): Problem => ({
  message: `date ${date} comes after ${previous} (line ${previousLine}); dates must go up`,
  hint: 'Sort the rows by date, oldest first.',
});

export const duplicateDate = (date: string, firstLine: number): Problem => ({
  message: `date ${date} appears twice (first on line ${firstLine})`,
  hint: 'Keep one row per date.',
});

export const notPositive = (column: string, value: number): Problem => ({
  message: `${column} is ${value}; prices must be above zero`,
  hint: 'Fix the value or leave the cell empty; a yield series, which may be zero or negative, needs `kind: yield` in market.yaml.',
});

export const negativeVolume = (column: string, value: number): Problem => ({
  message: `${column} is ${value}; volume cannot be negative`,
  hint: 'Fix the value or leave the cell empty.',
});

export const zerosReadAsMissing = (column: string, count: number): Problem => ({
  message: `${column} is 0 on ${count} ${count === 1 ? 'row' : 'rows'}, the first on this line; read as missing (Yahoo writes 0 when it has no ${column.toLowerCase()})`,
});

export const flatYieldRows = (count: number, first: string): Problem => ({
  message: `${count} ${count === 1 ? 'row has' : 'rows have'} High = Low = Close, the first on this line (${first}): a yield index's flat print on a day its market was shut (US bond-market holidays: Columbus Day, Veterans Day); left out, not read as closes`,
});

export const highBelowLow = (high: number, low: number): Problem => ({
  message: `High (${high}) is below Low (${low})`,
  hint: "Check the row: a day's High must be at least its Low (are the two columns swapped?).",
});

export const noValues = (column: string): Problem => ({
  message: `${column} has no values (every cell is empty)`,
  hint: 'Fill in the column, or remove the series from the market data.',
});

export const noMembers = (): Problem => ({
  message: 'no member columns after the date column',
  hint: 'A wide universe file has the date in the first column and one column of closes per member.',
});

export const emptyMemberName = (column: number): Problem => ({
  message: `column ${column} of the header has no name`,
  hint: 'Name every member column after its ticker.',
});

export const duplicateMember = (member: string, first: number, second: number): Problem => ({
  message: `member ${member} appears twice in the header (columns ${first} and ${second})`,
  hint: 'Keep one column per member.',
});

// ---------------------------------------------------------------------------------------------------------------
// market.yaml and data folders

export const yamlSyntax = (detail: string): Problem => ({
  message: `cannot read the YAML: ${detail}`,
  hint: 'Check the indentation and the `key: value` pairs around that line.',
});

export const yamlNotAMapping = (): Problem => ({
  message: 'market.yaml must be a mapping with `series:` and/or `universes:`',
  hint: 'List the data under `series:` (and `universes:`), e.g. series: { SPX: { file: GSPC.csv, name: "S&P 500" } }.',
});

export const yamlNothingListed = (): Problem => ({
  message: 'market.yaml lists no series and no universes',
  hint: 'Add at least one entry under `series:`, e.g. SPX: { file: GSPC.csv }.',
});

export const yamlUnknownKey = (path: string, key: string, allowed: readonly string[]): Problem => ({
  message: `${path ? `${path}: ` : ''}unknown key ${quote(key)}`,
  hint: `Allowed keys here: ${allowed.join(', ')}.`,
});

export const yamlMissingKey = (path: string): Problem => ({
  message: `${path} is missing`,
  hint: 'Every series and universe needs a `file:` (a CSV path relative to market.yaml).',
});

export const yamlWrongType = (path: string, expected: string, got: string): Problem => ({
  message: `${path} must be ${expected} (got ${got})`,
  hint: 'See the market.yaml example in the contract: series: { SPX: { file: GSPC.csv, name: "S&P 500" } }.',
});

export const yamlBadChoice = (path: string, options: readonly string[], got: string): Problem => ({
  message: `${path} must be ${listWords(options.map((o) => JSON.stringify(o)), 'or')} (got ${got})`,
  hint: `Use one of: ${options.join(', ')}.`,
});

export const yamlEmptyValue = (path: string): Problem => ({
  message: `${path} is empty`,
  hint: 'Give it a value, or remove the key.',
});

export const badSymbol = (symbol: string): Problem => ({
  message: `${quote(symbol)} is not a usable symbol`,
  hint: 'Use letters, digits, "-" or "_" (symbols appear in facts paths such as returns.ytd.SPX).',
});

export const symbolTwice = (symbol: string): Problem => ({
  message: `${symbol} is both a series and a universe`,
  hint: 'Use different keys for the two, e.g. IJR for the fund and SP600 for its members.',
});

export const referencedFileMissing = (path: string, file: string, resolved: string): Problem => ({
  message: `${path}: file ${file} not found (looked for ${resolved})`,
  hint: 'Paths in market.yaml are relative to the market.yaml file itself.',
});

export const dataPathMissing = (path: string): Problem => ({
  message: `market data not found: ${path}`,
  hint: 'Point --data at a market.yaml, a folder holding one, or a folder of <SYMBOL>.csv files.',
});

export const dataPathNotMarket = (path: string): Problem => ({
  message: `${path} is neither a market.yaml nor a folder`,
  hint: 'Point --data at a market.yaml, a folder holding one, or a folder of <SYMBOL>.csv files (a single CSV: use its folder).',
});

export const dataFolderEmpty = (dir: string): Problem => ({
  message: `no market.yaml and no .csv files in ${dir}`,
  hint: 'Add a market.yaml, or <SYMBOL>.csv files (each becomes a series named by its file).',
});

export const csvSymbolTwice = (symbol: string, first: string, second: string): Problem => ({
  message: `${first} and ${second} both give symbol ${symbol}`,
  hint: 'Remove or rename one of the two files.',
});

// ---------------------------------------------------------------------------------------------------------------
// Browser faults, interruption, writing outputs

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`);

export const printTimedOut = (ms: number): Problem => ({
  message: `the browser did not finish printing within ${seconds(ms)}`,
  hint: 'A busy machine can be slow: raise the limit with MARKET_NOTE_PRINT_TIMEOUT_S (seconds), or check that Chromium runs.',
});

export const pageCrashed = (): Problem => ({
  message: 'the browser page crashed while printing',
  hint: 'Chromium ran out of memory or was killed; the note was tried again on a fresh page.',
});

export const browserDied = (): Problem => ({
  message: 'the browser closed while printing',
  hint: 'Chromium was killed or crashed; the note was tried again in a fresh browser.',
});

export const badPrintTimeout = (raw: string): Problem => ({
  message: `MARKET_NOTE_PRINT_TIMEOUT_S is ${quote(raw)}, not a number of seconds above 0`,
  hint: 'Set it to the seconds one print may take, e.g. MARKET_NOTE_PRINT_TIMEOUT_S=120, or unset it (default 60).',
});

export const interrupted = (signal: string): Problem => ({
  message: `stopped by ${signal}; unfinished files and the browser were removed`,
});

export const targetIsFolder = (path: string, what = 'this set of files'): Problem => ({
  message: `${path} is a folder, so a file cannot be written there; nothing of ${what} was written`,
  hint: 'Move or rename that folder, or choose another output folder with --out.',
});

const DISK_FULL = ['ENOSPC', 'EDQUOT'];

export const outputNotWritten = (path: string, code: string, what = 'this set of files'): Problem => ({
  message: `cannot write ${path}${DISK_FULL.includes(code) ? ': the disk is full' : ''} (${code}); nothing of ${what} was written`,
  hint: DISK_FULL.includes(code) ? 'Free some space, or choose another output folder with --out.' : 'Check the output folder and its permissions, or choose another one with --out.',
});

export const previewCrossSite = (): Problem => ({
  message: 'market-note preview answers only its own pages and the address bar, not requests from other sites',
  hint: 'Open the preview address directly in the browser.',
});

export const previewBusy = (queued: number): Problem => ({
  message: `${queued} PDFs are already waiting to be printed`,
  hint: 'Try again in a moment.',
});

// ---------------------------------------------------------------------------------------------------------------
// Symbols and dates a note asks for

export const unknownSymbols = (
  who: string,
  missing: readonly string[],
  source: string,
  series: readonly string[],
  universes: readonly string[],
  suggestion?: string,
): Problem => ({
  message: `${who} needs ${listWords(missing)}, which ${source === 'demo' ? 'the demo market' : source} does not have`,
  hint:
    `Known series: ${series.length ? shortList(series) : '(none)'}` +
    (universes.length ? `; universes: ${shortList(universes)}` : '') +
    '.' +
    (suggestion ? ` Did you mean ${suggestion}?` : '') +
    ' Add the missing symbol to market.yaml, or change the note.',
});

export const noCommonDate = (keys: readonly string[]): Problem => ({
  message: `${listWords(keys)} have no date with data in common`,
  hint: 'Check that the files cover overlapping periods.',
});

export const asOfNotADate = (raw: string): Problem => ({
  message: `the as-of date ${quote(raw)} is not a date`,
  hint: 'Write it as YYYY-MM-DD, e.g. --as-of 2025-12-12.',
});

/** "SPX has data only" / "SPX and RUT have data in common only": several series share only the stretch all of them cover. */
const subject = (keys: readonly string[]): string => (keys.length === 1 ? `${keys[0]} has data only` : `${listWords(keys)} have data in common only`);

export const asOfAfterData = (asOf: string, last: string, first: string, keys: readonly string[], limiting?: string): Problem => ({
  message:
    `as-of ${asOf} is after the data: ${subject(keys)} up to ${last}` +
    (limiting && keys.length > 1 ? ` (${limiting} ends first)` : ''),
  hint: `Use a date from ${first} to ${last}, or leave out --as-of to use ${last}.`,
});

/** The as-of date is after the reference calendar's data: names only the series that end before it. */
export const asOfAfterSeries = (asOf: string, early: readonly { key: string; last: string }[], first: string, last: string): Problem => ({
  message: `as-of ${asOf} is after the data: ${listWords(early.map((s) => `${s.key} ends ${s.last}`))}`,
  hint: `Use a date from ${first} to ${last}, or leave out --as-of to use ${last}.`,
});

/** Series the note needs end before the as-of trading day. */
export const staleSeries = (asOf: string, reference: string, stale: readonly { key: string; lastDate: string }[]): Problem => ({
  message:
    `${listWords(stale.map((s) => `${s.key} ends ${s.lastDate}`))}, before the as-of date ${asOf} ` +
    `(a trading day of ${reference}): ${stale.length === 1 ? 'this series is' : 'these series are'} stale`,
  hint:
    `Update ${stale.length === 1 ? 'its file' : 'their files'}, build an earlier date with --as-of, ` +
    'or pass --allow-stale to build anyway with the stale series marked in the note.',
});

/** The CLI's line when a date is not a trading day of the reference calendar. */
export const asOfLimitedBy = (used: string, key: string, reference: string, referenceLast: string): string =>
  `as-of ${used}: the last date all the note's series have (${key} ends there; ${reference} runs to ${referenceLast}); pass --as-of to choose another`;

export const asOfRolledBack = (requested: string, used: string, reference: string): string =>
  `as-of ${requested} is not a trading day of ${reference}; using ${used}, the trading day before`;

/** A batch of every calendar day: how many were not trading days (each rolls back onto a day already built). */
export const daysNotTrading = (count: number, reference: string): string =>
  `${count} ${count === 1 ? 'date is' : 'dates are'} not trading days of ${reference} (weekends, holidays); each rolls back to the trading day before`;

/** The CLI's line for a stale series built with --allow-stale. */
export const builtStale = (key: string, lastDate: string, asOf: string): string =>
  `${key} is stale: its data ends ${lastDate}, before the as-of date ${asOf} (built with --allow-stale; the note marks it)`;

export const asOfBeforeData = (asOf: string, first: string, last: string, keys: readonly string[], limiting?: string): Problem => ({
  message:
    `as-of ${asOf} is before the data: ${subject(keys)} from ${first}` +
    (limiting && keys.length > 1 ? ` (${limiting} starts last)` : ''),
  hint: `Use a date from ${first} to ${last}, or leave out --as-of to use ${last}.`,
});

// ---------------------------------------------------------------------------------------------------------------
// Warnings: the note was written, but not quite as asked

/** What to do about one facts warning, by the section it comes from and what it says. */
export function factsWarningHint(section: string, series: string | undefined, message: string): string {
  const it = series ?? 'the series';
  if (/High\/Low/.test(message)) {
    const file = /but (\S+) has no High\/Low/.exec(message)?.[1]?.split('/').pop() ?? 'its file';
    return `Add High and Low columns to ${file}, or set method: close for ${it} under pnf: in note.yaml.`;
  }
  if (/peer benchmark/.test(message)) return `Add the peer series to the market data, or change peers: for ${it} in note.yaml.`;
  if (/size group .* left out/.test(message)) return 'Add the missing series to the market data, or remove the group from sizeGroups: in note.yaml.';
  if (/different numbers of proxies/.test(message)) return 'Give every size group in note.yaml the same number of symbols.';
  if (/fewer than two size groups/.test(message)) return 'List at least two size groups whose series are in the market data (sizeGroups: in note.yaml).';
  if (/last close|stale|earlier \(limit/.test(message)) return `Update ${it}'s data (market-note fetch), or choose an earlier --as-of.`;
  return section === 'score' || section === 'ranking' ? 'Check the series in the market data and the note.yaml settings for it.' : 'Check the data and note.yaml.';
}

/** `warning: IWM (score.IWM): … . Add …` — one line. */
export const warningLine = (where: string, message: string, hint?: string): string =>
  `warning: ${where}: ${message.replace(/[.\s]+$/, '')}.${hint ? ` ${hint}` : ''}`.replace(/\s*\n\s*/g, ' ');

export const strictWarnings = (count: number, asOf: string): Problem => ({
  message: `--strict: the note for ${asOf} has ${count} warning${count === 1 ? '' : 's'}`,
  hint: 'Fix them, or build without --strict to write the note anyway.',
});

export const demoMarketNotice = (): string =>
  'notice: no --data given: using the synthetic demo market; the note is marked "demo data" (give --data PATH for real prices)';

// ---------------------------------------------------------------------------------------------------------------
// Files of the note folder (images, fonts) referenced by the templates

export const assetOutsideNote = (ref: string, noteDir: string): Problem => ({
  message: `${quote(ref)} is outside the note folder`,
  hint: `Copy the file into ${noteDir} and refer to it by a path inside it (e.g. src="logo.png"); only files of the note folder are inlined.`,
});

export const assetMissing = (ref: string, noteDir: string): Problem => ({
  message: `${quote(ref)} is not a file in the note folder`,
  hint: `Put the file in ${noteDir}, or fix the path (it is relative to the note folder).`,
});

// ---------------------------------------------------------------------------------------------------------------
// E-mail sender and recipients

export const noMailFrom = (): Problem => ({
  message: 'the e-mail has no sender',
  hint: 'Give --mail-from ADDRESS when building, or set email.from in note.yaml.',
});

export const noMailTo = (): Problem => ({
  message: 'the e-mail has no recipient',
  hint: 'Give --mail-to ADDRESS[,ADDRESS…] when building, or set email.to in note.yaml.',
});

export const badMailAddress = (role: 'sender' | 'recipient', raw: string, from: 'flag' | 'note.yaml'): Problem => ({
  message: `the e-mail ${role} ${quote(raw)} is not an e-mail address`,
  hint: from === 'flag' ? `Write it as name@example.com (or "Name <name@example.com>") in --mail-${role === 'sender' ? 'from' : 'to'}.` : `Write it as name@example.com (or "Name <name@example.com>") in note.yaml's email.${role === 'sender' ? 'from' : 'to'}.`,
});
// audit

export const auditToBeforeFrom = (from: string, to: string): Problem => ({
  message: `--from ${from} is after --to ${to}`,
  hint: 'Give the earlier date with --from and the later one with --to.',
});

export const auditNoDates = (every: string, from: string, to: string): Problem => ({
  message: `no ${every === 'day' ? 'dates' : `${every}s`} with data from ${from} to ${to}`,
  hint: 'Widen --from/--to, or change --every.',
});

/** The summary line of `market-note audit`, on stderr. */
export const auditSummary = (note: string, dates: number, violations: number, perRule: string, seconds: string): string =>
  `${note}: ${dates} ${dates === 1 ? 'date' : 'dates'}, ${violations} ${violations === 1 ? 'violation' : 'violations'} (${perRule}) in ${seconds} s`;

export const auditUncheckedKinds = (kinds: readonly string[]): string =>
  `judgement kinds with no independent check in the audit: ${listWords(kinds)}`;

// Score peers

export const peerIsClone = (fund: string, peer: string, why: string, where: string): Problem => ({
  message: `${peer} cannot be a peer of ${fund}: it is a clone of ${fund} (${why})`,
  hint:
    `A peer must be a fund that tracks a different index. Remove ${peer} from note.yaml ${where}` +
    (where.startsWith('peers') ? ` (without peers.${fund}, the funds of the other size groups are used).` : ', or put it in the size group of ' + fund + '.'),
});

// Hostile or unlucky input: what files may be read, how large values may be, file-system faults

export const notARegularFile = (what: string): Problem => ({
  message: `cannot read ${what}: only regular files are read`,
  hint: 'Point the path at an ordinary file (a copy of the data, not a pipe, device or folder).',
});

export const fileTooBig = (limit: number, envName: string): Problem => ({
  message: `the file is larger than the ${limit / 1_000_000} MB input limit`,
  hint: `Check that this is the right file; to read larger files, raise the limit with ${envName}=<MB> (at most 500).`,
});

export const badSizeLimit = (envName: string, raw: string): Problem => ({
  message: `${envName} must be a number of megabytes above zero, got ${quote(raw)}`,
  hint: `Unset ${envName} to use the default, or set it to e.g. 512.`,
});

export const binaryFile = (): Problem => ({
  message: 'the file is not text (it holds NUL bytes)',
  hint: 'Point the path at a CSV or YAML text file.',
});

const FS_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many symbolic links (a link loop?)',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'no such file or folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'an input/output error',
};

export const fileSystemProblem = (code: string, action: 'read' | 'write'): Problem => ({
  message: `cannot ${action} the file: ${FS_WORDS[code] ?? code.toLowerCase()} (${code})`,
  hint:
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'Free some space (or choose another --out folder) and run again; nothing was left half-written.'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'Check the permissions of the file and its folders, or choose another path.'
        : 'Check the path and try again.',
});

export const notFinite = (column: string): Problem => ({
  message: `${column} is too large to be a number (overflows to infinity)`,
  hint: 'Fix the value or leave the cell empty.',
});

export const closeOutsideRange = (column: string, close: number, low: number, high: number, tolerance: number): Problem => ({
  message: `${column} (${close}) is outside the day's Low..High (${low}..${high}) by more than ${tolerance * 100}%`,
  hint: "Check the row: a day's close must lie between its low and its high (are the columns shifted?).",
});

export const jumpTooLarge = (column: string, value: number, previous: number, previousDate: string, ratio: number): Problem => ({
  message: `${column} jumps from ${previous} (${previousDate}) to ${value}, more than ${ratio}× in one day`,
  hint: 'Check the value (a typo, a missing decimal point, an unadjusted split?); an index or fund does not move that much in a day.',
});

export const membersJump = (count: number, ratio: number, member: string, date: string): Problem => ({
  message: `${count} ${count === 1 ? 'member jumps' : 'members jump'} more than ${ratio}× in one day (the first: ${member} on ${date}); used as they are`,
});

export const pnfTooManyBoxes = (series: string, date: string, limit: number, scope: 'column' | 'chart'): Problem => ({
  message: `${series}: the Point & Figure chart would need more than ${limit.toLocaleString('en-US')} boxes ${scope === 'column' ? 'in one column' : 'in all'} on ${date}`,
  hint: `Check ${series}'s values around ${date} (an absurd price?), or give it a coarser scale under pnf: in note.yaml (e.g. { percent: 1 }).`,
});

export const yamlTooManyAliases = (): Problem => ({
  message: 'the YAML expands too many aliases (*refs)',
  hint: 'Write the values out instead of nesting aliases (a YAML "billion laughs" file is refused).',
});

export const outOfFolder = (what: string, path: string, folder: string): Problem => ({
  message: `${what} ${quote(path)} would be written outside ${folder}`,
  hint: 'Give a path relative to --out that stays inside it (no "..", no absolute path).',
});

export const renderTooLarge = (limit: string): Problem => ({
  message: `the template renders too much (${limit}); stopped`,
  hint: 'Check the {{#each}} blocks of the template: a nested loop over a long list runs away.',
});

export const emlIsFolder = (): Problem => ({
  message: 'this is a folder, not a message file',
  hint: 'Give the .eml file itself, as written by `market-note build --format email`.',
});

export const seriesTooShort = (series: string, section: string, needed: number, have: number, asOf: string): Problem => ({
  message: `${series} has ${have} ${have === 1 ? 'close' : 'closes'} up to ${asOf}; the ${section} ${section.includes(' and ') ? 'sections need' : 'section needs'} at least ${needed}`,
  hint: `Give ${series} a longer history (or an earlier start), or choose a later --as-of.`,
});
