/**
 * V8's tiering, tuned for market-note's runs. V8 optimizes a function once it has run through its "interrupt
 * budget" of bytecode (67,584 by default in Node 20). market-note's work is many short functions over fresh data
 * (facts, P&F columns, Vega's dataflow for each chart), in runs of a second or so, and in a batch on a machine
 * whose every core is busy: V8's compiler threads spent ~60 ms of CPU a note re-optimizing code that ran a few
 * times and moved on. A budget of 1,000,000 leaves that code in the baseline tiers and still optimizes the hot loops.
 * Measured side by side (docs/performance.md, fifth round): a cold build 1.44–1.49 → 1.21–1.25 s (CPU 1.55–1.60 →
 * 1.19–1.21 s), `facts` on the real data CPU 0.65–0.67 → 0.46–0.49 s, a batch's Node CPU ~165 → ~145 ms a note; the
 * ten-year audit is unchanged (8.65 against 8.84 s).
 *
 * It is set once per process (V8's flags are the process's), by the bin before anything runs and by a batch
 * (buildNotes) for the library's callers. A budget the user gives Node (`node --interrupt-budget=N …`) is kept;
 * MARKET_NOTE_V8_TUNING=off leaves V8's default.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { trace } from '../cli/trace.js';

/** Bytecode a function runs before V8 considers optimizing it (V8's `--interrupt-budget`). */
export const INTERRUPT_BUDGET = 1_000_000;

let done = false;

/**
 * The V8 flag to set, or null: MARKET_NOTE_V8_TUNING=off, or a budget the user gave Node on its command line
 * (Node refuses V8's tiering flags in NODE_OPTIONS).
 * @example jitFlag({}, []) //=> '--interrupt-budget=1000000'
 * @example jitFlag({}, ['--interrupt-budget=50000']) //=> null
 */
export function jitFlag(env: NodeJS.ProcessEnv, execArgv: readonly string[]): string | null {
  if (env.MARKET_NOTE_V8_TUNING === 'off') return null;
  const given = execArgv.some((a) => /^--interrupt[-_]budget(?:=|$)/.test(a));
  return given ? null : `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/** Set {@link jitFlag}'s flag, once per process. Returns whether it set one now. */
export function tuneJit(env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  if (done) return false;
  done = true;
  return setFlag(jitFlag(env, execArgv));
}

/** Give V8 `flag` unless it is null; whether it did. */
function setFlag(flag: string | null): boolean {
  if (flag) setFlagsFromString(flag);
  return flag !== null;
}

/**
 * The V8 flag that makes each scavenge of the young generation run on its own thread, or null: MARKET_NOTE_V8_TUNING=off,
 * or the user gave Node a scavenge flag. For `facts`, whose two threads (the note's and the universe worker's) keep both
 * cores of the machine busy: V8's helper threads for a parallel scavenge only wait for a core. On the real data,
 * measured side by side (30 alternating runs, twice): 628 → 606 ms median wall (bare read 586 ms), CPU 1.04 → 1.01 s.
 * @example scavengeFlag({}, []) //=> '--no-parallel-scavenge'
 */
export function scavengeFlag(env: NodeJS.ProcessEnv, execArgv: readonly string[]): string | null {
  if (env.MARKET_NOTE_V8_TUNING === 'off') return null;
  return execArgv.some((a) => /^--(no-)?parallel[-_]scavenge(?:=|$)/.test(a)) ? null : '--no-parallel-scavenge';
}

/** Set {@link scavengeFlag}'s flag (the bin does for `facts`, before any of its code loads). Returns whether it set one. */
export function scavengeOnOneThread(env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  return setFlag(scavengeFlag(env, execArgv));
}

/** Semi-space size (MB) at which {@link capYoungGeneration} stops the young generation's growth. */
export const SEMI_SPACE_CAP_MB = 4;

let capped = false;

/**
 * Stops the young generation growing once its semi-spaces reached {@link SEMI_SPACE_CAP_MB} (V8's growth factor set to 1:
 * V8 reads it whenever it would grow; its maximum size can only be given before the heap exists). For a short run on
 * fresh data: V8 grows the semi-spaces to 16 MB, and on a virtual machine the first touch of each new page is dear
 * (~15 µs a page here), more than the extra scavenges of a smaller young generation cost. `facts` on the real data
 * measured 0.745 → 0.670 s median wall, CPU 1.20 → 1.12 s with 4 MB (docs/performance.md, twelfth round).
 *
 * V8 checks a code cache against its flags, so the cap waits until every code cache of the run has been read (the
 * caller knows when), and a training run that writes the caches (MARKET_NOTE_CODE_CACHE=write) is left alone.
 * MARKET_NOTE_V8_TUNING=off leaves V8's default. Returns whether the cap is (now) in place; false means "not yet":
 * call again later.
 */
export function capYoungGeneration(env: NodeJS.ProcessEnv = process.env): boolean {
  if (capped) return true;
  if (env.MARKET_NOTE_V8_TUNING === 'off' || env.MARKET_NOTE_CODE_CACHE === 'write') return false;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  // space_size counts both semi-spaces
  if (!young || young.space_size < 2 * SEMI_SPACE_CAP_MB * 2 ** 20) return false;
  setFlagsFromString('--semi-space-growth-factor=1');
  capped = true;
  trace(`young generation capped (semi-spaces of ${young.space_size / 2 ** 21} MB)`);
  return true;
}
