/**
 * `market-note facts` may read the universe files in a worker thread (loadMarketOverlapped; MARKET_NOTE_OVERLAP
 * forces it on or off). The facts, the errors and their order must be the same either way: a bad series file is
 * reported before a bad universe file, and a bad universe file before any error of the facts themselves, even
 * for a note that does not read the universe. The worker runs only from the compiled CLI, so these run it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';

const both = async (args: string[]) => {
  const [on, off] = await Promise.all([runCli(args, { env: { MARKET_NOTE_OVERLAP: 'always' } }), runCli(args, { env: { MARKET_NOTE_OVERLAP: 'never' } })]);
  return { on: { code: on.code, stdout: on.stdout, stderr: on.stderr }, off: { code: off.code, stdout: off.stdout, stderr: off.stderr } };
};

let demo: string;
beforeAll(async () => {
  demo = tempDir('market-note-overlap-');
  expect((await runCli(['demo-data', '--out', demo])).code).toBe(0);
}, 60_000);

/** A copy of the demo market folder with some of its files replaced. */
function demoWith(files: Record<string, (text: string) => string>): string {
  const dir = tempDir('market-note-overlap-bad-');
  for (const name of ['market.yaml', 'SPX.csv', 'RUT.csv', 'TNX.csv', 'IVV.csv', 'SPY.csv', 'RSP.csv', 'IJH.csv', 'MDY.csv', 'IWM.csv', 'IJR.csv', 'SP600.csv']) {
    const text = readFileSync(join(demo, name), 'utf8');
    writeFileSync(join(dir, name), files[name] ? files[name](text) : text);
  }
  return dir;
}

/** The text with the given cell of line `line` (1-based) replaced. */
const cellAt = (line: number, col: number, value: string) => (text: string) =>
  text.split('\n').map((l, i) => (i === line - 1 ? l.split(',').map((c, k) => (k === col ? value : c)).join(',') : l)).join('\n');

describe('facts with the universe read in a worker equal facts read on one thread', () => {
  it('on the demo market written to disk, for the weekly outlook, the rates wrap and the fund snapshot', async () => {
    for (const args of [['--as-of', '2025-12-12'], ['--as-of', '2024-12-31', '--compare', '2024-06-28'], ['--note', 'rates-wrap', '--as-of', '2025-12-12'], ['--note', 'fund-snapshot', '--as-of', '2025-12-12']]) {
      const r = await both(['facts', '--data', join(demo, 'market.yaml'), ...args]);
      expect(r.on.code, args.join(' ')).toBe(0);
      expect(r.on, args.join(' ')).toStrictEqual(r.off);
    }
  }, 120_000);

  it('the worker\'s bullish percent history is the one the facts use, not computed again on the main thread', async () => {
    const args = ['facts', '--data', join(demo, 'market.yaml'), '--as-of', '2025-12-12'];
    const on = await runCli(args, { env: { MARKET_NOTE_OVERLAP: 'always', MARKET_NOTE_TRACE: '1' } });
    expect(on.code).toBe(0);
    expect(on.stderr).toContain('universes read in the universe worker');
    expect(on.stderr).toContain('bullish percent of SP600 from the universe worker');
    const off = await runCli(args, { env: { MARKET_NOTE_OVERLAP: 'never', MARKET_NOTE_TRACE: '1' } });
    expect(off.stderr).not.toContain('from the universe worker');
  }, 60_000);

  it('the bin starts the worker on a market.yaml before the CLI loads, and the command takes it', async () => {
    const args = ['facts', '--data', join(demo, 'market.yaml'), '--as-of', '2025-12-12'];
    const on = await runCli(args, { env: { MARKET_NOTE_OVERLAP: 'always', MARKET_NOTE_TRACE: '1' } });
    expect(on.code).toBe(0);
    const lines = on.stderr.split('\n');
    const at = (what: string) => lines.findIndex((l) => l.includes(what));
    expect(at('universe worker started early')).toBeGreaterThanOrEqual(0);
    expect(at('universe worker started early')).toBeLessThan(at('CLI loaded'));
    expect(at('universe worker of the head start taken')).toBeGreaterThan(at('CLI loaded'));
    expect(on.stderr).toContain('bullish percent of SP600 from the universe worker');
    // a folder is left to the command, which starts its own worker
    const folder = await runCli(['facts', '--data', demo, '--as-of', '2025-12-12'], { env: { MARKET_NOTE_OVERLAP: 'always', MARKET_NOTE_TRACE: '1' } });
    expect(folder.stderr).not.toContain('started early');
    expect(folder.stderr).toContain('bullish percent of SP600 from the universe worker');
  }, 60_000);

  it.skipIf(!HAS_REAL)('on the real data', async () => {
    const r = await both(['facts', '--data', writeRealMarketYaml(), '--as-of', '2025-12-12']);
    expect(r.on.code).toBe(0);
    expect(r.on).toStrictEqual(r.off);
  }, 120_000);
});

