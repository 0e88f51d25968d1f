/**
 * Every sentence `market-note fetch` can show, as small functions (the fetch part of errors/messages.ts, kept
 * beside the code that uses it).
 */
import { cellText, type Problem } from '../errors/messages.js';

const quote = (raw: string): string => JSON.stringify(cellText(raw));

export const configNotAMapping = (): Problem => ({
  message: 'the fetch config must be a mapping with `series:`',
  hint: 'Example:\nseries:\n  SPX: { source: stooq, symbol: ^spx, file: GSPC.csv }\n  TNX: { source: fred, id: DGS10, file: DGS10.csv }',
});

export const configProblem = (path: string, detail: string): Problem => ({
  message: path ? `${path}${detail.startsWith('is ') ? ' ' : ': '}${detail}` : detail,
  hint: 'Each series needs `source: fred` with `id:` (e.g. DGS10), or `source: stooq` with `symbol:` (e.g. ^spx); `file:` defaults to <KEY>.csv.',
});

export const configNoSeries = (): Problem => ({
  message: 'the fetch config lists no series',
  hint: 'Add entries under `series:`, e.g. TNX: { source: fred, id: DGS10 }.',
});

export const configSameFile = (file: string, first: string, second: string): Problem => ({
  message: `${first} and ${second} both write ${file}`,
  hint: 'Give each series its own `file:`.',
});

export const timedOut = (host: string, ms: number, url: string): Problem => ({
  message: `no answer from ${host} within ${ms} ms (${url})`,
  hint: 'The site may be slow or down: try again later, or allow more time with --timeout-ms. No file was changed.',
});

export const httpStatus = (host: string, status: number, statusText: string, url: string): Problem => ({
  message: `${host} answered HTTP ${status}${statusText ? ` ${statusText}` : ''} for ${url}`,
  hint:
    status === 404
      ? 'Check the series id or symbol in the fetch config. No file was changed.'
      : status === 429 || status >= 500
        ? 'The site is busy or failing: try again later. No file was changed.'
        : 'Check the URL (and `baseUrl` in the fetch config). No file was changed.',
});

export const unreachable = (host: string, detail: string, url: string): Problem => ({
  message: `could not reach ${host}: ${detail} (${url})`,
  hint: 'Check the network connection and the `baseUrl` in the fetch config. No file was changed.',
});

export const notACsv = (url: string, firstLine: string): Problem => ({
  message: `the download from ${url} is not a CSV with a date column (it starts with ${quote(firstLine)})`,
  hint: 'The source may not know this id or symbol (stooq answers "No data"): check it in the fetch config. No file was changed.',
});

export const downloadNoRows = (url: string): Problem => ({
  message: `the download from ${url} has a header but no rows`,
  hint: 'Check the id or symbol in the fetch config. No file was changed.',
});

export const downloadBadDate = (url: string, line: number, raw: string): Problem => ({
  message: `line ${line} of the download from ${url}: ${quote(raw)} is not a date YYYY-MM-DD`,
  hint: 'The source changed its format; the file was left as it was.',
});

export const downloadOutOfOrder = (url: string, line: number, date: string, previous: string): Problem => ({
  message: `line ${line} of the download from ${url}: ${date} does not come after ${previous}`,
  hint: 'The source sent rows out of order; the file was left as it was.',
});

export const downloadMissingColumn = (column: string, columns: readonly string[], url: string): Problem => ({
  message: `the file has a ${column} column but the download from ${url} does not (it has ${columns.slice(0, 12).map(cellText).join(', ')})`,
  hint: 'The file was written from another source or format: fetch into a new file, or fix the `source:` of this series.',
});

export const existingNoDate = (columns: readonly string[]): Problem => ({
  message: `no date column in the existing file (columns: ${columns.slice(0, 12).map(cellText).join(', ')})`,
  hint: 'Fetch into a new file, or name the date column Date or observation_date.',
});

export const overlapDiffers = (date: string, column: string, old: string, now: string, more: number): Problem => ({
  message: `${date}: ${column} is ${quote(old)} in the file but ${quote(now)} in the download${more ? ` (and ${more} more ${more === 1 ? 'value differs' : 'values differ'})` : ''}`,
  hint: 'The source revised data the file already has. Check it; run again with --force to replace the old rows with the new values.',
});

export const gaveUp = (last: string, attempts: number): Problem => ({
  message: `${last}; gave up after ${attempts} attempts`,
});

export const tooLarge = (host: string, max: number, url: string): Problem => ({
  message: `the answer from ${host} is larger than ${max / 1_000_000} MB; stopped reading (${url})`,
  hint: 'A daily history is a few MB: check the URL in the fetch config. No file was changed.',
});

export const downloadShortRow = (url: string, line: number, cells: number, expected: number): Problem => ({
  message: `line ${line} of the download from ${url} has ${cells} cells but its header has ${expected}`,
  hint: 'The download was cut off or the source changed its format; the file was left as it was.',
});

export const downloadNotText = (url: string): Problem => ({
  message: `the download from ${url} is not text (it holds NUL bytes)`,
  hint: 'Check the URL in the fetch config. No file was changed.',
});

export const downloadBadValue = (url: string, detail: string): Problem => ({
  message: `the download from ${url} would write a bad row: ${detail}`,
  hint: 'The file was left as it was. Check the source; fix or remove the row by hand if the source is right.',
});

export const fileOutsideOut = (path: string): Problem => ({
  message: `file ${quote(path)} would be written outside --out`,
  hint: 'Give `file:` as a name (or path) inside the --out folder: no "..", no absolute path.',
});

export const tooManyAliases = (): Problem => ({
  message: 'the YAML expands too many aliases (*refs)',
  hint: 'Write the values out instead of nesting aliases.',
});

export const retrying = (attempt: number, waitMs: number, why: string): string => `${why}; retry ${attempt} in ${waitMs} ms`;
