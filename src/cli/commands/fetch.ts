import { resolve } from 'node:path';
import { retrying } from '../../fetch/fetch-messages.js';
import { fetchSeries } from '../../fetch/fetch-series.js';
import { AtomicOutputs } from '../../pipeline/write-atomic.js';
import type { CliIo } from '../io.js';

export interface FetchArgs {
  config: string;
  out: string;
  force?: boolean;
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
}

/**
 * `market-note fetch --config FILE --out DIR`: append the new rows of every series to DIR/<file>.csv.
 * Prints the paths of the files it changed; a line per series on stderr. All files change together or none does.
 */
export async function fetchCommand(args: FetchArgs, io: CliIo): Promise<number> {
  const outDir = resolve(args.out);
  const fetched = await fetchSeries(resolve(args.config), outDir, {
    force: args.force,
    timeoutMs: args.timeoutMs,
    retries: args.retries,
    retryDelayMs: args.retryDelayMs,
    onRetry: (attempt, waitMs, why) => io.err(`market-note: ${retrying(attempt, waitMs, why)}`),
  });
  const out = new AtomicOutputs();
  try {
    for (const f of fetched) if (f.result.changed) out.write(f.path, f.result.text);
    for (const path of out.commit()) io.out(path);
  } catch (e) {
    out.abort();
    throw e;
  }
  // What changed, once everything is written (a failure above reports only the failure).
  for (const { series: s, result: r } of fetched) {
    const what = r.added ? `${r.added} new ${r.added === 1 ? 'row' : 'rows'} (${r.first === r.last ? r.first : `${r.first} to ${r.last}`})` : 'up to date';
    const revised = r.revised.length ? `; ${r.revised.length} revised ${r.revised.length === 1 ? 'value' : 'values'} replaced (--force)` : '';
    io.err(`${s.key} → ${s.file}: ${what}${revised}`);
  }
  return 0;
}
