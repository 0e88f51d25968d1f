/**
 * Facts (and, when asked, the chart SVGs drawn from them) for a run of notes, computed in a worker thread (or in
 * this thread when the worker cannot run). The main thread stays free while facts and charts are computed: it
 * renders and prints the note before, the browser's messages keep flowing, and a signal (Ctrl-C) is handled at
 * once, ending the worker with the process.
 *
 * This module is the worker's entry point too, so it imports only what the facts need; the chart modules (Vega)
 * load in the worker only when it draws charts.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import type { IsoDate, Market } from '../data/types.js';
import { MarketNoteError, type ErrorCode } from '../errors/market-note-error.js';
import { buildFacts, factsChanges } from '../facts/build-facts.js';
import type { Facts } from '../facts/types.js';
import type { NoteConfig, NoteSource } from '../note/load-note.js';
import type { Figures } from '../charts/build-charts.js';
import { EARLY_FLAG, takeEarlyFacts, type EarlyFactsSpec, type EarlyWorker } from './early-facts.js';
import { trace } from '../cli/trace.js';

/** One note to build: an as-of date and, for per-symbol notes, the symbol. */
interface NoteRun {
  asOf?: IsoDate;
  symbol?: string;
}

const runKey = (r: NoteRun): string => `${r.symbol ?? ''}@${r.asOf ?? ''}`;

/** A note's facts and, when the source draws charts, its figures (undefined: draw them in this thread). */
export interface FactsAndFigures {
  facts: Facts;
  figures?: Figures;
  /**
   * The facts' `changes` when they come after the facts (a worker computes the comparison week while this thread
   * draws the charts): set `facts.changes` to it before the facts are read further.
   */
  changes?: Promise<Facts['changes']>;
}

/** Where a batch gets each note's facts (and figures) from. */
export interface FactsSource {
  get(run: NoteRun): Promise<FactsAndFigures>;
  /** Start computing a run that will be asked for soon. */
  prefetch(run: NoteRun): void;
  close(): Promise<void>;
  where(): 'worker' | 'thread';
}

const WORKER_FLAG = 'market-note:batch-facts';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}
function deferred<T>(): Deferred<T> {
  const d = {} as Deferred<T>;
  d.promise = new Promise<T>((res, rej) => ((d.resolve = res), (d.reject = rej)));
  d.promise.catch(() => undefined); // handled where it is awaited
  return d;
}

/**
 * The worker's heap limits. Left to itself, V8 lets a long batch's worker heap grow from ~180 to ~270 MB though
 * only ~90 MB stays alive (it collects lazily below its default limit), and the process's memory grows with it.
 * A 320 MB old generation keeps the heap near 140–180 MB over 200 notes, for a few more collections (~20 ms a
 * note of the worker's time); the young generation is set too, since V8 would otherwise size it down from the
 * old generation's limit and scavenge far more often. A note's seven charts keep ~10 MB alive while they are
 * drawn, so each scavenge copies about that much whatever its size: a 192 MB young generation scavenges half as
 * often as 96 MB and cut the worker's CPU by ~15 ms a note (batch of 60 weekly notes, 24 / 96 / 192 / 384 MB:
 * 183 / 173 / 158 / 159 ms of Node CPU a note). A market with more than 64 MB of prices keeps V8's defaults,
 * so a larger live set never meets the limit.
 */
