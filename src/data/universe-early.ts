/**
 * The head start of `market-note facts --data market.yaml`: the bin shim starts the universe worker (which plans the
 * market.yaml itself) before the CLI's modules load, and `loadMarketOverlapped` takes it. This module imports
 * nothing heavy, so the shim loads it first; the worker runs universe-worker.js, beside this file in both the
 * compiled and the bundled layout, or in the bundled layout its CommonJS bundle universe-worker.cjs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism, loadavg } from 'node:os';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { trace } from '../cli/trace.js';
import { CODE_KIND, PACKAGE_ROOT } from '../config/paths.js';
import type { UniverseJob } from './market-plan.js';

/** What the universe worker is given (universe-worker.ts): its universes, or the market.yaml to plan them from. */
export interface UniverseWorkerData {
  jobs?: UniverseJob[];
  marketYaml?: string;
  port: MessagePort;
  flag: Int32Array;
}

/** A universe worker and the channel it answers on (one message, then `flag[0] = 1`; `flag[1] = 1` once its code is loaded). */
export interface UniverseWorker {
  worker: Worker | undefined;
  port: MessagePort;
  flag: Int32Array;
}

/** The environment variable that forces the universe worker on (`always`) or off (`never`); else it depends on the load. */
export const OVERLAP_ENV = 'MARKET_NOTE_OVERLAP';

/**
 * Whether a core is idle for the worker: no other task is runnable now beyond what leaves one core free (Linux's
 * /proc/loadavg, whose running count includes this process), else, where there is no /proc, the load average over the
 * last minute at least one below the cores this process may use. Without an idle core the worker only adds its start
 * and its own compiling to the same CPU: beside one busy process on 2 cores the overlapped load measured ~50 ms slower
 * than reading everything on this thread. The minute's average cannot tell that busy process from a run of short
 * commands one after another (the bench, a script), which leave a core idle but hold the average near 1: the count of
 * tasks running now can (docs/performance.md).
 */
function coreToSpare(): boolean {
  return spareCore(runningNow(), loadavg()[0], availableParallelism());
}

/**
 * {@link coreToSpare} on its inputs: `running` tasks now (this process included; null without /proc), the minute's
 * load average and the cores.
 * @example spareCore(1, 1.2, 2) //=> true    (only this process runs: the minute's average is the commands before it)
 * @example spareCore(2, 1.0, 2) //=> false   (another process is busy)
 */
export function spareCore(running: number | null, load: number, cores: number): boolean {
  return running === null ? load + 1 <= cores : running - 1 + 2 <= cores;
}

/** Tasks running or runnable now, this process included (/proc/loadavg's fourth field), or null without /proc. */
function runningNow(): number | null {
  try {
    const m = /^\S+ \S+ \S+ (\d+)\//.exec(readFileSync('/proc/loadavg', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Whether the universes should load in a worker: MARKET_NOTE_OVERLAP, else an idle core. */
export function overlapWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env[OVERLAP_ENV];
  return v === 'always' ? true : v === 'never' ? false : coreToSpare();
}

/**
 * The universe worker's young generation (MB, V8's `maxYoungGenerationSizeMb`: both semi-spaces and the young large
 * objects). The worker's garbage is short-lived (cells, rows) and V8 would grow its semi-spaces to 16 MB; on a virtual
 * machine each first touch of a page costs ~15 µs, more than the extra scavenges of a small young generation: a
 * worker reading the S&P 600 file took ~1,500 fewer page faults (8,150 → 6,650) with 3 MB.
 */
export const UNIVERSE_WORKER_YOUNG_MB = 3;

/** Start a universe worker on `what` (its jobs, or a market.yaml to plan). */
export function startUniverseWorker(what: { jobs: UniverseJob[] } | { marketYaml: string }): UniverseWorker {
  const flag = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  try {
    const data: UniverseWorkerData = { ...what, port: port2, flag };
    const bundle = fileURLToPath(new URL('./universe-worker.cjs', import.meta.url));
    const options = { workerData: data, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: UNIVERSE_WORKER_YOUNG_MB } };
    const worker = existsSync(bundle)
      ? new Worker(bundledWorker(bundle), { ...options, eval: true })
      : new Worker(new URL('./universe-worker.js', import.meta.url), options);
    worker.on('error', () => undefined); // a failed worker sends nothing: the files are then read on the main thread
    worker.unref();
    return { worker, port: port1, flag };
  } catch {
    return { worker: undefined, port: port1, flag };
  }
}

/**
 * The code of a worker that runs the worker's CommonJS bundle (dist/bundle/universe-worker.cjs) with V8's code cache
 * beside it (bin/code-cache.cjs): no ES module loader to start, and the bytecode of a training run instead of
 * compiling. MARKET_NOTE_CODE_CACHE=write (scripts/bundle.js's training) writes the cache once the worker is done.
 */
function bundledWorker(bundle: string): string {
  const loader = join(PACKAGE_ROOT, 'bin', 'code-cache.cjs');
  const cache = bundle.replace(/\.cjs$/, '.cache');
  return `const b = require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cache)});
if (process.env.MARKET_NOTE_CODE_CACHE === 'write') b.writeCache();`;
}

/**
 * The head start's state, on the global object: the bin shim starts the worker from a small bundle of its own
 * (dist/bundle/facts-early.cjs) before it loads the command's bundle, which holds another copy of this module and
 * takes the worker from here. `closed`: the command has asked for its market, so a start after that would be a worker
 * nobody takes.
 */
const state: { early: (UniverseWorker & { path: string }) | undefined; closed: boolean } = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('market-note.universes-early')
] ??= { early: undefined, closed: false }) as never;

/**
 * Start the universe worker for `--data path` now, when it names a .yaml/.yml file (a folder is left to the command) and a
 * core is idle. Never throws: any problem is the command's to report, as it would be without the head start.
 */
export function startUniversesEarly(path: string): void {
  if (state.early || state.closed || CODE_KIND !== 'js' || !/\.ya?ml$/i.test(path) || !overlapWanted()) return;
  state.early = { ...startUniverseWorker({ marketYaml: path }), path };
  trace('universe worker started early');
}

/** The value of option `name` in argv (`--name value` or `--name=value`), or undefined. */
export function optionValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/** {@link startUniversesEarly} for a command line: `facts --data X.yaml` (not its --help). */
export function startUniversesFor(argv: string[]): void {
  const data = argv[0] === 'facts' && !argv.some((a) => a === '--help' || a === '-h') ? optionValue(argv, '--data') : undefined;
  if (data !== undefined) startUniversesEarly(data);
}

/** The early worker when it was started for `path` (and not yet taken); one started for another path is ended. */
export function takeUniversesEarly(path: string | undefined): UniverseWorker | undefined {
  state.closed = true;
  const e = state.early;
  state.early = undefined;
  if (e && e.path !== path) {
    void e.worker?.terminate();
    return undefined;
  }
  return e;
}
