/**
 * Honest data disclosure: the as-of date on the reference calendar (holidays roll back, stale series fail or are
 * marked), dividend-adjusted closes and the high/low fallback said per series, and the universe's member counts
 * named. Built on a copy of the demo market written by `demo-data`, edited per case.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartPlans } from '../../src/charts/build-charts.js';
import { loadMarket } from '../../src/data/load-market.js';
import { MarketNoteError } from '../../src/errors/market-note-error.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { loadNote } from '../../src/note/load-note.js';
import { runCli, tempDir } from '../helpers/cli.js';

const config = loadNote('weekly-outlook').config;

/** The demo market as files in a fresh folder; `edit` rewrites market.yaml or a CSV before loading. */
async function demoFolder(): Promise<string> {
  const dir = tempDir('market-note-disclosure-');
  const r = await runCli(['demo-data', '--out', dir]);
  expect(r.code).toBe(0);
  return dir;
}

/** Drop the rows of `file` after `last`. */
function cutAfter(file: string, last: string): void {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  writeFileSync(file, `${lines.filter((l, i) => i === 0 || l.slice(0, 10) <= last).join('\n')}\n`);
}

describe('the as-of date is a trading day of the reference calendar', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoFolder();
  }, 60_000);

  it('rolls a holiday back in a single build, names the files by the day used and says it on stderr', async () => {
    const out = join(dir, 'holiday');
    const r = await runCli(['build', '--data', dir, '--as-of', '2025-07-04', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('as-of 2025-07-04 is not a trading day of SPX; using 2025-07-03, the trading day before\n');
    expect(readdirSync(out).sort()).toEqual(['weekly-outlook-2025-07-03.facts.json', 'weekly-outlook-2025-07-03.html']);
    const facts = JSON.parse(readFileSync(join(out, 'weekly-outlook-2025-07-03.facts.json'), 'utf8'));
    expect([facts.asOf, facts.data.requestedAsOf, facts.data.rolledBack, facts.data.reference]).toEqual(['2025-07-03', '2025-07-04', true, 'SPX']);
  }, 120_000);

  it('fails on a stale series naming it and its last date, and builds it marked with --allow-stale', async () => {
    cutAfter(join(dir, 'TNX.csv'), '2025-12-10');
    const failed = await runCli(['build', '--data', dir, '--as-of', '2025-12-12', '--format', 'html', '--out', join(dir, 'stale-no')]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/TNX ends 2025-12-10, before the as-of date 2025-12-12 \(a trading day of SPX\): this series is stale/);
    expect(failed.stderr).toMatch(/--allow-stale/);

    const out = join(dir, 'stale-yes');
    const r = await runCli(['build', '--data', dir, '--as-of', '2025-12-12', '--allow-stale', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^TNX is stale: its data ends 2025-12-10, before the as-of date 2025-12-12/);
    const facts = JSON.parse(readFileSync(join(out, 'weekly-outlook-2025-12-12.facts.json'), 'utf8'));
    expect(facts.data.stale).toEqual([{ key: 'TNX', name: '10-year Treasury yield (demo)', lastDate: '2025-12-10' }]);
    expect(facts.data.series.TNX).toMatchObject({ stale: true, lastDate: '2025-12-10' });
    expect(facts.data.series.SPX.stale).toBe(false);
    expect(facts.data.caveats).toContain(
      '10-year Treasury yield (demo) (TNX): the data ends on 10 December 2025, before the as-of date 12 December 2025; the series is stale and its figures are as of its last date.',
    );
    const html = readFileSync(join(out, 'weekly-outlook-2025-12-12.html'), 'utf8');
    expect(html).toMatch(/TNX stale: data ends 10 Dec 2025/); // a chart's source line
    expect(html).toMatch(/through 10 Dec 2025 \(stale: it ends before the as-of date\)/); // the sources list
  }, 180_000);

  it('checks staleness in a batch too: the stale date fails, the others build', async () => {
    const out = join(dir, 'batch');
    const r = await runCli(['build', '--data', dir, '--from', '2025-12-05', '--to', '2025-12-12', '--format', 'html', '--out', out]);
    expect(r.code).toBe(1); // 12 December fails: TNX (cut above) ends on the 10th
    expect(r.stderr).toMatch(/weekly-outlook 2025-12-12: TNX ends 2025-12-10, before the as-of date 2025-12-12/);
    expect(readdirSync(out).sort()).toEqual(['weekly-outlook-2025-12-05.facts.json', 'weekly-outlook-2025-12-05.html']);
  }, 180_000);
});

describe('dividend-adjusted closes and the high/low fallback are said per series', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoFolder();
    const yaml = readFileSync(join(dir, 'market.yaml'), 'utf8').replace(
      'IWM: { file: IWM.csv, name: "iShares Russell 2000 ETF (demo)" }',
      'IWM: { file: IWM.csv, name: "iShares Russell 2000 ETF (demo)", adjusted: true }',
    );
    writeFileSync(join(dir, 'market.yaml'), yaml);
    // IVV: closes only, in a column called Adj Close
    const ivv = readFileSync(join(dir, 'IVV.csv'), 'utf8').trimEnd().split('\n').map((l) => {
      const c = l.split(',');
      return `${c[0]},${c[4] === 'Close' ? 'Adj Close' : c[4]}`;
    });
    writeFileSync(join(dir, 'IVV.csv'), `${ivv.join('\n')}\n`);
  }, 60_000);

  it('reads market.yaml adjusted: true and an Adj Close column as dividend-adjusted', () => {
    const m = loadMarket(dir);
    expect([m.series.IWM.adjusted, m.series.IVV.adjusted, m.series.SPX.adjusted]).toEqual([true, undefined, undefined]);
    const f = buildFacts(m, config, { asOf: '2025-12-12', compare: false });
    expect(f.data.series.IWM).toMatchObject({ adjusted: true, highLowFallback: false, priceBasis: 'dividend-adjusted daily highs and lows' });
    expect(f.data.series.IVV).toMatchObject({ adjusted: true, highLowFallback: true, priceBasis: 'dividend-adjusted closing prices', priceField: 'Adj Close' });
    expect(f.data.series.SPX).toMatchObject({ adjusted: false, highLowFallback: false, priceBasis: 'daily highs and lows' });
    expect(f.data.series.TNX.priceBasis).toBe('daily highs and lows');
    expect(f.pnf.IVV).toMatchObject({ adjusted: true, priceBasis: 'dividend-adjusted closing prices' });
    expect(f.data.caveats).toEqual([
      'Dividend-adjusted closes: iShares Russell 2000 ETF (demo) (IWM), iShares Core S&P 500 ETF (demo) (IVV); levels and highs sit below the prices they traded at.',
      'Closes only, so the Point & Figure chart uses closing prices rather than daily highs and lows: iShares Core S&P 500 ETF (demo) (IVV).',
    ]);
    const pnf = chartPlans(f).find((p) => p.id === 'pnf')!;
    expect(pnf.source).toMatch(/^Source: iShares Russell 2000 ETF \(demo\) \(IWM\) dividend-adjusted daily highs and lows; P&F box/);
    const score = chartPlans(f).find((p) => p.id === 'score')!;
    // the score's every input: the two funds (adjusted), the benchmark and the peers (readings 20-22: RSP and IJR went unnamed)
    expect(score.source).toMatch(/iShares Russell 2000 ETF \(demo\), iShares Core S&P 500 ETF \(demo\) dividend-adjusted daily closes;/);
    expect(score.source).toContain('S&P 500 Equal Weight ETF (demo) (RSP)');
  });

  it('rejects a non-boolean adjusted flag with the file and line', () => {
    writeFileSync(join(dir, 'bad.yaml'), 'series:\n  IWM: { file: IWM.csv, adjusted: "yes" }\n');
    let err: unknown;
    try {
      loadMarket(join(dir, 'bad.yaml'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MarketNoteError);
    expect((err as MarketNoteError).line).toBe(2);
    expect((err as MarketNoteError).message).toMatch(/series\.IWM\.adjusted/);
  });
});

describe('the universe member count is one number, named', () => {
  it('gives members with a signal (the BP denominator), with data and listed, and says so when they differ', () => {
    const m = loadMarket();
    const u = m.universes.SP600;
    const f = buildFacts(m, config, { asOf: '2016-04-29', compare: false });
    const b = f.breadth.SP600;
    const row = u.dates.indexOf('2016-04-29');
    expect(b.membersListed).toBe(u.members.length);
    expect(b.membersWithData).toBe(u.closes.filter((c) => Number.isFinite(c[row])).length);
    expect(b.members).toBeLessThanOrEqual(b.membersWithData);
    expect(b.membersDiffer).toBe(b.members !== b.membersListed);
    const caveat = f.data.caveats.find((c) => c.includes('listed members'));
    if (b.membersDiffer) expect(caveat).toBe(`S&P 600 (demo): ${b.members} of the ${b.membersListed} listed members have a Point & Figure signal on 29 April 2016 and make up the bullish percent (${b.membersWithData} have a close that day).`);
    else expect(caveat).toBeUndefined();
  });
});
