/**
 * Warnings reach the user: each facts warning once on stderr (series and what to do), `--strict` refuses to write,
 * and a build on the synthetic demo market says so on stderr and in the note itself.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoMarket } from '../../src/data/demo-market.js';
import type { Market } from '../../src/data/types.js';
import { MarketNoteError } from '../../src/errors/market-note-error.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { assertNoWarnings, factsWarnings, formatWarning } from '../../src/facts/warnings.js';
import { loadNote } from '../../src/note/load-note.js';
import { pdfOptions } from '../../src/pipeline/build-note.js';
import { runCli, tempDir } from '../helpers/cli.js';

const AS_OF = '2025-12-12';
const note = loadNote('weekly-outlook');

/** The demo market with IWM's High/Low columns taken away (as in the real data's IWM.csv). */
function withoutHighLow(key: string): Market {
  const m = demoMarket();
  const { high: _h, low: _l, ...rest } = m.series[key];
  return { ...m, series: { ...m.series, [key]: rest } };
}

/** A data folder written by `demo-data`, with IWM.csv cut down to Date,Close. */
async function dataWithoutHighLow(): Promise<string> {
  const dir = tempDir('market-note-warn-');
  expect((await runCli(['demo-data', '--out', dir])).code).toBe(0);
  const file = join(dir, 'IWM.csv');
  const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
  const ci = rows[0].indexOf('Close');
  writeFileSync(file, `${rows.map((r) => `${r[0]},${r[ci]}`).join('\n')}\n`);
  return dir;
}

describe('factsWarnings', () => {
  it('names the series and says what to do when a fund has no High/Low columns', () => {
    const facts = buildFacts(withoutHighLow('IWM'), note.config, { asOf: AS_OF, noteName: note.name });
    const w = factsWarnings(facts);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ path: 'score.IWM', series: 'IWM' });
    expect(w[0].message).toMatch(/has no High\/Low columns; the close method is used$/);
    expect(w[0].hint).toBe('Add High and Low columns to IWM.csv, or set method: close for IWM under pnf: in note.yaml.');
    const line = formatWarning(w[0]);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^warning: IWM \(score\.IWM\): note\.yaml asks for the high\/low method .*\. Add High and Low columns to IWM\.csv/);
  });

  it('says what to do when a size group is left out for want of data', () => {
    const m = demoMarket();
    const { IJH: _a, MDY: _b, ...series } = m.series;
    const facts = buildFacts({ ...m, series }, note.config, { asOf: AS_OF, noteName: note.name });
    const w = factsWarnings(facts).filter((x) => x.path === 'ranking');
    expect(w.map((x) => x.message)).toContain('size group "Mid caps" is left out: IJH, MDY not in the market data');
    expect(w.find((x) => x.message.startsWith('size group'))?.hint).toMatch(/Add the missing series to the market data, or remove the group from sizeGroups:/);
  });

  it('finds nothing on the demo market, and --strict then passes', () => {
    const facts = buildFacts(demoMarket(), note.config, { asOf: AS_OF, noteName: note.name });
    expect(factsWarnings(facts)).toEqual([]);
    expect(() => assertNoWarnings(facts)).not.toThrow();
  });

  it('--strict throws a WARNINGS error listing each warning', () => {
    const facts = buildFacts(withoutHighLow('IVV'), note.config, { asOf: AS_OF, noteName: note.name });
    let err: unknown;
    try {
      assertNoWarnings(facts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MarketNoteError);
    expect((err as MarketNoteError).code).toBe('WARNINGS');
    expect((err as MarketNoteError).message).toBe(`--strict: the note for ${AS_OF} has 1 warning`);
    expect((err as MarketNoteError).hint).toMatch(/^warning: IVV \(score\.IVV\):/);
  });
});

describe('demo data is marked', () => {
  it('facts say whether the market is the synthetic demo', () => {
    expect(buildFacts(demoMarket(), note.config, { asOf: AS_OF }).data.demo).toBe(true);
    expect(buildFacts({ ...demoMarket(), source: '/data/market.yaml' }, note.config, { asOf: AS_OF }).data.demo).toBe(false);
  });

  it('the PDF header and footer date line says "demo data" for the demo market only', () => {
    const demo = buildFacts(demoMarket(), note.config, { asOf: AS_OF });
    const real = buildFacts({ ...demoMarket(), source: '/data/market.yaml' }, note.config, { asOf: AS_OF });
    expect(pdfOptions(note, demo).dateLine).toBe('12 December 2025 (demo data)');
    expect(pdfOptions(note, real).dateLine).toBe('12 December 2025');
  });
});

describe('market-note build: warnings on stderr (end to end)', () => {
  let data: string;
  beforeAll(async () => {
    data = await dataWithoutHighLow();
  }, 60_000);

  it('prints the warning once, on one line, and still writes the note', async () => {
    const out = tempDir();
    const r = await runCli(['build', '--data', data, '--as-of', AS_OF, '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^market-note: warning: IWM \(score\.IWM\): .*no High\/Low columns.*\. Add High and Low columns to IWM\.csv/);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  }, 120_000);

  it('prints it once for a whole batch of dates', async () => {
    const out = tempDir();
    const r = await runCli(['build', '--data', data, '--from', '2025-11-28', '--to', '2025-12-12', '--format', 'html', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(6);
    expect(r.stderr.match(/warning: IWM/g)).toHaveLength(1);
  }, 120_000);

  it('--strict exits 1, names the warning and writes nothing', async () => {
    const out = join(tempDir(), 'out');
    const r = await runCli(['build', '--data', data, '--as-of', AS_OF, '--format', 'html', '--out', out, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^market-note: --strict: the note for 2025-12-12 has 1 warning\nwarning: IWM \(score\.IWM\)/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 120_000);

  it('--strict in a batch fails the dates that carry a warning', async () => {
    const out = join(tempDir(), 'out');
    const r = await runCli(['build', '--data', data, '--from', '2025-12-05', '--to', '2025-12-12', '--format', 'html', '--out', out, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/failed dates: 2025-12-05, 2025-12-12/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 120_000);

  it('says on stderr that a build without --data uses the demo market, and marks the note', async () => {
    const out = tempDir();
    const r = await runCli(['build', '--as-of', AS_OF, '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('notice: no --data given: using the synthetic demo market; the note is marked "demo data" (give --data PATH for real prices)\n');
    const html = readFileSync(join(out, `weekly-outlook-${AS_OF}.html`), 'utf8');
    expect(html).toMatch(/<p class="dateline"><span class="demo-mark">Demo data<\/span> · Data through/);
    expect(html).toContain('<p class="demo-note"><strong>Demo data.</strong>');
    const own = tempDir();
    const withData = await runCli(['build', '--data', join(data, 'market.yaml'), '--as-of', AS_OF, '--format', 'html', '--out', own]);
    expect(readFileSync(join(own, `weekly-outlook-${AS_OF}.html`), 'utf8')).not.toContain('class="demo-mark"');
    expect(withData.stderr).not.toMatch(/demo market/);
  }, 120_000);
});

