import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/market-note.js');
/** The real data folder beside the project root (absent on machines without it). */
export const REAL = resolve(ROOT, '../shared/data/real');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The TMPDIR the run had to itself: its Chromium profile folders live there, so leftovers can be told apart. */
  tmp: string;
}

/** Run the built CLI (`npm test` compiles dist/ first). */
export function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'market-note-run-'));
  return new Promise((res) => {
    execFile('node', [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, TMPDIR: tmp, ...opts.env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      res({ code, stdout, stderr, tmp });
    });
  });
}

/** Clear every MARKET_NOTE_SMTP_* the outer environment may have, then set the ones given. */
export const smtpEnv = (vars: Record<string, string>) => ({
  MARKET_NOTE_SMTP_HOST: '',
  MARKET_NOTE_SMTP_PORT: '',
  MARKET_NOTE_SMTP_SECURE: '',
  MARKET_NOTE_SMTP_USER: '',
  MARKET_NOTE_SMTP_PASS: '',
  ...vars,
});

export function tempDir(prefix = 'market-note-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Text of a PDF (pdftotext -layout), optionally one page. */
export function pdfText(file: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...args, file, '-'], { encoding: 'utf8' });
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/**
 * Chromium processes started by market-note (their profile folder carries the name); given a run's TMPDIR, only
 * the ones that run started (tests run in parallel, so other files' browsers may be alive).
 */
export function leftoverChromium(runTmp?: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', runTmp ? join(runTmp, 'market-note-chrome-') : 'market-note-chrome-'], { encoding: 'utf8' }).trim().split('\n').filter((l) => l && !l.includes('pgrep'));
  } catch {
    return [];
  }
}

/** stderr without the one line a build on the demo market prints about it (see errors/messages.ts demoMarketNotice). */
export function withoutDemoNotice(stderr: string): string {
  return stderr.replace(/^notice: no --data given: using the synthetic demo market.*\n/m, '');
}
