/**
 * `--data PATH` → a `Market`. PATH is a market.yaml, a folder holding one, or a folder of `<SYMBOL>.csv` files;
 * no PATH means the built-in synthetic demo market. The only place (with the readers it calls) that reads
 * input files.
 */
import { existsSync, readdirSync } from 'node:fs';
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { basename, extname, join } from 'node:path';
import * as msg from '../errors/messages.js';
import { raise } from './csv-cells.js';
import { demoMarket } from './demo-market.js';
import { SYMBOL } from './market-yaml.js';
import { isFolder, marketYamlFile, planMarketYaml, sameJobs, type MarketPlan, type UniverseJob } from './market-plan.js';
import { csvLayout, readSeriesCsv, readSeriesFile, readUniverseCsv, readUniverseFile } from './read-csv.js';
import { fsError, readInputFile } from './read-file.js';
import type { DataWarning, Market, Series, Universe } from './types.js';
import type { UniverseReply } from './universe-worker.js';
import { startUniverseWorker, takeUniversesEarly, overlapWanted, type UniverseWorker } from './universe-early.js';
import { trace } from '../cli/trace.js';
import { CODE_KIND } from '../config/paths.js';
import type { BullishPercentHistory } from '../metrics/breadth.js';

/** Symbols whose files hold yields (in percent) rather than prices, when a folder of CSVs is loaded. */
const YIELD_SYMBOLS = /^(TNX|TYX|FVX|IRX|DGS\d+(MO)?|US\d+[YM])$/i;

/**
 * Loads the market data at `path` (see the module comment), or the demo market when `path` is undefined.
 * @example loadMarket().series.SPX.dates.at(-1) //=> '2025-12-12'
 */
export function loadMarket(path?: string): Market {
  if (path === undefined) return demoMarket();
  if (!existsSync(path)) raise('MISSING_FILE', msg.dataPathMissing(path), path);
  if (isFolder(path)) {
    for (const name of ['market.yaml', 'market.yml']) {
      if (existsSync(join(path, name))) return loadMarketYaml(join(path, name), path);
    }
    return loadCsvFolder(path);
  }
  if (/\.ya?ml$/i.test(path)) return loadMarketYaml(path, path);
  return raise('BAD_DATA', msg.dataPathNotMarket(path), path);
}

function withWarnings(market: Market): Market {
  const warnings: DataWarning[] = [...Object.values(market.series), ...Object.values(market.universes)].flatMap((s) => s.warnings ?? []);
  if (warnings.length) market.warnings = warnings;
  return market;
}

function loadMarketYaml(file: string, source: string): Market {
  const plan = planMarketYaml(file);
  const series = readSeriesFiles(plan.series);
  return withWarnings({ source, series, universes: readUniverseFiles(plan.universes) });
}

function readSeriesFiles(files: MarketPlan['series'], afterFile?: () => void): Record<string, Series> {
  const series: Record<string, Series> = {};
  for (const [key, entry, target] of files) {
    series[key] = readSeriesFile(target, key, { name: entry.name, kind: entry.kind, column: entry.column });
    if (entry.adjusted !== undefined) series[key].adjusted = entry.adjusted;
    if (entry.index !== undefined) series[key].index = entry.index;
    afterFile?.();
  }
  return series;
}

function readUniverseFiles(jobs: readonly UniverseJob[]): Record<string, Universe> {
  const universes: Record<string, Universe> = {};
  for (const { key, name, target, adjusted } of jobs) {
    universes[key] = readUniverseFile(target, key, name);
    if (adjusted !== undefined) universes[key].adjusted = adjusted;
  }
  return universes;
}

/** A market whose universes are still being read in a worker thread; see {@link loadMarketOverlapped}. */
export interface OverlappedMarket {
  market: Market;
  /** The bullish percent history the worker computed for `universe` (one of `market`'s), when it did; waits for it. */
  bullishPercent(universe: Universe): BullishPercentHistory | undefined;
  /**
   * Waits for the universes and throws their loading error, if any. Call it however the work on the market
   * ends: a bad universe file is the error to report even when the facts failed (or never looked at it) first.
   */
  settle(): void;
}

/** How long the main thread waits for the universe worker before reading the files itself (ms). */
const WORKER_WAIT_MS = 60_000;

/**
 * `loadMarket` for the `facts` command: the same market, but when a core is idle the universe files of a
 * market.yaml (the 10 MB wide S&P 600 file) are read and checked, and their bullish percent histories computed,
 * in a worker thread while this thread reads the series files and computes the other facts. The universes'
 * fields wait for the worker the first time they are read (`Atomics.wait`, so callers stay synchronous). When
 * the worker fails for any reason, the files are read here, so errors are exactly those of `loadMarket`. Other
 * data (the demo market, a folder of CSVs, a market without universes, the TypeScript sources under test), and
 * any data on a machine without an idle core, loads as `loadMarket` does. `afterSeriesFile` runs after each series
 * file of a market.yaml is read, and once after a market loaded otherwise, told whether the universe worker (if any)
 * has loaded its code: from then on a change of V8's flags no longer matters to it (the facts command caps V8's young
 * generation there, pipeline/jit.ts).
 * @example const { market, settle } = loadMarketOverlapped('data/market.yaml'); buildFacts(market, …); settle()
 */
