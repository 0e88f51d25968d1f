/** Running the built CLI as a user would, and stopping it: signals, kill -9, and what a run leaves behind. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, leftoverChromium } from '../helpers/cli.js';

export interface Running {
  child: ChildProcess;
  /** The run's own TMPDIR (its browser profile lives there). */
  tmp: string;
  stdout: () => string;
  stderr: () => string;
  /** Exit code, or 128 + signal number when a signal ended it. */
  exited: Promise<number>;
}

const SIGNAL_NUMBER: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Start the built CLI with a TMPDIR of its own (or the one given). */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}, tmp = mkdtempSync(join(tmpdir(), 'market-note-run-'))): Running {
  const child = spawn('node', [BIN, ...args], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number>((ok) => child.once('exit', (code, signal) => ok(code ?? 128 + (SIGNAL_NUMBER[signal ?? ''] ?? 0))));
  return { child, tmp, stdout: () => out, stderr: () => err, exited };
}

/** Poll `check` every 50 ms until it is true; fails after `ms` (a bounded wait, not a timing assertion). */
export async function until(what: string, check: () => boolean, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolve with the exit code, or fail after `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, bad) => setTimeout(() => bad(new Error(`${what} did not happen within ${ms} ms`)), ms).unref())]);
}

/** The browser profile folders of market-note in `dir`. */
export const profiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('market-note-chrome-')) : []);

/** Everything in `dir` (hidden files included), sorted. */
export const listing = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** Hidden temp or backup files in an output folder. */
export const hiddenTemp = (dir: string): string[] => listing(dir).filter((n) => n.startsWith('.'));

/** Chromium processes still running from a run with this TMPDIR. */
export const chromiumOf = (tmp: string): string[] => leftoverChromium(tmp);

/** A pid that no process has now (a process that has exited). */
export function deadPid(): number {
  const r = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

/** True when this machine lets us mount a small tmpfs (root in a container that allows it). */
export function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'market-note-mnt-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  if (r.status !== 0) return false;
  spawnSync('umount', [dir]);
  return true;
}

/** The lines of stderr, without the notice that the demo market is used (these tests run on it on purpose). */
export const errLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l !== '' && !/^(market-note|notice): no --data given/.test(l));
