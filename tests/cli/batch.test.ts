/**
 * `market-note build --from … --to … --every …`: the date rules as unit tests, then batches end to end on the
 * demo market with two small notes of our own (their note.yaml is weekly-outlook's, their templates tiny, so
 * the run does not depend on the weekly-outlook templates being edited elsewhere).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchBuildCommand, rollBack, scheduleDates } from '../../src/cli/commands/batch-build.js';
import { parseEvery } from '../../src/cli/args.js';
import { ROOT, runCli as runCliRaw, tempDir, withoutDemoNotice } from '../helpers/cli.js';

/** These runs use the demo market on purpose: its one-line notice is tested in tests/regressions/issue-19-warnings. */
const runCli = async (args: string[]) => {
  const r = await runCliRaw(args);
  return { ...r, stderr: withoutDemoNotice(r.stderr) };
};

/** A note folder `<dir>/<name>` with weekly-outlook's config and a one-line template. */
function makeNote(dir: string, name: string, body: string): string {
  const note = join(dir, name);
  mkdirSync(join(note, 'partials'), { recursive: true });
  copyFileSync(join(ROOT, 'templates/weekly-outlook/note.yaml'), join(note, 'note.yaml'));
  writeFileSync(join(note, 'note.hbs'), body);
  writeFileSync(join(note, 'note.css'), 'body { font-family: sans-serif; }\n');
  return note;
}

describe('scheduleDates', () => {
  it('lists the chosen weekday from --from to --to, both ends included', () => {
    expect(scheduleDates('2025-12-05', '2025-12-19', 'friday')).toEqual(['2025-12-05', '2025-12-12', '2025-12-19']);
    expect(scheduleDates('2025-12-01', '2025-12-14', 'monday')).toEqual(['2025-12-01', '2025-12-08']);
  });

  it('lists every calendar day for "day"', () => {
    expect(scheduleDates('2025-12-31', '2026-01-02', 'day')).toEqual(['2025-12-31', '2026-01-01', '2026-01-02']);
  });
});

describe('rollBack', () => {
  const trading = ['2025-07-02', '2025-07-03', '2025-07-07', '2025-07-08'];

  it('moves a date without data to the last trading day before it, and drops repeats', () => {
    // 07-04 (holiday), 07-05 and 07-06 (weekend) all become 07-03.
    expect(rollBack(['2025-07-03', '2025-07-04', '2025-07-05', '2025-07-06', '2025-07-07'], trading)).toEqual({
      dates: ['2025-07-03', '2025-07-07'],
      before: [],
      rolled: [
        { from: '2025-07-04', to: '2025-07-03' },
        { from: '2025-07-05', to: '2025-07-03' },
        { from: '2025-07-06', to: '2025-07-03' },
      ],
    });
  });

  it('keeps dates after the data at the last trading day, and sets apart dates before it', () => {
    expect(rollBack(['2025-07-01', '2025-07-09', '2025-07-31'], trading)).toEqual({ dates: ['2025-07-08'], before: ['2025-07-01'], rolled: [] });
  });
});

describe('parseEvery', () => {
  it('takes day and weekday names, full or short, in any case', () => {
    expect(['day', 'Friday', 'mon', 'WEDNESDAY'].map(parseEvery)).toEqual(['day', 'friday', 'monday', 'wednesday']);
  });

  it('rejects anything else', () => {
    expect(() => parseEvery('fortnightly')).toThrow('use day or a weekday (monday … friday), got "fortnightly"');
  });
});

