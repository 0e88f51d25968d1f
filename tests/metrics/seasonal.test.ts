import { describe, expect, it } from 'vitest';
import { lastIndexOnOrBefore } from '../../src/metrics/calendar.js';
import { h2Streak, nextYearAfterH2 } from '../../src/metrics/seasonal.js';

type Rows = [string, number][];
const series = (rows: Rows) => ({ dates: rows.map((r) => r[0]), close: rows.map((r) => r[1]) });

/** Rows at each June 30 and Dec 31: `years[y] = [june, december]`, after an opening close on `start`. */
function halves(start: [string, number], years: Record<number, [number, number]>, extra: Rows = []) {
  const rows: Rows = [start];
  for (const y of Object.keys(years).map(Number).sort()) {
    rows.push([`${y}-06-30`, years[y][0]], [`${y}-12-31`, years[y][1]]);
  }
  rows.push(...extra);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return series(rows);
}

/** Large caps: June 100, December 110 every year → H2 = +10% every year. */
function large(from: number, to: number, extra: Rows = []) {
  const y: Record<number, [number, number]> = {};
  for (let k = from; k <= to; k++) y[k] = [100, 110];
  return halves([`${from - 1}-12-29`, 110], y, extra);
}

describe('nextYearAfterH2', () => {
  /*
   * Six classification years 2018-2023 (hand-computed). Large caps H2 = +10% every year.
   *   Y     small June  Dec   small H2  vs 10%  h2Diff  small return in Y+1
   *   2017        -     100      -
   *   2018       80     100     +25     beat    +15    2019: 125/100 − 1 = +25
   *   2019      125     125       0     lag     −10    2020: 100/125 − 1 = −20
   *   2020       50     100    +100     beat    +90    2021: 150/100 − 1 = +50
   *   2021      150     150       0     lag     −10    2022: 120/150 − 1 = −20
   *   2022      100     120     +20     beat    +10    2023: 150/120 − 1 = +25
   *   2023      200     150     −25     lag     −35    2024: 165/150 − 1 = +10
   *   2024      132     165     +25     (beat; its Y+1 = 2025 is not complete at T)
   * After a beat (2018, 2020, 2022): next-year returns 25, 50, 25 → count 3, mean 100/3 = 33.33, median 25, hit rate 100%.
   * After a lag  (2019, 2021, 2023): next-year returns −20, −20, 10 → count 3, mean −30/3 = −10, median −20, hit rate 33.33%.
   */
  const small = halves(['2017-12-29', 100], {
    2018: [80, 100], 2019: [125, 125], 2020: [50, 100], 2021: [150, 150], 2022: [100, 120], 2023: [200, 150], 2024: [132, 165],
  });
  const big = large(2018, 2024);

  it('classifies each year by the H2 race and summarises the next year per class', () => {
    const r = nextYearAfterH2(small, big, '2025-03-31');
    expect(r.sampleStart).toBe(2018);
    expect(r.sampleEnd).toBe(2023);
    expect(r.gaps).toEqual([]);
    expect(r.afterH2Beat.years).toEqual([2018, 2020, 2022]);
    expect(r.afterH2Beat.count).toBe(3);
    expect(r.afterH2Beat.mean).toBeCloseTo(100 / 3, 10);
    expect(r.afterH2Beat.median).toBeCloseTo(25, 10);
    expect(r.afterH2Beat.hitRate).toBe(100);
    expect(r.afterH2Lag.years).toEqual([2019, 2021, 2023]);
    expect(r.afterH2Lag.count).toBe(3);
    expect(r.afterH2Lag.mean).toBeCloseTo(-10, 10);
    expect(r.afterH2Lag.median).toBeCloseTo(-20, 10);
    expect(r.afterH2Lag.hitRate).toBeCloseTo(100 / 3, 10);
    expect(r.afterH2Beat.returns.map((o) => [o.year, Math.round(o.h2Diff * 1e9) / 1e9, Math.round(o.nextYear * 1e9) / 1e9]))
      .toEqual([[2018, 15, 25], [2020, 90, 50], [2022, 10, 25]]);
  });

  it('needs year Y+1 complete at T: on 2024-12-30 the sample ends with 2022', () => {
    const r = nextYearAfterH2(small, big, '2024-12-30');
    expect(r.sampleEnd).toBe(2022);
    expect(r.afterH2Beat.years).toEqual([2018, 2020, 2022]);
    expect(r.afterH2Lag.years).toEqual([2019, 2021]);
    expect(r.afterH2Lag.mean).toBeCloseTo(-20, 10);
    // On Dec 31 itself the year is complete.
    expect(nextYearAfterH2(small, big, '2024-12-31').sampleEnd).toBe(2023);
  });

  it('counts a tie as a lag', () => {
    // 2019 small H2 = 0%; make large H2 2019 = 0% as well (June 110, Dec 110).
    const tieLarge = halves(['2017-12-29', 110], { 2018: [100, 110], 2019: [110, 110], 2020: [100, 110], 2021: [100, 110], 2022: [100, 110], 2023: [100, 110], 2024: [100, 110] });
    expect(nextYearAfterH2(small, tieLarge, '2025-03-31').afterH2Lag.years).toEqual([2019, 2021, 2023]);
  });

  it('starts the sample at the first year with full data for both series', () => {
    // Large caps start only in 2020 → sample 2020-2023.
    const r = nextYearAfterH2(small, large(2020, 2024), '2025-03-31');
    expect([r.sampleStart, r.sampleEnd]).toEqual([2020, 2023]);
    expect(r.afterH2Beat.years).toEqual([2020, 2022]);
    expect(r.afterH2Lag.years).toEqual([2021, 2023]);
  });

  it('lists a year with missing data inside the sample as a gap', () => {
    const holed = { dates: small.dates, close: small.close.map((v, i) => (small.dates[i] === '2020-06-30' ? NaN : v)) };
    const r = nextYearAfterH2(holed, big, '2025-03-31');
    expect(r.gaps.map((g) => g.year)).toEqual([2020]);
    expect(r.gaps[0].reason).toMatch(/^small-cap H2: base: last close on or before 2020-06-30 is 2019-12-31/);
    expect(r.afterH2Beat.years).toEqual([2018, 2022]);
  });

  it('returns empty classes with null statistics when no year qualifies', () => {
    const r = nextYearAfterH2(small, big, '2019-05-01');
    expect(r).toMatchObject({ sampleStart: null, sampleEnd: null });
    expect(r.afterH2Beat).toEqual({ count: 0, mean: null, median: null, hitRate: null, years: [], returns: [] });
  });
});

