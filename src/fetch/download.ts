import { maxInputBytes } from '../data/read-file.js';
import { fail, MarketNoteError } from '../errors/market-note-error.js';
import * as msg from './fetch-messages.js';

export interface DownloadOptions {
  /** Give up on one attempt after this many milliseconds (connect + whole body); default 30 000. */
  timeoutMs?: number;
  /** Attempts after the first when the server answers 5xx / 429, times out or cannot be reached; default 3. */
  retries?: number;
  /** Wait before the first retry, in milliseconds; doubled before each further one; default 1 000. */
  retryDelayMs?: number;
  /** Largest body accepted, in bytes (after decompression); default the input-file limit (MARKET_NOTE_MAX_FILE_MB, 256 MB). */
  maxBytes?: number;
  /** Called before each retry (progress on stderr). */
  onRetry?: (attempt: number, waitMs: number, why: string) => void;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 3;
export const DEFAULT_RETRY_DELAY_MS = 1_000;

/** A failure worth another attempt: a busy or failing server, a time-out, a dropped connection. */
class Retryable extends Error {
  constructor(readonly error: MarketNoteError) {
    super(error.message);
  }
}

/**
 * GET `url` and return the body as text, retrying with exponential backoff on 5xx / 429 answers, time-outs and
 * network failures. Every failure throws a `FETCH` error that names the host and the URL; a body larger than
 * `maxBytes` (an endless stream, a gzip bomb) is cut off there and refused.
 * @example await download('https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10') //=> 'observation_date,DGS10\n1962-01-02,4.06\n…'
 */
export async function download(url: string, opts: DownloadOptions = {}): Promise<string> {
  const retries = opts.retries ?? DEFAULT_RETRIES;
  let wait = opts.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptDownload(url, opts);
    } catch (e) {
      if (!(e instanceof Retryable)) throw e;
      if (attempt >= retries) {
        if (attempt === 0) throw e.error;
        const p = msg.gaveUp(e.error.message, attempt + 1);
        throw new MarketNoteError('FETCH', p.message, { hint: e.error.hint, cause: e.error });
      }
      opts.onRetry?.(attempt + 1, wait, e.error.message);
      await new Promise((ok) => setTimeout(ok, wait));
      wait *= 2;
    }
  }
}

async function attemptDownload(url: string, opts: DownloadOptions): Promise<string> {
  const ms = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const max = opts.maxBytes ?? maxInputBytes();
  const host = new URL(url).host;
  const signal = AbortSignal.timeout(ms);
  try {
    const res = await fetch(url, { signal, redirect: 'follow', headers: { 'user-agent': 'market-note (+https://www.npmjs.com/package/market-note)', accept: 'text/csv, text/plain, */*' } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      const p = msg.httpStatus(host, res.status, res.statusText, url);
      const err = new MarketNoteError('FETCH', p.message, { hint: p.hint });
      throw res.status >= 500 || res.status === 429 ? new Retryable(err) : err;
    }
    return await boundedText(res, max, host, url);
  } catch (e) {
    if (e instanceof Retryable || e instanceof MarketNoteError) throw e;
    if (signal.aborted) {
      const p = msg.timedOut(host, ms, url);
      throw new Retryable(new MarketNoteError('FETCH', p.message, { hint: p.hint, cause: e }));
    }
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const p = msg.unreachable(host, cause?.code ?? cause?.message ?? (e as Error).message, url);
    throw new Retryable(new MarketNoteError('FETCH', p.message, { hint: p.hint, cause: e }));
  }
}

/** The body as UTF-8 text, reading at most `max` bytes (decompressed): past that the stream is cancelled. */
async function boundedText(res: Response, max: number, host: string, url: string): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  const tooBig = (): never => {
    const p = msg.tooLarge(host, max, url);
    return fail('FETCH', p.message, { hint: p.hint });
  };
  if (!res.headers.get('content-encoding') && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    tooBig();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}
