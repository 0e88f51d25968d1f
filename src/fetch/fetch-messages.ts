/**
 * Every sentence `market-note fetch` can show, as small functions (the fetch part of errors/messages.ts, kept
 * beside the code that uses it).
 */
import type { Problem } from '../errors/messages.js';

const quote = (raw: string): string => JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);

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
  message: `the file has a ${column} column but the download from ${url} does not (it has ${columns.join(', ')})`,
  hint: 'The file was written from another source or format: fetch into a new file, or fix the `source:` of this series.',
});

export const existingNoDate = (columns: readonly string[]): Problem => ({
  message: `no date column in the existing file (columns: ${columns.join(', ')})`,
  hint: 'Fetch into a new file, or name the date column Date or observation_date.',
});

export const overlapDiffers = (date: string, column: string, old: string, now: string, more: number): Problem => ({
  message: `${date}: ${column} is ${quote(old)} in the file but ${quote(now)} in the download${more ? ` (and ${more} more ${more === 1 ? 'value differs' : 'values differ'})` : ''}`,
  hint: 'The source revised data the file already has. Check it; run again with --force to replace the old rows with the new values.',
});
