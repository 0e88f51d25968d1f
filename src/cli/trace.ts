/**
 * MARKET_NOTE_TRACE=1: one line on stderr per stage of a run, with the time since the process started and the
 * thread, then the thread's page faults so far (first touches of memory, costly on a virtual machine), e.g.
 * `[trace   412 ms worker] facts 2025-12-12  (21,400 faults)`. The bin shim records the process's start in
 * MARKET_NOTE_T0 so a worker's lines are on the same clock. Costs nothing when off.
 */
import { readFileSync, writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const on = process.env.MARKET_NOTE_TRACE === '1';

/** Print a trace line when tracing is on. */
export function trace(what: string): void {
  if (!on) return;
  const t0 = Number(process.env.MARKET_NOTE_T0) || performance.timeOrigin;
  const ms = performance.timeOrigin + performance.now() - t0;
  writeSync(2, `[trace ${ms.toFixed(0).padStart(5)} ms ${isMainThread ? 'main  ' : 'worker'}] ${what}  (${threadFaults().toLocaleString('en-US')} faults)\n`);
}

/** Minor page faults of the calling thread so far (Linux's /proc/thread-self/stat, field 10), else of the process. */
function threadFaults(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
  } catch {
    return process.resourceUsage().minorPageFault;
  }
}