describe('market-note build --from/--to (end to end)', () => {
  let dir: string;
  let mini: string;
  let flaky: string;
  beforeAll(() => {
    dir = tempDir('market-note-batch-');
    mini = makeNote(dir, 'mini', '<h1>Mini</h1><p>As of {{asOf}}</p>\n');
    // Fails on 2025-07-07 only: a strict template meets a path that is not a fact.
    flaky = makeNote(dir, 'flaky', '<h1>Flaky</h1>\n{{#if (eq asOf "2025-07-07")}}{{nosuchfact}}{{/if}}\n');
  });

  it('builds every Friday, rolling a holiday back to the day before (demo calendar: 4 July)', async () => {
    const out = join(dir, 'fridays');
    const r = await runCli(['build', '--note', mini, '--from', '2025-06-27', '--to', '2025-07-11', '--every', 'friday', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    const dates = ['2025-06-27', '2025-07-03', '2025-07-11'];
    expect(readdirSync(out).sort()).toEqual(dates.flatMap((d) => [`mini-${d}.facts.json`, `mini-${d}.html`]));
    expect(r.stdout.trim().split('\n')).toHaveLength(6);
    for (const d of dates) expect(JSON.parse(readFileSync(join(out, `mini-${d}.facts.json`), 'utf8')).asOf).toBe(d);
    // Not a terminal: no progress bar, one summary line.
    expect(r.stderr).not.toMatch(/\r|#/);
    expect(r.stderr).toMatch(/^mini: as-of 2025-07-04 is not a trading day of SPX; using 2025-07-03, the trading day before\nbuilt 3 notes \(6 files\) in [\d.]+ s\n$/);
  });

  it('goes on after a failure, then exits 1 naming the dates that failed', async () => {
    const out = join(dir, 'two-notes');
    const r = await runCli(['build', '--note', `${mini},${flaky}`, '--from', '2025-07-03', '--to', '2025-07-07', '--every', 'day', '--format', 'html', '--out', out]);
    expect(r.code).toBe(1);
    const err = r.stderr.split('\n');
    // 4, 5 and 6 July are no trading days of the demo's SPX: one line per note
    expect(err.splice(0, 2)).toEqual([
      'mini: 3 dates are not trading days of SPX (weekends, holidays); each rolls back to the trading day before',
      'flaky: 3 dates are not trading days of SPX (weekends, holidays); each rolls back to the trading day before',
    ]);
    expect(err[0]).toMatch(/^built 3 notes \(6 files\) in [\d.]+ s; 1 failed$/);
    expect(err[1]).toBe('failed dates: 2025-07-07');
    expect(err[2]).toMatch(/^ {2}flaky 2025-07-07: \S+\/flaky\/note\.hbs(:2)?: .*nosuchfact/);
    expect(readdirSync(out).sort()).toEqual([
      'flaky-2025-07-03.facts.json',
      'flaky-2025-07-03.html',
      'mini-2025-07-03.facts.json',
      'mini-2025-07-03.html',
      'mini-2025-07-07.facts.json',
      'mini-2025-07-07.html',
    ]);
  });

  it('prints PDFs with one browser for the whole run', async () => {
    const out = join(dir, 'pdf');
    const r = await runCli(['build', '--note', mini, '--from', '2025-07-10', '--to', '2025-07-11', '--every', 'day', '--format', 'pdf', '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const d of ['2025-07-10', '2025-07-11']) expect(readFileSync(join(out, `mini-${d}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exits 2 on usage errors', async () => {
    const bad = [
      ['--as-of', '2025-07-11', '--from', '2025-07-01'],
      ['--from', '2025-07-11', '--to', '2025-07-01'],
      ['--to', '2025-07-11'],
      ['--from', '2025-07-01', '--every', 'fortnightly'],
    ];
    const results = await Promise.all(bad.map((args) => runCli(['build', '--note', mini, '--format', 'html', '--out', join(dir, 'usage'), ...args])));
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(results[0].stderr).toMatch(/--as-of cannot be combined with --from\/--to/);
    expect(results[1].stderr).toMatch(/--from 2025-07-11 is after --to 2025-07-01/);
    expect(existsSync(join(dir, 'usage'))).toBe(false);
  });
});

describe('batchBuildCommand progress', () => {
  it('draws a bar on a terminal with the paths printed above it, and nothing with --quiet', async () => {
    const dir = tempDir('market-note-batch-');
    const note = makeNote(dir, 'mini', '<p>{{asOf}}</p>\n');
    const run = async (quiet: boolean) => {
      const screen: string[] = [];
      const tty = { isTTY: true, columns: 100, write: (s: string) => screen.push(`BAR ${s}`) };
      const io = { out: (s: string) => screen.push(`OUT ${s}`), err: (s: string) => screen.push(`ERR ${s}`) };
      const code = await batchBuildCommand({ notes: [note], from: '2025-07-10', to: '2025-07-11', every: 'day', format: ['html'], out: join(dir, String(quiet)), quiet }, io, tty);
      return { code, screen };
    };
    const loud = await run(false);
    expect(loud.code).toBe(0);
    const bars = loud.screen.filter((s) => s.startsWith('BAR  ['));
    expect(bars[0]).toMatch(/\[-{20}\] 0\/2 {2}mini 2025-07-10/);
    expect(bars.some((b) => /\[#{20}\] 2\/2/.test(b))).toBe(true);
    // every path is printed right after the bar's line was cleared, and the bar is drawn again below it
    const outs = loud.screen.flatMap((s, i) => (s.startsWith('OUT ') ? [i] : []));
    expect(outs).toHaveLength(4);
    for (const i of outs) expect(loud.screen[i - 1]).toBe('BAR \r\x1b[2K');
    expect(loud.screen.filter((s) => s.startsWith('OUT ')).every((s) => !s.includes('['))).toBe(true);
    expect(loud.screen.at(-1)).toMatch(/^ERR built 2 notes/);
    const quiet = await run(true);
    expect(quiet.screen.filter((s) => s.startsWith('BAR') || (s.startsWith('ERR') && !s.includes('synthetic demo market')))).toEqual([]);
    expect(quiet.screen.filter((s) => s.startsWith('OUT'))).toHaveLength(4);
  });

  it('writes no progress at all when stderr is not a terminal', async () => {
    const dir = tempDir('market-note-batch-');
    const note = makeNote(dir, 'mini', '<p>{{asOf}}</p>\n');
    const bar: string[] = [];
    const notTty = { isTTY: false, write: (s: string) => bar.push(s) };
    const code = await batchBuildCommand({ notes: [note], from: '2025-07-10', to: '2025-07-11', every: 'day', format: ['html'], out: join(dir, 'out') }, { out: () => undefined, err: () => undefined }, notTty);
    expect(code).toBe(0);
    expect(bar).toEqual([]);
  });
});
