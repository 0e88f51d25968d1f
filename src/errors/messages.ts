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
