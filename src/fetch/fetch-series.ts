/**
 * `market-note fetch`, the library part: read the config, download every series, merge each into its file.
 * Nothing is written here: the caller gets the new contents and writes them all together (or none, when a
 * download or a merge fails).
 *
 *   1. parse the config            (fetch-config.ts)
 *   2. download each series        (download.ts; one at a time, politely)
 *   3. merge into the file's rows  (merge-rows.ts; old rows byte-identical)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarketNoteError } from '../errors/market-note-error.js';
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

/**
 * Download and merge every series of the config at `configFile` into CSV files under `outDir`.
 * Throws the first failure (with series, file and URL in the message); nothing is written either way.
 * @example (await fetchSeries('fetch.yaml', 'data')).filter((f) => f.result.changed).map((f) => f.path) //=> ['data/GSPC.csv']
 */
export async function fetchSeries(configFile: string, outDir: string, opts: FetchOptions = {}): Promise<FetchedSeries[]> {
  if (!existsSync(configFile)) throw new MarketNoteError('MISSING_FILE', `fetch config not found: ${configFile}`, { hint: 'Point --config at a YAML file that lists the series (see docs/editing.md).' });
  const config = parseFetchConfig(readFileSync(configFile, 'utf8'), configFile);
  const get = opts.download ?? download;
  const out: FetchedSeries[] = [];
  for (const s of config.series) {
    const path = join(outDir, s.file);
    const existed = existsSync(path);
    const before = existed ? readFileSync(path, 'utf8') : undefined;
    let result: MergeResult;
    try {
      result = mergeRows(before, await get(s.url, opts), { file: path, url: s.url, force: opts.force });
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
