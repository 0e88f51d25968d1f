/**
 * MARKET_NOTE_TRACE=1: one line on stderr per stage of a run, with the time since the process started and the
 * thread, e.g. `[trace   412 ms worker] facts 2025-12-12`. The bin shim records the process's start in
 * MARKET_NOTE_T0 so a worker's lines are on the same clock. Costs nothing when off.
 */
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const on = process.env.MARKET_NOTE_TRACE === '1';

/** Print a trace line when tracing is on. */
export function trace(what: string): void {
  if (!on) return;
  const t0 = Number(process.env.MARKET_NOTE_T0) || performance.timeOrigin;
  const ms = performance.timeOrigin + performance.now() - t0;
  writeSync(2, `[trace ${ms.toFixed(0).padStart(5)} ms ${isMainThread ? 'main  ' : 'worker'}] ${what}\n`);
}
