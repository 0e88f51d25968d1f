/**
 * The head start of `market-note facts --data market.yaml`: the bin shim starts the universe worker (which plans the
 * market.yaml itself) before the CLI's modules load, and `loadMarketOverlapped` takes it. This module imports
 * nothing heavy, so the shim loads it first; the worker runs universe-worker.js, beside this file in both the
 * compiled and the bundled layout.
 */
import { availableParallelism, loadavg } from 'node:os';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { trace } from '../cli/trace.js';
import type { UniverseJob } from './market-plan.js';

/** What the universe worker is given (universe-worker.ts): its universes, or the market.yaml to plan them from. */
export interface UniverseWorkerData {
  jobs?: UniverseJob[];
  marketYaml?: string;
  port: MessagePort;
  flag: Int32Array;
}

/** A universe worker and the channel it answers on (one message, then `flag[0] = 1`). */
export interface UniverseWorker {
  worker: Worker | undefined;
  port: MessagePort;
  flag: Int32Array;
}

/** The environment variable that forces the universe worker on (`always`) or off (`never`); else it depends on the load. */
export const OVERLAP_ENV = 'MARKET_NOTE_OVERLAP';

/**
 * Whether a core is idle (load average over the last minute at least one below the cores this process may use).
 * Without one the worker only adds its start and its own compiling to the same CPU: on a busy 2-core machine
 * the overlapped load measured ~70 ms slower than reading everything on this thread (docs/performance.md).
 */
function coreToSpare(): boolean {
  return loadavg()[0] + 1 <= availableParallelism();
}

/** Whether the universes should load in a worker: MARKET_NOTE_OVERLAP, else an idle core. */
export function overlapWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env[OVERLAP_ENV];
  return v === 'always' ? true : v === 'never' ? false : coreToSpare();
}

/** Start a universe worker on `what` (its jobs, or a market.yaml to plan). */
export function startUniverseWorker(what: { jobs: UniverseJob[] } | { marketYaml: string }): UniverseWorker {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  try {
    const data: UniverseWorkerData = { ...what, port: port2, flag };
    const worker = new Worker(new URL('./universe-worker.js', import.meta.url), { workerData: data, transferList: [port2] });
    worker.on('error', () => undefined); // a failed worker sends nothing: the files are then read on the main thread
    worker.unref();
    return { worker, port: port1, flag };
  } catch {
    return { worker: undefined, port: port1, flag };
  }
}

let early: (UniverseWorker & { path: string }) | undefined;
/** The command has asked for its market: a start after that would be a worker nobody takes. */
let closed = false;

/**
 * Start the universe worker for `--data path` now, when it names a .yaml/.yml file (a folder is left to the command) and a
 * core is idle. Never throws: any problem is the command's to report, as it would be without the head start.
 */
export function startUniversesEarly(path: string): void {
  if (early || closed || !import.meta.url.endsWith('.js') || !/\.ya?ml$/i.test(path) || !overlapWanted()) return;
  early = { ...startUniverseWorker({ marketYaml: path }), path };
  trace('universe worker started early');
}

/** The early worker when it was started for `path` (and not yet taken); one started for another path is ended. */
export function takeUniversesEarly(path: string | undefined): UniverseWorker | undefined {
  closed = true;
  const e = early;
  early = undefined;
  if (e && e.path !== path) {
    void e.worker?.terminate();
    return undefined;
  }
  return e;
}