function workerLimits(market: Market): ResourceLimits | undefined {
  let bytes = 0;
  for (const s of Object.values(market.series)) for (const v of Object.values(s)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  for (const u of Object.values(market.universes)) for (const c of u.closes) bytes += c.byteLength;
  return bytes > 64 << 20 ? undefined : { maxOldGenerationSizeMb: 320, maxYoungGenerationSizeMb: 192 };
}

interface WorkerInit {
  [WORKER_FLAG]: true;
  market: Market;
  config: NoteConfig;
  noteName: string;
  allowStale: boolean;
  /** Draw each note's charts in the worker too. */
  charts: boolean;
}

type WorkerReply =
  | { key: string; facts: Facts; figures?: Figures; changesLater?: true }
  | { key: string; changes: Facts['changes'] }
  | { key: string; error: { code?: ErrorCode; message: string; file?: string; line?: number; column?: number; hint?: string } };

export function inThreadFacts(note: NoteSource, market: Market, allowStale = false): FactsSource {
  return {
    get: async (run) => ({ facts: buildFacts(market, note.config, { asOf: run.asOf, symbol: run.symbol, noteName: note.name, allowStale }) }),
    prefetch: () => undefined,
    close: async () => undefined,
    where: () => 'thread',
  };
}

/**
 * A worker thread running this module, computing facts in the order asked; null when this module is not the
 * compiled JavaScript (a worker cannot load the TypeScript sources the tests run). The module imports only the
 * facts, so the worker starts in a fraction of the time the whole pipeline takes to load.
 */
export function factsWorker(note: NoteSource, market: Market, allowStale = false, options: { charts?: boolean; resourceLimits?: ResourceLimits } = {}): FactsSource | null {
  const e = takeEarlyFacts();
  if (e) {
    if (e.charts === (options.charts ?? false)) return adoptEarly(e, note, market, allowStale, options);
    void e.worker.terminate();
  }
  // this module's own file, also when it is bundled (the bundle's facts-worker.js entry sits beside its chunks)
  const self = new URL('./facts-worker.js', import.meta.url);
  if (!self.pathname.endsWith('.js')) return null;
  let worker: Worker;
  try {
    const init: WorkerInit = { [WORKER_FLAG]: true, market, config: note.config, noteName: note.name, allowStale, charts: options.charts ?? false };
    const resourceLimits = options.resourceLimits ?? workerLimits(market);
    worker = new Worker(fileURLToPath(self), { workerData: init, ...(resourceLimits ? { resourceLimits } : {}) });
  } catch {
    return null;
  }
  return workerSource(worker, note, market, allowStale);
}

/** A FactsSource answered by `worker` (a batch's worker, or an early one that loaded the same note and market). */
function workerSource(worker: Worker, note: NoteSource, market: Market, allowStale: boolean): FactsSource {
  type Pending = { run: NoteRun; promise: Promise<FactsAndFigures>; resolve: (f: FactsAndFigures) => void; reject: (e: unknown) => void; later?: Deferred<Facts['changes']> };
  const pending = new Map<string, Pending>();
  let dead: unknown = null;
  const fallback = inThreadFacts(note, market, allowStale);
  worker.on('message', (reply: WorkerReply) => {
    const p = pending.get(reply.key);
    if (!p) return;
    if ('facts' in reply) {
      if (reply.changesLater) p.later = deferred();
      p.resolve({ facts: reply.facts, figures: reply.figures, ...(p.later ? { changes: p.later.promise } : {}) });
    } else if ('changes' in reply) p.later?.resolve(reply.changes);
    else {
      const error = reply.error.code ? new MarketNoteError(reply.error.code, reply.error.message, reply.error) : new Error(reply.error.message);
      if (p.later) p.later.reject(error);
      else p.reject(error);
    }
  });
  let closing = false;
  const giveUp = (why: unknown) => {
    if (dead || closing) return;
    dead = why;
    // the dates still waiting are computed here instead
    for (const p of pending.values()) {
      if (p.later) fallback.get(p.run).then((f) => p.later!.resolve(f.facts.changes), p.later.reject);
      else fallback.get(p.run).then(p.resolve, p.reject);
    }
  };
  worker.on('error', giveUp);
  worker.on('exit', (code) => giveUp(new Error(`the facts worker exited with code ${code}`)));
  const request = (run: NoteRun) => {
    const key = runKey(run);
    let entry = pending.get(key);
    if (!entry) {
      let resolve!: (f: FactsAndFigures) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<FactsAndFigures>((res, rej) => ((resolve = res), (reject = rej)));
      promise.catch(() => undefined);
      entry = { run, promise, resolve, reject };
      pending.set(key, entry);
      if (dead) fallback.get(run).then(resolve, reject);
      else worker.postMessage({ key, run });
    }
    return entry;
  };
  return {
    get: (run) => {
      const entry = request(run);
      // a run is asked for once: forget it when it is done, so facts do not pile up
      const forget = () => void pending.delete(runKey(run));
      return entry.promise.finally(() => void (entry.later ? entry.later.promise.then(forget, forget) : forget()));
    },
    prefetch: (run) => void request(run),
    close: async () => {
      closing = true;
      await worker.terminate();
    },
    where: () => (dead ? 'thread' : 'worker'),
  };
}

/*
 * An early worker, for a single `build`: started by the bin shim before the CLI's modules load, it loads the note
 * and the market itself from the command line (the same functions the command uses) while the main thread loads
 * its modules and compiles the templates, then answers runs like a batch's worker. It is used only when what it
 * loaded is what the command loaded (same note, same market: see `fingerprint`); otherwise it is ended and a
 * worker is started with the command's market, as without it.
 */

/**
 * What a market and note are for the facts, in one string: the note's name and configuration, --allow-stale, and
 * for every series and universe its key, source file, length and last row. Two loads of the same files agree.
 */
export function fingerprint(note: Pick<NoteSource, 'name' | 'config'>, market: Market, allowStale: boolean): string {
  const series = Object.entries(market.series).map(([k, s]) => [k, s.file ?? '', s.kind, s.dates.length, s.dates.at(-1), s.close.at(-1), s.priceField]);
  const universes = Object.entries(market.universes).map(([k, u]) => [k, u.file ?? '', u.members.length, u.dates.length, u.dates.at(-1), u.members.at(-1)]);
  return JSON.stringify([note.name, note.config, allowStale, market.source, series, universes, market.warnings?.length ?? 0]);
}

/** Use the early worker when it loaded what the command loaded; else end it and start a worker as usual. */
function adoptEarly(e: EarlyWorker, note: NoteSource, market: Market, allowStale: boolean, options: { charts?: boolean; resourceLimits?: ResourceLimits }): FactsSource {
  const want = fingerprint(note, market, allowStale);
  e.worker.ref();
  const inner: Promise<FactsSource> = e.ready.then((got) => {
    if (got === want) return workerSource(e.worker, note, market, allowStale);
    void e.worker.terminate();
    return factsWorker(note, market, allowStale, options) ?? inThreadFacts(note, market, allowStale);
  });
  let where: 'worker' | 'thread' = 'worker';
  return {
    get: (run) => inner.then((s) => s.get(run)),
    prefetch: (run) => void inner.then((s) => s.prefetch(run)),
    close: () => inner.then((s) => s.close()),
    where: () => {
      void inner.then((s) => (where = s.where()));
      return where;
    },
  };
}

// An early worker: load the note and market the command line names, say what was loaded, then serve as below.
// (An async function, not top-level await: the CLI's CommonJS bundle holds this module too.)
if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[EARLY_FLAG]) void startEarly(parentPort, workerData as EarlyFactsSpec);

