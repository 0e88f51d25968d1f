import { fail } from '../errors/market-note-error.js';
import * as msg from './fetch-messages.js';

export interface DownloadOptions {
  /** Give up after this many milliseconds (connect + whole body); default 30 000. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * GET `url` and return the body as text. Time-outs, HTTP errors and network failures throw a `FETCH` error
 * that names the host and the URL.
 * @example await download('https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10') //=> 'observation_date,DGS10\n1962-01-02,4.06\n…'
 */
export async function download(url: string, opts: DownloadOptions = {}): Promise<string> {
  const ms = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const host = new URL(url).host;
  const signal = AbortSignal.timeout(ms);
  try {
    const res = await fetch(url, { signal, redirect: 'follow', headers: { 'user-agent': 'market-note (+https://www.npmjs.com/package/market-note)', accept: 'text/csv, text/plain, */*' } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      const p = msg.httpStatus(host, res.status, res.statusText, url);
      fail('FETCH', p.message, { hint: p.hint });
    }
    return await res.text();
  } catch (e) {
    if (e instanceof Error && e.name === 'MarketNoteError') throw e;
    if (signal.aborted) {
      const p = msg.timedOut(host, ms, url);
      fail('FETCH', p.message, { hint: p.hint, cause: e });
    }
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const p = msg.unreachable(host, cause?.code ?? cause?.message ?? (e as Error).message, url);
    return fail('FETCH', p.message, { hint: p.hint, cause: e });
  }
}
