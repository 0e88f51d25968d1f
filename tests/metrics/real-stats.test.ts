import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { correlationSummary } from '../../src/metrics/correlation.js';
import { ratePeak, ratePeakMeasured } from '../../src/metrics/rates.js';
import { h1Return, h2Return, ytdReturn } from '../../src/metrics/returns.js';
import { h2Streak, nextYearAfterH2 } from '../../src/metrics/seasonal.js';

/*
 * Market statistics on real data, each checked against a computation written here from the raw CSV rows
 * (linear scans and a naive two-pass Pearson, independent of src/metrics).
 */
const REAL = fileURLToPath(new URL('../../../shared/data/real/', import.meta.url));
const HAVE = existsSync(REAL);
if (!HAVE) console.warn(`real data folder absent (${REAL}): skipping tests/metrics/real-stats.test.ts`);

type Row = { date: string; close: number };

/** Date + Close columns of a Yahoo-style CSV (header names read, not assumed to be in position). */
function readRows(file: string, dropFrom?: string): Row[] {
  const lines = readFileSync(REAL + file, 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const di = head.indexOf('Date');
  const ci = head.indexOf('Close');
  const rows = lines.slice(1).map((l) => { const c = l.split(','); return { date: c[di], close: Number(c[ci]) }; });
  return dropFrom ? rows.filter((r) => r.date < dropFrom) : rows;
}
const toSeries = (rows: Row[]) => ({ dates: rows.map((r) => r.date), close: Float64Array.from(rows.map((r) => r.close)) });

/** Last row on or before d (linear scan). */
function at(rows: Row[], d: string): Row {
  let hit: Row | undefined;
  for (const r of rows) if (r.date <= d) hit = r;
  if (!hit) throw new Error(`no row on or before ${d}`);
  return hit;
}
const pct = (a: Row, b: Row) => (b.close / a.close - 1) * 100;

function naivePeak(rows: Row[], T: string, w: number) {
  const upTo = rows.filter((r) => r.date <= T).slice(-w);
  let best = upTo[0];
  for (const r of upTo) if (r.close >= best.close) best = r; // >= : latest of equal highs
  const cur = upTo[upTo.length - 1];
  return { date: best.date, level: best.close, changeBp: (cur.close - best.close) * 100, currentDate: cur.date, from: upTo[0].date };
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let c = 0, vx = 0, vy = 0;
  for (let i = 0; i < n; i++) { c += (x[i] - mx) * (y[i] - my); vx += (x[i] - mx) ** 2; vy += (y[i] - my) ** 2; }
  return c / Math.sqrt(vx * vy);
}

/** Correlation at T and mean of the last `meanDays` values, by brute force over the joined rows. */
function naiveCorrelation(eq: Row[], yl: Row[], T: string, w = 126, meanDays = 252) {
  const ym = new Map(yl.filter((r) => r.date <= T).map((r) => [r.date, r.close]));
  const j = eq.filter((r) => r.date <= T && ym.has(r.date)).map((r) => ({ date: r.date, e: r.close, y: ym.get(r.date)! }));
  const x = j.slice(1).map((r, i) => (r.e / j[i].e - 1) * 100);
  const b = j.slice(1).map((r, i) => (r.y - j[i].y) * 100);
  const corrAt = (k: number) => pearson(x.slice(k - w + 1, k + 1), b.slice(k - w + 1, k + 1));
  const m = x.length;
  let sum = 0;
  for (let k = m - meanDays; k < m; k++) sum += corrAt(k);
  return { latest: corrAt(m - 1), from: j[m - w].date, to: j[m].date, mean: sum / meanDays };
}

function naiveH2(rows: Row[], y: number, T: string) {
  return pct(at(rows, `${y}-06-30`), at(rows, T < `${y}-12-31` ? T : `${y}-12-31`));
}

describe.skipIf(!HAVE)('market statistics on real data', () => {
  // Read only when the suite runs (a skipped suite's body is still collected).
  const gspcRows = HAVE ? readRows('culolom-backtest/GSPC.csv') : [];
  const rutRows = HAVE ? readRows('alitalbi-storage_data_fy/RUT.csv') : [];
  const tnxRows = HAVE ? readRows('alitalbi-storage_data_fy/TNX.csv') : [];
  const tnxLongRows = HAVE ? readRows('dsturdy-Factor_Attribution/TNX.csv', '2026-08-03') : []; // drop the intraday row
  const GSPC = toSeries(gspcRows);
  const RUT = toSeries(rutRows);
  const TNX = toSeries(tnxRows);
  const TNX_LONG = toSeries(tnxLongRows);

  describe('as of 2025-12-12', () => {
    const T = '2025-12-12';
    for (const [name, rows, s] of [['S&P 500', gspcRows, GSPC], ['Russell 2000', rutRows, RUT]] as const) {
      it(`${name}: YTD, H1 and H2-to-date match the raw rows`, () => {
        const ye = at(rows, '2024-12-31');
        const jun = at(rows, '2025-06-30');
        const end = at(rows, T);
        expect(end.date).toBe(T);
        const ytd = ytdReturn(s, T);
        expect(ytd.value).toBeCloseTo(pct(ye, end), 10);
        expect(ytd).toMatchObject({ from: ye.date, to: end.date });
        const h1 = h1Return(s, T);
        expect(h1.value).toBeCloseTo(pct(ye, jun), 10);
        expect(h1).toMatchObject({ from: ye.date, to: jun.date, complete: true });
        const h2 = h2Return(s, T);
        expect(h2.value).toBeCloseTo(pct(jun, end), 10);
        expect(h2).toMatchObject({ from: jun.date, to: end.date, complete: false });
        console.info(`${name} ${T}: YTD ${ytd.value!.toFixed(2)}%, H1 ${h1.value!.toFixed(2)}%, H2 to date ${h2.value!.toFixed(2)}%`);
      });
    }

    it('10-year yield: 200-day peak, level, TNX level and bp change match the raw rows', () => {
      const p = ratePeak(TNX, T)!;
      const n = naivePeak(tnxRows, T, 200);
      expect(p).toMatchObject({ date: n.date, currentDate: n.currentDate, from: n.from, windowDays: 200 });
      expect(p.level).toBe(n.level);
      expect(p.tnxLevel).toBeCloseTo(n.level * 10, 10);
      expect(p.changeBp).toBeCloseTo(n.changeBp, 9);
      // The longer dsturdy file holds the same values.
      expect(ratePeak(TNX_LONG, T)).toEqual(p);
      console.info(`TNX ${T}: 200-day peak ${p.level.toFixed(3)}% on ${p.date}, now ${p.current.toFixed(3)}% (${p.changeBp.toFixed(1)} bp)`);
    });

    for (const [name, rows, s] of [['S&P 500', gspcRows, GSPC], ['Russell 2000', rutRows, RUT]] as const) {
      it(`${name}: 126-day correlation to the yield and its 252-day mean match a naive computation`, () => {
        const c = correlationSummary(s, TNX, T);
        const n = naiveCorrelation(rows, tnxRows, T);
        expect(c.latest.value).toBeCloseTo(n.latest, 9);
        expect(c.latest).toMatchObject({ from: n.from, to: n.to });
        expect(c.mean252.value).toBeCloseTo(n.mean, 9);
        console.info(`${name} vs TNX ${T}: correlation ${c.latest.value!.toFixed(3)}, 252-day mean ${c.mean252.value!.toFixed(3)}`);
      });
    }

    it('Russell 2000 vs S&P 500: H2 streak and next-year statistics match a year-by-year scan', () => {
      const st = h2Streak(RUT, GSPC, T);
      let count = 0;
      for (let y = 2025; naiveH2(rutRows, y, T) > naiveH2(gspcRows, y, T); y--) count++;
      expect(st.value).toBe(count);
      expect(st).toMatchObject({ throughYear: 2025, toDate: true, brokenIn: 2025 - count });

      const ny = nextYearAfterH2(RUT, GSPC, T);
      // RUT starts 1987-09-10 → first year with a June close for both: 1988; last Y with Y+1 complete at T: 2023.
      expect([ny.sampleStart, ny.sampleEnd]).toEqual([1988, 2023]);
      const beat: number[] = [];
      const lag: number[] = [];
      for (let y = 1988; y <= 2023; y++) {
        const next = pct(at(rutRows, `${y}-12-31`), at(rutRows, `${y + 1}-12-31`));
        (naiveH2(rutRows, y, `${y}-12-31`) > naiveH2(gspcRows, y, `${y}-12-31`) ? beat : lag).push(next);
      }
      const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
      expect(ny.afterH2Beat.count).toBe(beat.length);
      expect(ny.afterH2Lag.count).toBe(lag.length);
      expect(ny.afterH2Beat.mean).toBeCloseTo(mean(beat), 9);
      expect(ny.afterH2Lag.mean).toBeCloseTo(mean(lag), 9);
      console.info(`RUT vs SPX ${T}: H2 streak ${st.value} (${st.years.join(', ')}); after H2 beat n=${beat.length} mean ${mean(beat).toFixed(2)}%, after lag n=${lag.length} mean ${mean(lag).toFixed(2)}%`);
    });
  });

  describe('as of 2026-07-31 (RUT ends 2026-02-23, alitalbi TNX 2026-02-13)', () => {
    const T = '2026-07-31';
    it('S&P 500: YTD, H1 (complete) and H2-to-date (one month) match the raw rows', () => {
      const ye = at(gspcRows, '2025-12-31');
      const jun = at(gspcRows, '2026-06-30');
      const end = at(gspcRows, T);
      expect(ytdReturn(GSPC, T).value).toBeCloseTo(pct(ye, end), 10);
      expect(h1Return(GSPC, T)).toMatchObject({ value: expect.closeTo(pct(ye, jun), 10), to: jun.date, complete: true });
      expect(h2Return(GSPC, T)).toMatchObject({ value: expect.closeTo(pct(jun, end), 10), from: jun.date, to: end.date });
    });
    it('Russell 2000: every return reports why it is missing instead of a stale figure', () => {
      expect(ytdReturn(RUT, T).reason).toBe('end: last close on or before 2026-07-31 is 2026-02-23, 158 days earlier (limit 7)');
      expect(h1Return(RUT, T).reason).toBe('end: last close on or before 2026-06-30 is 2026-02-23, 127 days earlier (limit 7)');
      expect(h2Return(RUT, T).reason).toBe('base: last close on or before 2026-06-30 is 2026-02-23, 127 days earlier (limit 7)');
    });
    it('rate peak: null with a reason on the short TNX file, computable on the dsturdy file', () => {
      expect(ratePeak(TNX, T)).toBeNull();
      expect(ratePeakMeasured(TNX, T).reason).toBe('yield: last close on or before 2026-07-31 is 2026-02-13, 168 days earlier (limit 7)');
      const p = ratePeak(TNX_LONG, T)!;
      const n = naivePeak(tnxLongRows, T, 200);
      expect(p).toMatchObject({ date: n.date, level: n.level, currentDate: n.currentDate, from: n.from });
      expect(p.changeBp).toBeCloseTo(n.changeBp, 9);
      console.info(`TNX (dsturdy) ${T}: 200-day peak ${p.level.toFixed(3)}% on ${p.date}, now ${p.current.toFixed(3)}% (${p.changeBp.toFixed(1)} bp)`);
    });
    it('correlation: S&P 500 vs the dsturdy TNX matches a naive computation; RUT and the short TNX report a reason', () => {
      const c = correlationSummary(GSPC, TNX_LONG, T);
      const n = naiveCorrelation(gspcRows, tnxLongRows, T);
      expect(c.latest.value).toBeCloseTo(n.latest, 9);
      expect(c.mean252.value).toBeCloseTo(n.mean, 9);
      expect(correlationSummary(RUT, TNX_LONG, T).latest.reason).toBe(
        'last common date of equity and yield is 2026-02-23, 158 days before 2026-07-31 (limit 7)',
      );
      expect(correlationSummary(GSPC, TNX, T).latest.value).toBeNull();
    });
  });
});