export function loadMarketOverlapped(path?: string, options: { afterSeriesFile?: (workerCodeLoaded: boolean) => void } = {}): OverlappedMarket {
  const started = takeUniversesEarly(path);
  const file = path === undefined || CODE_KIND !== 'js' || !(started || overlapWanted()) ? undefined : marketYamlFile(path);
  // the head start read the market.yaml `path` names itself (universe-early.ts)
  const early = started && file === path ? started : undefined;
  if (started && !early) void started.worker?.terminate();
  if (early) trace('universe worker of the head start taken');
  if (file === undefined) {
    const market = loadMarket(path);
    options.afterSeriesFile?.(true);
    return { market, bullishPercent: () => undefined, settle: () => undefined };
  }
  const plan = planMarketYaml(file);
  if (plan.universes.length === 0) {
    void early?.worker?.terminate();
    const market = withWarnings({ source: path!, series: readSeriesFiles(plan.series, () => options.afterSeriesFile?.(true)), universes: {} });
    return { market, bullishPercent: () => undefined, settle: () => undefined };
  }

  const { worker, port: port1, flag }: UniverseWorker = early ?? startUniverseWorker({ jobs: plan.universes });
  let series: Record<string, Series>;
  try {
    series = readSeriesFiles(plan.series, () => options.afterSeriesFile?.(!worker || Atomics.load(flag, 1) === 1));
  } catch (e) {
    void worker?.terminate();
    throw e;
  }

  const universes: Record<string, Universe> = {};
  const market: Market = { source: path!, series, universes };
  const histories = new Map<Universe, BullishPercentHistory>();
  let settled = false;
  const settle = (): void => {
    if (settled) return;
    const reply = worker ? waitForReply(port1, flag) : undefined;
    let loaded: Record<string, Universe>;
    // an early worker planned the market.yaml itself: its universes are used only when they are this plan's
    if (reply && 'loaded' in reply && sameJobs(reply.jobs, plan.universes)) {
      trace('universes read in the universe worker');
      loaded = {};
      reply.loaded.forEach((l, i) => {
        loaded[plan.universes[i].key] = l.universe;
        histories.set(universes[plan.universes[i].key], l.bullishPercent);
      });
    } else {
      histories.clear();
      loaded = readUniverseFiles(plan.universes); // throws the loading error, as loadMarket would
    }
    settled = true;
    port1.close();
    for (const [key, u] of Object.entries(loaded)) {
      const lazy = universes[key];
      const value = (v: unknown) => ({ value: v, writable: true, enumerable: true, configurable: true });
      for (const field of ['dates', 'members', 'closes'] as const) Object.defineProperty(lazy, field, value(u[field]));
      if (u.warnings) Object.defineProperty(lazy, 'warnings', value(u.warnings));
      else delete lazy.warnings;
    }
    delete market.warnings;
    withWarnings(market);
  };
  for (const { key, name, target, adjusted } of plan.universes) {
    const lazy = { key, name: name ?? key, file: target, ...(adjusted !== undefined ? { adjusted } : {}) } as Universe;
    for (const field of ['dates', 'members', 'closes', 'warnings'] as const) {
      Object.defineProperty(lazy, field, {
        get() {
          settle();
          return lazy[field];
        },
        enumerable: true,
        configurable: true,
      });
    }
    universes[key] = lazy;
  }
  Object.defineProperty(market, 'warnings', {
    get() {
      settle();
      return market.warnings;
    },
    enumerable: true,
    configurable: true,
  });
  // Settles first: the facts ask for a history before they read any field of the universe, and a history not yet
  // received would be computed again on this thread.
  const bullishPercent = (u: Universe): BullishPercentHistory | undefined => {
    settle();
    const h = histories.get(u);
    if (h) trace(`bullish percent of ${u.key} from the universe worker`);
    return h;
  };
  return { market, bullishPercent, settle };
}

/** The worker's reply, waiting for it without the event loop; undefined when none came in time. */
function waitForReply(port: MessagePort, flag: Int32Array): UniverseReply | undefined {
  const deadline = Date.now() + WORKER_WAIT_MS;
  if (Atomics.load(flag, 0) !== 1) trace('waiting for the universe worker');
  for (;;) {
    if (Atomics.load(flag, 0) === 1) return receiveMessageOnPort(port)?.message as UniverseReply | undefined;
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    Atomics.wait(flag, 0, 0, left);
  }
}

function loadCsvFolder(dir: string): Market {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw fsError(e, dir);
  }
  const files = names
    .filter((f) => extname(f).toLowerCase() === '.csv')
    .sort();
  if (files.length === 0) raise('MISSING_FILE', msg.dataFolderEmpty(dir), dir);
  const series: Record<string, Series> = {};
  const universes: Record<string, Universe> = {};
  const fileOf: Record<string, string> = {};
  for (const name of files) {
    const target = join(dir, name);
    // yfinance names index files after the ticker: ^GSPC.csv → GSPC.
    const key = basename(name, extname(name)).replace(/^\^/, '');
    if (!SYMBOL.test(key)) raise('BAD_DATA', msg.badSymbol(key), target);
    if (fileOf[key]) raise('BAD_DATA', msg.csvSymbolTwice(key, fileOf[key], target), target);
    fileOf[key] = target;
    const text = readInputFile(target);
    if (csvLayout(text) === 'wide') universes[key] = readUniverseCsv(text, target, key);
    else series[key] = readSeriesCsv(text, target, key, { kind: YIELD_SYMBOLS.test(key) ? 'yield' : 'price' });
  }
  return withWarnings({ source: dir, series, universes });
}
