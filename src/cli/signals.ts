/**
 * How the CLI ends on SIGINT (Ctrl-C), SIGTERM and SIGHUP: at once, leaving nothing behind, with one line.
 *
 *   1. every undo the run registered runs synchronously (render/exit-cleanup.ts): the browser's process group is
 *      killed and its profile folder removed, unfinished temp outputs are deleted (finished notes stay)
 *   2. one line on stderr: `market-note: stopped by SIGINT; …`
 *   3. exit 128 + the signal number (130, 143, 129), as a shell expects
 *
 * Heavy work runs in a worker or in steps that yield (pipeline/facts-worker.ts, build-notes.ts), so the handler
 * runs within moments of the signal. A command that stops gracefully on a signal (preview) asks for it with
 * {@link stopSignal}: the first signal then resolves that promise, and a second one ends the process as above.
 */
import { cleanupNow } from '../render/exit-cleanup.js';
import { interrupted } from '../errors/messages.js';
import { type CliIo, processIo } from './io.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const NUMBER: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

let graceful: ((signal: NodeJS.Signals) => void) | undefined;
let installed = false;

/** Install the handlers (the bin does, once, before anything starts). */
export function installSignalHandlers(io: CliIo = processIo, exit: (code: number) => void = (code) => process.exit(code)): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      const stop = graceful;
      if (stop) {
        graceful = undefined;
        stop(signal);
        return;
      }
      cleanupNow();
      try {
        io.err(`market-note: ${interrupted(signal).message}`);
      } catch {
        // the terminal is gone (SIGHUP): nothing to tell
      }
      exit(128 + NUMBER[signal]);
    });
  }
}

/**
 * Resolves on the first SIGINT, SIGTERM or SIGHUP, which then does not end the process (the caller stops
 * gracefully); a second signal ends it as usual. Without the CLI's handlers (a library caller, a test), listens
 * itself.
 */
export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    if (installed) {
      graceful = done;
      return;
    }
    const on = (s: NodeJS.Signals) => {
      for (const sig of SIGNALS) process.off(sig, on);
      done(s);
    };
    for (const sig of SIGNALS) process.on(sig, on);
  });
}
