/**
 * What a run leaves behind if it ends early, and how it is removed.
 *
 *   while running    every browser profile folder and every unfinished output file is registered here with a
 *                    synchronous undo (kill the browser's process group, remove the folder or the temp file)
 *   on exit          `process.on('exit')` runs every undo still registered (an uncaught error, process.exit);
 *                    the CLI's signal handlers call {@link cleanupNow} before they exit (SIGINT, SIGTERM, SIGHUP)
 *   after kill -9    nothing runs in the dead process: its Chromium exits by itself (it talks to Node over a pipe
 *                    that closes), and the next run sweeps what is left ({@link sweepDeadProfiles},
 *                    {@link sweepDeadOutputs}): folders and files carry the pid of the run that made them, and a
 *                    pid that is no longer alive marks them as a dead run's
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const undos = new Map<number, () => void>();
let nextId = 0;
let hooked = false;

/**
 * Register a synchronous undo to run if the process ends before the returned function is called.
 * @example const done = onExitCleanup(() => rmSync(tmp, { force: true })); writeFileSync(tmp, data); renameSync(tmp, path); done();
 */
export function onExitCleanup(undo: () => void): () => void {
  if (!hooked) {
    hooked = true;
    process.on('exit', () => void cleanupNow());
  }
  const id = nextId++;
  undos.set(id, undo);
  return () => void undos.delete(id);
}

/** Run every registered undo now (newest first) and forget them; returns how many ran. Never throws. */
export function cleanupNow(): number {
  const all = [...undos.values()].reverse();
  undos.clear();
  for (const undo of all) {
    try {
      undo();
    } catch {
      // best effort: the next run's sweep removes what this could not
    }
  }
  return all.length;
}

/** True while a process with this pid exists (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The prefix of a browser profile folder: `market-note-chrome-<pid>-` (mkdtemp adds six random characters). */
export const profilePrefix = (pid = process.pid): string => `market-note-chrome-${pid}-`;

const PROFILE = /^market-note-chrome-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Kill, with SIGKILL, every process whose command line uses `profile` as its user data folder (Linux: /proc;
 * elsewhere nothing is found). A dead run's Chromium normally exits on its own; this catches one that did not.
 */
export function killProfileProcesses(profile: string): number {
  let killed = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return 0;
  }
  const flag = `--user-data-dir=${profile}\0`;
  for (const pid of pids) {
    try {
      if (!`${readFileSync(`/proc/${pid}/cmdline`, 'utf8')}\0`.includes(flag)) continue;
      process.kill(Number(pid), 'SIGKILL');
      killed++;
    } catch {
      // gone, or not ours to kill
    }
  }
  return killed;
}

/**
 * Remove a browser profile folder and the folder of Chromium's single-instance socket it links to
 * (`<tmp>/org.chromium.Chromium.XXXXXX`, which Chromium removes itself only when it closes normally).
 */
export function removeProfile(profile: string): void {
  try {
    const socketDir = dirname(readlinkSync(join(profile, 'SingletonSocket')));
    if (/^org\.chromium\.Chromium\.\w+$/.test(basename(socketDir))) rmSync(socketDir, { recursive: true, force: true });
  } catch {
    // no socket link: the browser never started, or closed normally
  }
  rmSync(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
}

/** The names in `dir` that match `pattern` and whose run (the pid in capture group `pidGroup`) is no longer alive; none when `dir` cannot be read. */
function deadRunNames(dir: string, pattern: RegExp, pidGroup: number): RegExpExecArray[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const m = pattern.exec(name);
    return m && !pidAlive(Number(m[pidGroup])) ? [m] : [];
  });
}

/**
 * Remove the browser profile folders in `dir` (the temp folder) left by runs that are no longer alive, killing
 * any Chromium still using one; returns the folders removed.
 */
export function sweepDeadProfiles(dir: string): string[] {
  const removed: string[] = [];
  for (const [name] of deadRunNames(dir, PROFILE, 1)) {
    const path = join(dir, name);
    killProfileProcesses(path);
    try {
      removeProfile(path);
      removed.push(path);
    } catch {
      // still in use or not ours: left for a later sweep
    }
  }
  return removed;
}

/** A hidden temp or backup name an output set uses beside its final file: `.<name>.<pid>.tmp` / `.<name>.<pid>.old`. */
export const tempName = (name: string, kind: 'tmp' | 'old', pid = process.pid): string => `.${name}.${pid}.${kind}`;

const TEMP = /^\.(.+)\.(\d+)\.(tmp|old)$/;

/**
 * Remove the hidden temp files in `dir` whose run is no longer alive. A backup (`.old`) of a dead run whose final
 * file is missing is put back (the run died between moving it aside and writing the new one); any other is
 * removed. Returns the names handled. Each folder is swept once per process.
 */
export function sweepDeadOutputs(dir: string): string[] {
  if (swept.has(dir)) return [];
  swept.add(dir);
  const handled: string[] = [];
  for (const m of deadRunNames(dir, TEMP, 2)) {
    const name = m[0];
    const path = join(dir, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      const final = join(dir, m[1]);
      if (m[3] === 'old' && !exists(final)) renameSync(path, final);
      else rmSync(path, { force: true });
      handled.push(name);
    } catch {
      // not ours to remove: left as it is
    }
  }
  return handled;
}

const swept = new Set<string>();

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
