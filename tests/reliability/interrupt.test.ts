/**
 * Stopping a run: SIGINT, SIGTERM and SIGHUP end it at once with one line and leave nothing behind (no Chromium,
 * no profile folder, no hidden temp file; finished notes stay); after kill -9 the browser exits by itself and the
 * next run removes what the dead one left. The built CLI is run on the demo market, as a user would.
 */
import { mkdirSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { chromiumOf, deadPid, errLines, hiddenTemp, listing, profiles, startCli, until, within } from './helpers.js';

/** What the run said as it stopped: its last line, and any line of a stack trace or another error before it. */
const stopLines = (stderr: string): string[] => {
  const lines = errLines(stderr);
  return [...lines.filter((l) => /^\s+at |Error\b/.test(l)), ...lines.slice(-1)];
};

// a batch long enough to be stopped in the middle (every Friday of half a year on the demo market)
const BATCH = ['build', '--from', '2025-08-01', '--to', '2025-12-12'];

describe('a signal ends the run cleanly', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s while the first notes are computed: exit %i, one line, no browser, no profile, no temp file', async (signal, code) => {
    const out = tempDir();
    const run = startCli([...BATCH, '--out', out]);
    // the browser is up (its profile exists) and the facts of the first notes are being computed
    await until('the browser profile', () => profiles(run.tmp).length > 0);
    run.child.kill(signal);
    expect(await within(run.exited, 30_000, `exit after ${signal}`)).toBe(code);
    expect(stopLines(run.stderr())).toEqual([`market-note: stopped by ${signal}; unfinished files and the browser were removed`]);
    await until('no Chromium of the run', () => chromiumOf(run.tmp).length === 0, 10_000);
    expect(listing(run.tmp)).toEqual([]);
    expect(hiddenTemp(out)).toEqual([]);
  }, 180_000);

  it('SIGINT in the middle of a batch keeps the finished notes, complete, and removes everything else', async () => {
    const out = tempDir();
    const run = startCli([...BATCH, '--out', out]);
    await until('a first finished note', () => run.stdout().includes('.pdf'), 150_000);
    run.child.kill('SIGINT');
    expect(await within(run.exited, 30_000, 'exit after SIGINT')).toBe(130);
    expect(stopLines(run.stderr())).toEqual(['market-note: stopped by SIGINT; unfinished files and the browser were removed']);
    await until('no Chromium of the run', () => chromiumOf(run.tmp).length === 0, 10_000);
    expect(listing(run.tmp)).toEqual([]);
    expect(hiddenTemp(out)).toEqual([]);
    // every note listed on stdout is there, and every note in the folder is whole (its three files)
    const listed = run.stdout().trim().split('\n').map((p) => p.split('/').pop()!);
    for (const f of listed) expect(listing(out)).toContain(f);
    const bases = new Set(listing(out).map((f) => f.replace(/\.(facts\.json|html|pdf)$/, '')));
    expect(bases.size).toBeGreaterThan(0);
    for (const b of bases) expect(['facts.json', 'html', 'pdf'].map((ext) => listing(out).includes(`${b}.${ext}`))).toEqual([true, true, true]);
  }, 240_000);
});

describe('after kill -9', () => {
  it("the browser exits with the run, and the next run removes the dead run's profile and temp files", async () => {
    const out = tempDir();
    const first = startCli([...BATCH, '--out', out]);
    await until('the browser profile', () => profiles(first.tmp).length > 0);
    await until('a browser process', () => chromiumOf(first.tmp).length > 0);
    first.child.kill('SIGKILL');
    await within(first.exited, 10_000, 'exit after SIGKILL');
    // Chromium talks to Node over a pipe: it ends when the pipe closes
    await until('the browser to exit by itself', () => chromiumOf(first.tmp).length === 0, 20_000);
    const left = profiles(first.tmp);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^market-note-chrome-${first.child.pid}-`));

    // what else a dead run leaves: a half-written output and a backup, named with its pid
    const dead = deadPid();
    writeFileSync(join(out, `.weekly-outlook-2025-12-12.pdf.${dead}.tmp`), 'half a PDF');
    writeFileSync(join(out, `.weekly-outlook-2025-12-12.html.${dead}.old`), 'the previous HTML');
    // and a live run's temp file (this test process), which must be left alone
    writeFileSync(join(out, `.weekly-outlook-2025-12-12.pdf.${process.pid}.tmp`), 'still being written');

    const second = startCli(['build', '--as-of', '2025-12-12', '--out', out], {}, first.tmp);
    expect(await within(second.exited, 150_000, 'the second run')).toBe(0);
    expect(errLines(second.stderr())).toEqual([]);
    expect(listing(first.tmp)).toEqual([]);
    expect(hiddenTemp(out)).toEqual([`.weekly-outlook-2025-12-12.pdf.${process.pid}.tmp`]);
    expect(listing(out).filter((n) => !n.startsWith('.'))).toEqual(['weekly-outlook-2025-12-12.facts.json', 'weekly-outlook-2025-12-12.html', 'weekly-outlook-2025-12-12.pdf']);
  }, 300_000);

  it("removes the folder of a dead run's Chromium socket with its profile", async () => {
    const tmp = tempDir('market-note-tmpdir-');
    const dead = deadPid();
    const profile = join(tmp, `market-note-chrome-${dead}-AbC123`);
    const socketDir = join(tmp, 'org.chromium.Chromium.XyZ789');
    mkdirSync(profile);
    mkdirSync(socketDir);
    writeFileSync(join(socketDir, 'SingletonSocket'), '');
    symlinkSync(join(socketDir, 'SingletonSocket'), join(profile, 'SingletonSocket'));
    // another program's Chromium folder and a live run's profile stay
    mkdirSync(join(tmp, 'org.chromium.Chromium.other1'));
    mkdirSync(join(tmp, `market-note-chrome-${process.pid}-LiVe01`));
    const run = startCli(['build', '--as-of', '2025-12-12', '--format', 'pdf', '--out', join(tmp, 'out')], {}, tmp);
    expect(await within(run.exited, 150_000, 'the run')).toBe(0);
    expect(existsSync(profile)).toBe(false);
    expect(existsSync(socketDir)).toBe(false);
    expect(readdirSync(tmp).sort()).toEqual([`market-note-chrome-${process.pid}-LiVe01`, 'org.chromium.Chromium.other1', 'out']);
  }, 180_000);
});
