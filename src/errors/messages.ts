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

const quote = (raw: string): string => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

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
  return words.length <= max ? words.join(', ') : `${words.slice(0, max).join(', ')}, … (${words.length - max} more)`;
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

/** "SPX has" / "SPX and RUT both have" / "SPX, RUT and TNX all have" */
const subject = (keys: readonly string[]): string =>
  keys.length === 1 ? `${keys[0]} has` : `${listWords(keys)} ${keys.length === 2 ? 'both' : 'all'} have`;

export const asOfAfterData = (asOf: string, last: string, first: string, keys: readonly string[], limiting?: string): Problem => ({
  message:
    `as-of ${asOf} is after the data: ${subject(keys)} data only up to ${last}` +
    (limiting && keys.length > 1 ? ` (${limiting} ends first)` : ''),
  hint: `Use a date from ${first} to ${last}, or leave out --as-of to use ${last}.`,
});

export const asOfBeforeData = (asOf: string, first: string, last: string, keys: readonly string[], limiting?: string): Problem => ({
  message:
    `as-of ${asOf} is before the data: ${subject(keys)} data only from ${first}` +
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
  'market-note: no --data given: using the synthetic demo market; the note is marked "demo data" (give --data PATH for real prices)';

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
