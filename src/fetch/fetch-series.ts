/**
 * `market-note fetch`, the library part: read the config, download every series, merge each into its file.
 * Nothing is written here: the caller gets the new contents and writes them all together (or none, when a
 * download or a merge fails).
 *
 *   1. parse the config            (fetch-config.ts)
 *   2. download each series        (download.ts; one at a time, politely)
 *   3. merge into the file's rows  (merge-rows.ts; old rows byte-identical)
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { readSeriesCsv } from '../data/read-csv.js';
import { readInputFile } from '../data/read-file.js';
import { MarketNoteError } from '../errors/market-note-error.js';
import * as msg from './fetch-messages.js';
import { type FetchSeries, parseFetchConfig } from './fetch-config.js';
import { download, type DownloadOptions } from './download.js';
import { mergeRows, type MergeResult } from './merge-rows.js';

export interface FetchOptions extends DownloadOptions {
  /** Replace rows the source revised instead of refusing. */
  force?: boolean;
  /** The downloader (tests and callers may swap it). */
  download?: (url: string, opts: DownloadOptions) => Promise<string>;
  /** Called after each series is merged (progress on stderr). */
  onSeries?: (s: FetchSeries, r: MergeResult) => void;
}

/** One series after the download: the file to write and what changed in it. */
export interface FetchedSeries {
  series: FetchSeries;
  path: string;
  existed: boolean;
  result: MergeResult;
}

/** Whether `path`, following the symbolic links of the part that exists, still lies inside `root`. */
function realInside(path: string, root: string): boolean {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!existsSync(root)) return true; // nothing exists yet: --out and everything below it will be created
  const realRoot = realpathSync(root);
  const real = realpathSync(existing);
  return real === realRoot || real.startsWith(realRoot + sep);
}

/**
 * Reads the merged file with the loader's rules (numbers, finite, positive prices, Low ≤ Close ≤ High, no
 * tenfold jump …) before anything is written; a bad downloaded row becomes one FETCH error at its line.
 * FRED series may be yields or spreads (zero or negative), so only stooq prices must be above zero.
 */
function checkRows(text: string, path: string, s: FetchSeries, before: string | undefined): void {
  try {
    readSeriesCsv(text, path, s.key, { kind: s.source === 'fred' ? 'yield' : 'price' });
  } catch (e) {
    if (!(e instanceof MarketNoteError)) throw e;
    const oldLines = before === undefined ? 0 : before.split('\n').length - (before.endsWith('\n') ? 1 : 0);
    if (e.line !== undefined && e.line <= oldLines) throw e; // the file already had it: the loader's own error
    const p = msg.downloadBadValue(s.url, e.message);
    throw new MarketNoteError('FETCH', `${s.key}: ${p.message}`, { file: path, line: e.line, hint: p.hint, cause: e });
  }
}

/**
 * Download and merge every series of the config at `configFile` into CSV files under `outDir`.
 * Throws the first failure (with series, file and URL in the message); nothing is written either way.
 * @example (await fetchSeries('fetch.yaml', 'data')).filter((f) => f.result.changed).map((f) => f.path) //=> ['data/GSPC.csv']
 */
export async function fetchSeries(configFile: string, outDir: string, opts: FetchOptions = {}): Promise<FetchedSeries[]> {
  if (!existsSync(configFile)) throw new MarketNoteError('MISSING_FILE', `fetch config not found: ${configFile}`, { hint: 'Point --config at a YAML file that lists the series (see docs/editing.md).' });
  const config = parseFetchConfig(readInputFile(configFile), configFile);
  const get = opts.download ?? download;
  const out: FetchedSeries[] = [];
  const root = resolve(outDir);
  for (const s of config.series) {
    const path = resolve(root, s.file);
    if (!path.startsWith(root + sep) || !realInside(path, root)) {
      const p = msg.fileOutsideOut(s.file);
      throw new MarketNoteError('CONFIG', p.message, { file: configFile, hint: p.hint });
    }
    const existed = existsSync(path);
    const before = existed ? readInputFile(path) : undefined;
    let result: MergeResult;
    try {
      result = mergeRows(before, await get(s.url, { ...opts, onRetry: opts.onRetry && ((n, ms, why) => opts.onRetry?.(n, ms, `${s.key}: ${why}`)) }), { file: path, url: s.url, force: opts.force });
      if (result.changed) checkRows(result.text, path, s, before);
    } catch (e) {
      if (e instanceof MarketNoteError && !e.file) {
        throw new MarketNoteError(e.code, `${s.key}: ${e.message}`, { file: path, hint: e.hint, cause: e });
      }
      throw e;
    }
    out.push({ series: s, path, existed, result });
    opts.onSeries?.(s, result);
  }
  return out;
}
