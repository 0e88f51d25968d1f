/**
 * The early facts worker of a single `build` (see facts-worker.ts): started by the bin shim before the CLI's
 * modules load, taken by the batch when it starts. This module imports nothing heavy, so the shim can load it
 * first; the worker runs facts-worker.js.
 */
import { Worker } from 'node:worker_threads';
import { CODE_KIND } from '../config/paths.js';

/** What an early worker loads: the command line's note, data, symbol and --allow-stale. */
export interface EarlyFactsSpec {
  note?: string;
  data?: string;
  symbol?: string;
  /** The --as-of the command will ask for (its run is computed at once). */
  asOf?: string;
  allowStale: boolean;
  charts: boolean;
}

export const EARLY_FLAG = 'market-note:early-facts';

export interface EarlyWorker {
  worker: Worker;
  charts: boolean;
  /** The fingerprint of what it loaded (facts-worker.ts), or null when it could not load it. */
  ready: Promise<string | null>;
}

let early: EarlyWorker | undefined;

/** Start an early facts worker; does nothing when this is not the compiled JavaScript (the tests run the sources). */
export function startEarlyFacts(spec: EarlyFactsSpec): void {
  const script = new URL('./facts-worker.js', import.meta.url);
  if (early || CODE_KIND !== 'js') return;
  try {
    const worker = new Worker(script, { workerData: { [EARLY_FLAG]: true, ...spec } });
    const ready = new Promise<string | null>((resolve) => {
      worker.once('message', (m: { ready?: string | null }) => resolve(m.ready ?? null));
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
    worker.unref(); // one nobody takes does not keep the process alive
    early = { worker, charts: spec.charts, ready };
  } catch {
    early = undefined;
  }
}

/** The early worker, if one was started and not yet taken. */
export function takeEarlyFacts(): EarlyWorker | undefined {
  const e = early;
  early = undefined;
  return e;
}

/** End an early worker nobody took (a usage error, --help, an error before the facts). */
export async function closeEarlyFacts(): Promise<void> {
  const e = takeEarlyFacts();
  if (e) await e.worker.terminate();
}