async function startEarly(port: MessagePort, spec: EarlyFactsSpec): Promise<void> {
  trace('early worker: facts modules loaded');
  try {
    const [{ loadNote }, { loadMarket }, { symbolMarket }] = await Promise.all([import('../note/load-note.js'), import('../data/load-market.js'), import('./symbol-market.js')]);
    const note = loadNote(spec.note);
    const { market, symbol } = symbolMarket(note, loadMarket(spec.data), spec.symbol);
    trace('early worker: note and market loaded');
    port.postMessage({ ready: fingerprint(note, market, spec.allowStale) });
    // the run the command will ask for is started at once (the answer waits for the ask)
    serve(port, { [WORKER_FLAG]: true, market, config: note.config, noteName: note.name, allowStale: spec.allowStale, charts: spec.charts }, { asOf: spec.asOf, symbol });
  } catch {
    port.postMessage({ ready: null }); // the command loads it again and reports the error
  }
}

// When this module runs as a batch's facts worker: answer each run with its facts (or the error).
if (!isMainThread && parentPort && (workerData as Partial<WorkerInit> | null)?.[WORKER_FLAG]) serve(parentPort, workerData as WorkerInit);

function serve(port: MessagePort, init: WorkerInit, expected?: NoteRun): void {
  const { market, config, noteName, allowStale, charts } = init;
  // the chart modules (and Vega, on the first chart) load while the first facts are asked for
  const drawing = charts ? import('./draw-figures.js') : undefined;
  drawing?.catch(() => undefined);
  // When the asking thread draws the charts, it gets each note's facts first and their comparison week's changes
  // after: it draws while this thread computes the comparison week's facts.
  const split = !charts;
  // a run's replies go out once it is asked for (the early run is computed before: its replies wait)
  const asked = new Set<string>();
  const started = new Set<string>();
  const held = new Map<string, WorkerReply[]>();
  const last = (r: WorkerReply) => !('changesLater' in r);
  const post = (reply: WorkerReply) => {
    port.postMessage(reply);
    if (last(reply)) (asked.delete(reply.key), started.delete(reply.key));
  };
  const send = (reply: WorkerReply) => {
    if (asked.has(reply.key)) post(reply);
    else held.set(reply.key, [...(held.get(reply.key) ?? []), reply]);
  };
  // runs are computed one at a time, in the order asked
  let queue: Promise<void> = Promise.resolve();
  const start = (key: string, run: NoteRun) => {
    started.add(key);
    queue = queue.then(() => compute(key, run));
  };
  port.on('message', ({ key, run }: { key: string; run: NoteRun }) => {
    asked.add(key);
    const ready = held.get(key);
    held.delete(key);
    ready?.forEach(post);
    if (!ready && !started.has(key)) start(key, run); // replies held: it was computed
  });
  if (expected) start(runKey(expected), expected);
  async function compute(key: string, run: NoteRun): Promise<void> {
    const options = { asOf: run.asOf, symbol: run.symbol, noteName, allowStale };
    let facts: Facts;
    try {
      facts = buildFacts(market, config, { ...options, changes: !split });
      trace(`facts ${key}`);
    } catch (e) {
      return send({ key, error: errorOf(e) });
    }
    if (split) {
      send({ key, facts, changesLater: true });
      await new Promise((resolve) => setImmediate(resolve)); // the facts go out before the comparison week is computed
      try {
        send({ key, changes: factsChanges(market, config, facts, options) });
        trace(`changes ${key}`);
      } catch (e) {
        send({ key, error: errorOf(e) });
      }
      return;
    }
    let figures: Figures | undefined;
    // a chart that fails is drawn again in the main thread, where its error is reported as before
    if (drawing) {
      figures = await drawing.then((d) => d.drawFigures(facts)).catch(() => undefined);
      trace(`charts ${key}`);
    }
    send({ key, facts, figures });
  }
}

function errorOf(e: unknown): Extract<WorkerReply, { error: unknown }>['error'] {
  const m = e instanceof MarketNoteError ? { code: e.code, file: e.file, line: e.line, column: e.column, hint: e.hint } : {};
  return { ...m, message: e instanceof Error ? e.message : String(e) };
}
