/**
 * Worker thread of `loadMarketOverlapped`: reads and checks the universe files of a market.yaml (the large wide
 * S&P 600 file) and computes each universe's bullish percent history, while the main thread reads the series
 * files and computes the other facts. Same readers and rules as the synchronous path; on any failure it replies
 * `failed` and the main thread reads the files itself, so the error the user sees is exactly the usual one.
 *
 * Protocol: workerData `{ jobs, port, flag }`; one message `{ loaded }` or `{ failed: true }` on `port`, then
 * `flag[0] = 1` and a notify, so the main thread can wait for it without an event loop (`Atomics.wait`).
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { bullishPercentHistory, type BullishPercentHistory } from '../metrics/breadth.js';
import { readUniverseCsv } from './read-csv.js';
import { readInputFile } from './read-file.js';
import type { Universe } from './types.js';

/** One universe to read: its market.yaml key, display name and resolved path. */
export interface UniverseJob {
  key: string;
  name?: string;
  target: string;
}

/** What the worker sends back per job, in job order. */
export interface LoadedUniverse {
  universe: Universe;
  bullishPercent: BullishPercentHistory;
}

export interface UniverseWorkerData {
  jobs: UniverseJob[];
  port: MessagePort;
  flag: Int32Array;
}

const { jobs, port, flag } = workerData as UniverseWorkerData;
try {
  const loaded: LoadedUniverse[] = [];
  const transfer = new Set<ArrayBuffer>();
  for (const job of jobs) {
    const universe = readUniverseCsv(readInputFile(job.target), job.target, job.key, job.name);
    const bullishPercent = bullishPercentHistory(universe);
    loaded.push({ universe, bullishPercent });
    for (const a of [...universe.closes, bullishPercent.values, bullishPercent.buys, bullishPercent.members, bullishPercent.listed]) {
      if (a.byteOffset === 0 && a.byteLength === a.buffer.byteLength) transfer.add(a.buffer as ArrayBuffer);
    }
  }
  port.postMessage({ loaded }, [...transfer]);
} catch {
  port.postMessage({ failed: true });
} finally {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  port.close();
}