describe('errors with the universe read in a worker are those of one thread, in the same order', () => {
  it('a bad cell of the universe file', async () => {
    const dir = demoWith({ 'SP600.csv': cellAt(40, 3, '12abc') });
    for (const note of ['weekly-outlook', 'rates-wrap']) {
      const r = await both(['facts', '--note', note, '--data', dir, '--as-of', '2025-12-12']);
      expect(r.on.code).toBe(1);
      expect(r.on.stderr).toContain('SP600.csv:40');
      expect(r.on).toStrictEqual(r.off);
    }
  }, 120_000);

  it('through a market.yaml, which the worker started early plans itself: a bad universe cell, a bad market.yaml', async () => {
    const dir = demoWith({ 'SP600.csv': cellAt(40, 3, '12abc') });
    const bad = await both(['facts', '--data', join(dir, 'market.yaml'), '--as-of', '2025-12-12']);
    expect(bad.on.code).toBe(1);
    expect(bad.on.stderr).toContain('SP600.csv:40');
    expect(bad.on).toStrictEqual(bad.off);
    const yaml = demoWith({ 'market.yaml': (t) => t.replace('universes:', 'universes:\n  - [') });
    const broken = await both(['facts', '--data', join(yaml, 'market.yaml'), '--as-of', '2025-12-12']);
    expect(broken.on.code).toBe(1);
    expect(broken.on.stderr).toContain('market.yaml');
    expect(broken.on).toStrictEqual(broken.off);
  }, 120_000);

  it('a bad series file comes first, a bad universe file before an as-of date out of range', async () => {
    const dir = demoWith({ 'SP600.csv': cellAt(40, 3, '-5'), 'IWM.csv': cellAt(30, 1, 'x') });
    const first = await both(['facts', '--data', dir, '--as-of', '2025-12-12']);
    expect(first.on.stderr).toContain('IWM.csv:30');
    expect(first.on).toStrictEqual(first.off);
    const universe = demoWith({ 'SP600.csv': cellAt(40, 3, '-5') });
    const second = await both(['facts', '--data', universe, '--as-of', '1990-01-05']);
    expect(second.on.stderr).toContain('SP600.csv:40');
    expect(second.on).toStrictEqual(second.off);
  }, 120_000);
});

describe('the universe worker runs only with a core to spare', () => {
  it('counts the tasks running now where /proc has them, else the minute\'s load average', async () => {
    const { spareCore } = await import('../../src/data/universe-early.js');
    expect(spareCore(1, 1.3, 2)).toBe(true); // a run of short commands holds the average near 1, with a core idle
    expect(spareCore(2, 1.0, 2)).toBe(false); // one busy process beside this one
    expect(spareCore(3, 0.5, 4)).toBe(true);
    expect(spareCore(null, 0.9, 2)).toBe(true);
    expect(spareCore(null, 1.1, 2)).toBe(false);
  });
});
