/**
 * Worker thread of `loadMarketOverlapped`: reads and checks the universe files of a market.yaml (the large wide
 * S&P 600 file) and computes each universe's bullish percent history, while the main thread reads the series
 * files and computes the other facts. Same readers and rules as the synchronous path; on any failure it replies
 * `failed` and the main thread reads the files itself, so the error the user sees is exactly the usual one.
 *
 * Protocol: workerData `{ jobs | marketYaml, port, flag }` (universe-early.ts); one message `{ jobs, loaded }` (the
 * universes it read, planned from the market.yaml when it was given one) or `{ failed: true }` on `port`, then
 * `flag[0] = 1` and a notify, so the main thread can wait for it without an event loop (`Atomics.wait`). `flag[1] = 1`
 * as soon as its code is loaded (its code cache read: V8 checks a cache against flags the main thread may then change).
 */
import { workerData } from 'node:worker_threads';
import { trace } from '../cli/trace.js';
import { bullishPercentHistory, type BullishPercentHistory } from '../metrics/breadth.js';
import type { UniverseJob } from './market-plan.js';
import { quickUniverseJobs } from './quick-plan.js';
import { readUniverseFile } from './read-csv.js';
import type { Universe } from './types.js';
import type { UniverseWorkerData } from './universe-early.js';

/** What the worker sends back per job, in job order. */
export interface LoadedUniverse {
  universe: Universe;
  bullishPercent: BullishPercentHistory;
}

export type UniverseReply = { jobs: UniverseJob[]; loaded: LoadedUniverse[] } | { failed: true };

const { jobs: given, marketYaml, port, flag } = workerData as UniverseWorkerData;
Atomics.store(flag, 1, 1);
trace('universe worker: modules loaded');
try {
  const jobs = given ?? quickUniverseJobs(marketYaml!);
  const loaded: LoadedUniverse[] = [];
  const transfer = new Set<ArrayBuffer>();
  for (const job of jobs) {
    const universe = readUniverseFile(job.target, job.key, job.name);
    const bullishPercent = bullishPercentHistory(universe);
    loaded.push({ universe, bullishPercent });
    // every array has a buffer of its own (the closes are views of theirs): moved, not copied
    for (const a of [...universe.closes, bullishPercent.values, bullishPercent.buys, bullishPercent.members, bullishPercent.listed]) transfer.add(a.buffer as ArrayBuffer);
  }
  port.postMessage({ jobs, loaded } satisfies UniverseReply, [...transfer]);
  trace('universe worker: universes read, bullish percent computed');
} catch {
  port.postMessage({ failed: true } satisfies UniverseReply);
} finally {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  port.close();
}