describe('h2Streak', () => {
  // Small caps: H2 2019 = 0% (lag), 2020-2024 = +20% (beat); 2025 H2 to date via a 2025-09-30 row.
  const years = { 2019: [100, 100], 2020: [100, 120], 2021: [100, 120], 2022: [100, 120], 2023: [100, 120], 2024: [100, 120] } as Record<number, [number, number]>;
  const big = large(2019, 2024, [['2025-06-30', 100], ['2025-09-30', 105]]);

  it('counts many consecutive wins ending with T\'s year, which counts with H2 to date when T is in H2', () => {
    const small = halves(['2018-12-31', 100], years, [['2025-06-30', 100], ['2025-09-30', 115]]);
    expect(h2Streak(small, big, '2025-10-01')).toEqual({
      value: 6, years: [2020, 2021, 2022, 2023, 2024, 2025], throughYear: 2025, toDate: true, brokenIn: 2019,
    });
  });

  it('ends with the previous year (complete H2) when T is in the first half', () => {
    const small = halves(['2018-12-31', 100], years, [['2025-06-30', 100], ['2025-09-30', 115]]);
    expect(h2Streak(small, big, '2025-03-31')).toEqual({
      value: 5, years: [2020, 2021, 2022, 2023, 2024], throughYear: 2024, toDate: false, brokenIn: 2019,
    });
    expect(h2Streak(small, big, '2025-06-30').throughYear).toBe(2024);
  });

  it('is 0 when small caps trail in T\'s year so far', () => {
    const small = halves(['2018-12-31', 100], years, [['2025-06-30', 100], ['2025-09-30', 104]]);
    expect(h2Streak(small, big, '2025-10-01')).toEqual({ value: 0, years: [], throughYear: 2025, toDate: true, brokenIn: 2025 });
  });

  it('is 1 when only T\'s year is a win', () => {
    const lost2024 = { ...years, 2024: [100, 105] as [number, number] }; // +5% < +10%
    const small = halves(['2018-12-31', 100], lost2024, [['2025-06-30', 100], ['2025-09-30', 115]]);
    expect(h2Streak(small, big, '2025-10-01')).toMatchObject({ value: 1, years: [2025], brokenIn: 2024 });
  });

  it('counts a tie as the end of the streak', () => {
    const tie2024 = { ...years, 2024: [100, 110] as [number, number] }; // +10% = +10%
    const small = halves(['2018-12-31', 100], tie2024, [['2025-06-30', 100], ['2025-09-30', 115]]);
    expect(h2Streak(small, big, '2025-10-01')).toMatchObject({ value: 1, brokenIn: 2024 });
  });

  it('stops with a reason when the data run out before a loss', () => {
    const recent = halves(['2021-12-31', 100], { 2022: [100, 120], 2023: [100, 120], 2024: [100, 120] }, [['2025-06-30', 100], ['2025-09-30', 115]]);
    expect(h2Streak(recent, big, '2025-10-01')).toEqual({
      value: 4, years: [2022, 2023, 2024, 2025], throughYear: 2025, toDate: true, brokenIn: null,
      reason: 'no H2 2021: small-cap base: no close on or before 2021-06-30',
    });
  });

  it('is complete (toDate false) on December 31', () => {
    const small = halves(['2018-12-31', 100], years);
    expect(h2Streak(small, large(2019, 2024), '2024-12-31')).toMatchObject({ value: 5, throughYear: 2024, toDate: false });
  });
});

describe('point-in-time property', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const mk = (vol: number) => {
    const dates: string[] = [];
    const close: number[] = [];
    let v = 100;
    for (let t = Date.UTC(2010, 0, 4); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
      const d = new Date(t).getUTCDay();
      if (d === 0 || d === 6) continue;
      v *= 1 + (rand() - 0.5) * vol;
      dates.push(new Date(t).toISOString().slice(0, 10));
      close.push(v);
    }
    return { dates, close: Float64Array.from(close) };
  };
  const s = mk(0.04);
  const l = mk(0.03);
  const cut = (x: typeof s, T: string) => {
    const k = lastIndexOnOrBefore(x.dates, T);
    return { dates: x.dates.slice(0, k + 1), close: x.close.slice(0, k + 1) };
  };

  it('gives the same streak and seasonal statistics on data truncated at T, for random T', () => {
    for (let n = 0; n < 25; n++) {
      const t = Date.UTC(2010, 0, 1) + Math.floor(rand() * 5840) * 86_400_000;
      const T = new Date(t).toISOString().slice(0, 10);
      expect(h2Streak(cut(s, T), cut(l, T), T)).toEqual(h2Streak(s, l, T));
      expect(nextYearAfterH2(cut(s, T), cut(l, T), T)).toEqual(nextYearAfterH2(s, l, T));
    }
  });
});
