import { describe, expect, it } from 'vitest';
import {
  bpStatus,
  bpStatusHistory,
  bpZone,
  bullishPercentChart,
  bullishPercentHistory,
  lowestBetween,
  monthsBefore,
  statusSince,
  type BpStatus,
} from '../../src/metrics/breadth.js';
import { pointAndFigure } from '../../src/metrics/pnf/index.js';
import { days, prng } from './pnf/helpers.js';

const cols = (values: number[]) =>
  bullishPercentChart(days(values.length), values).columns.map((c) => `${c.type}[${c.low}-${c.high}]`);

/**
 * Methodology §4.3 worked example. The table lists the days on which something happens; the readings of the
 * other days (3, 5, 9, 12, 14, 19) are chosen to leave the chart unchanged, except day 19, which must take the
 * O column to 58 for day 20's "X 60→64 (≥ 58 + 6)" to hold.
 */
const EXAMPLE = [
  60.0, 51.3, 40.4, /* 3 */ 45.0, 52.7, /* 5 */ 50.0, 41.2, 33.0, 28.6, /* 9 */ 32.0, 34.8, 36.1, /* 12 */ 35.0, 54.3,
  /* 14 */ 55.0, 72.4, 69.1, 66.8, 63.5, /* 19 */ 57.2, 64.9,
];
/** Columns after each day, day by day, as the table describes them. */
const EXAMPLE_COLUMNS: string[][] = [
  [],
  ['O[52-60]'],
  ['O[42-60]'],
  ['O[42-60]'],
  ['O[42-60]', 'X[44-52]'],
  ['O[42-60]', 'X[44-52]'],
  ['O[42-60]', 'X[44-52]', 'O[42-50]'],
  ['O[42-60]', 'X[44-52]', 'O[34-50]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]', 'X[32-36]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]', 'X[32-36]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]', 'X[32-54]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]', 'X[32-54]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]', 'X[32-72]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]', 'X[32-72]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]', 'X[32-72]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]', 'X[32-72]', 'O[64-70]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]', 'X[32-72]', 'O[58-70]'],
  ['O[42-60]', 'X[44-52]', 'O[30-50]', 'X[32-72]', 'O[58-70]', 'X[60-64]'],
];
const BC: BpStatus = 'Bear Confirmed';
const UC: BpStatus = 'Bull Confirmed';
const EXAMPLE_STATUS: (BpStatus | null)[] = [
  null, null, null, null, null, null, null, BC, BC, BC, BC, 'Bull Alert', 'Bull Alert', UC, UC, UC, UC, UC,
  'Bear Alert', 'Bear Alert', UC,
];

describe('bullishPercentChart', () => {
  it('reproduces the §4.3 worked example day by day (each day charted from the readings up to it)', () => {
    for (let d = 0; d < EXAMPLE.length; d++) expect(cols(EXAMPLE.slice(0, d + 1)), `day ${d}`).toEqual(EXAMPLE_COLUMNS[d]);
  });

  it('gives the example a sell on day 7 at 40 (below the 42 bottom) and a buy on day 13 at 54 (above the 52 top)', () => {
    const dates = days(EXAMPLE.length);
    const chart = bullishPercentChart(dates, EXAMPLE);
    expect(chart.signals.map((s) => [s.type, s.date, s.level])).toEqual([
      ['sell', dates[7], 40],
      ['buy', dates[13], 54],
    ]);
  });

  it('counts the reversal on the grid: from an X top of 62, 56.30 does not reverse and 56 does (§4.2)', () => {
    expect(cols([50, 62.5, 56.3])).toEqual(['X[50-62]']);
    expect(cols([50, 62.5, 56])).toEqual(['X[50-62]', 'O[56-60]']);
  });

  it('fills a new O column down to the smallest even level ≥ the reading', () => {
    expect(cols([50, 62.5, 51.1])).toEqual(['X[50-62]', 'O[52-60]']);
  });

  it('reverses up from an O bottom B at B + 6: 42% to 48% is a 6% move', () => {
    expect(cols([50, 42, 47.9])).toEqual(['O[42-50]']);
    expect(cols([50, 42, 48])).toEqual(['O[42-50]', 'X[44-48]']);
  });

  it('is pointAndFigure with 2-point fixed boxes, 3-box reversal and one value per day', () => {
    const rnd = prng(7);
    const values = Array.from({ length: 400 }, () => 20 + rnd() * 60);
    const dates = days(values.length);
    const a = bullishPercentChart(dates, values);
    const b = pointAndFigure({ dates, close: values }, { scale: { fixed: 2 }, reversal: 3, method: 'close' });
    expect(a.columns).toEqual(b.columns);
  });
});

describe('bpStatusHistory', () => {
  it('gives the §4.3 worked example its status on every day', () => {
    const dates = days(EXAMPLE.length);
    expect(bpStatusHistory(bullishPercentChart(dates, EXAMPLE), dates)).toEqual(EXAMPLE_STATUS);
  });

  const run = (values: number[]) => {
    const dates = days(values.length);
    return bpStatusHistory(bullishPercentChart(dates, values), dates);
  };

  it('is Bear Correction in Xs on a sell signal above 30 and Bull Correction in Os on a buy signal below 70', () => {
    // O[40-50], X[42-50], O[38-48] sell, X[40-46] (bottom 38 > 30), X to 52 buy, O[44-50] (top 52 < 70)
    expect(run([50, 40, 50, 38, 46, 52, 44])).toEqual([
      null, null, null, 'Bear Confirmed', 'Bear Correction', 'Bull Confirmed', 'Bull Correction',
    ]);
  });

  it('waits for the O column to reach 68 before a reversal from above 70 becomes Bear Alert', () => {
    // … X[40-76]; 70 → O[70-74] (still above 68): Bull Correction; 67.9 → O to 68: Bear Alert; 60: still Bear Alert
    expect(run([50, 40, 50, 38, 52, 76.5, 70, 67.9, 60]).slice(4)).toEqual([
      'Bull Confirmed', 'Bull Confirmed', 'Bull Correction', 'Bear Alert', 'Bear Alert',
    ]);
  });

  it('is Bear Alert for a reversal from a top of exactly 70', () => {
    expect(run([50, 40, 50, 38, 52, 70, 64]).slice(-2)).toEqual(['Bull Confirmed', 'Bear Alert']);
  });

  it('turns Bear Confirmed when the O column gives a sell signal', () => {
    // after Bear Alert (O from 70 to 64), 36 breaks below the 38 bottom of the previous O column: sell
    expect(run([50, 40, 50, 38, 52, 70, 64, 36]).slice(-2)).toEqual(['Bear Alert', 'Bear Confirmed']);
  });

  it('needs the O column before the X column to reach 30 for Bull Alert (32 is not enough)', () => {
    // O[40-50], X[42-50], O[32-48] sell, X[34-40]: bottom 32 > 30 → Bear Correction
    expect(run([50, 40, 50, 32, 40]).slice(-2)).toEqual(['Bear Confirmed', 'Bear Correction']);
    // … O[30-48] (29.5 rounds up to 30), X[32-36]: Bull Alert
    expect(run([50, 40, 50, 29.5, 36]).slice(-2)).toEqual(['Bear Confirmed', 'Bull Alert']);
  });
});

describe('bpStatus', () => {
  const base = { previousBottom: null, previousTop: null, bottom: null, bullAlertInColumn: false };
  it('is null without a signal', () => {
    expect(bpStatus({ ...base, column: 'X', signal: null })).toBeNull();
  });
  it('keeps Bull Alert for the rest of the column once given', () => {
    expect(bpStatus({ ...base, column: 'X', signal: 'sell', previousBottom: 40, bullAlertInColumn: true })).toBe('Bull Alert');
  });
  it('needs both a previous top ≥ 70 and a bottom ≤ 68 for Bear Alert', () => {
    expect(bpStatus({ ...base, column: 'O', signal: 'buy', previousTop: 68, bottom: 60 })).toBe('Bull Correction');
    expect(bpStatus({ ...base, column: 'O', signal: 'buy', previousTop: 76, bottom: 70 })).toBe('Bull Correction');
    expect(bpStatus({ ...base, column: 'O', signal: 'buy', previousTop: 76, bottom: 68 })).toBe('Bear Alert');
  });
});

describe('statusSince', () => {
  it('is the first day of the run of equal statuses ending on the day', () => {
    const dates = days(EXAMPLE.length);
    expect(statusSince(dates, EXAMPLE_STATUS, 17)).toBe(dates[13]);
    expect(statusSince(dates, EXAMPLE_STATUS, 19)).toBe(dates[18]);
    expect(statusSince(dates, EXAMPLE_STATUS, 20)).toBe(dates[20]);
    expect(statusSince(dates, EXAMPLE_STATUS, 3)).toBeNull();
  });
});

describe('bpZone', () => {
  it('is overbought above 70, oversold below 30, neutral from 30 to 70 inclusive', () => {
    expect([29.9, 30, 50, 70, 70.1].map(bpZone)).toEqual(['oversold', 'neutral', 'neutral', 'neutral', 'overbought']);
  });
});

describe('lowestBetween and monthsBefore', () => {
  it('finds the first lowest reading in the window, skipping NaN', () => {
    const d = ['2025-01-02', '2025-03-03', '2025-06-02', '2025-09-01', '2025-12-01'];
    expect(lowestBetween(d, [10, 20, NaN, 20, 30], '2025-02-01', '2025-12-31')).toEqual({ level: 20, date: '2025-03-03' });
    expect(lowestBetween(d, [10, 20, NaN, 20, 30], '2026-01-01', '2026-12-31')).toBeNull();
  });
  it('steps back calendar months across a year end', () => {
    expect(monthsBefore('2025-03-15', 6)).toBe('2024-09-15');
    expect(monthsBefore('2025-12-12', 24)).toBe('2023-12-12');
    expect(monthsBefore('2025-08-31', 6) > '2025-02-28').toBe(true);
  });
});

describe('bullishPercentHistory', () => {
  // 1-point fixed boxes keep the hand count small: 5,1,6,3,7 → buy on day 4; 3,7,2,5,1 → sell on day 4
  const dates = days(5);
  const A = [5, 1, 6, 3, 7];
  const B = [3, 7, 2, 5, 1];
  const C = [NaN, NaN, NaN, NaN, 4];

  it('divides the members on a buy by the members with a signal, in percent', () => {
    const h = bullishPercentHistory({ dates, closes: [A, B] }, { scale: { fixed: 1 } });
    expect(Array.from(h.buys)).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(h.members)).toEqual([0, 0, 0, 0, 2]);
    expect(h.values[4]).toBe(50);
    expect(Number.isNaN(h.values[3])).toBe(true);
  });

  it('counts members as listed from their first close and leaves the BP out below the coverage threshold', () => {
    const h = bullishPercentHistory({ dates, closes: [A, C, C, C] }, { scale: { fixed: 1 } });
    expect(Array.from(h.listed)).toEqual([1, 1, 1, 1, 4]);
    expect(Number.isNaN(h.values[4])).toBe(true); // 1 member with a signal of 4 listed < 50%
    const all = bullishPercentHistory({ dates, closes: [A, C, C, C] }, { scale: { fixed: 1 }, minCoverage: 0.25 });
    expect(all.values[4]).toBe(100);
  });

  it("matches a count of every member's pointAndFigure daily signal (traditional scale, close)", () => {
    const rnd = prng(11);
    const n = 600;
    const closes = Array.from({ length: 25 }, (_, m) => {
      const c = new Float64Array(n);
      let p = 5 + m * 7;
      for (let d = 0; d < n; d++) {
        p *= Math.exp((rnd() - 0.5) * 0.06);
        c[d] = m % 5 === 0 && d < 100 ? NaN : p; // some members list later
      }
      return c;
    });
    const d = days(n);
    const h = bullishPercentHistory({ dates: d, closes }, { minCoverage: 0 });
    const buys = new Array(n).fill(0);
    const members = new Array(n).fill(0);
    for (const c of closes) {
      const s = pointAndFigure({ dates: d, close: c }, { scale: 'traditional', method: 'close' }).daily.signal;
      s.forEach((v, i) => {
        if (v !== 0) members[i]++;
        if (v === 1) buys[i]++;
      });
    }
    expect(Array.from(h.buys)).toEqual(buys);
    expect(Array.from(h.members)).toEqual(members);
    expect(h.values[n - 1]).toBeCloseTo((buys[n - 1] / members[n - 1]) * 100, 12);
  });

  it('is point-in-time: the universe truncated at T gives the same BP on every day up to T', () => {
    const rnd = prng(3);
    const n = 500;
    const closes = Array.from({ length: 30 }, () => {
      const c = new Float64Array(n);
      let p = 40;
      for (let d = 0; d < n; d++) c[d] = p *= Math.exp((rnd() - 0.5) * 0.05);
      return c;
    });
    const d = days(n);
    const full = bullishPercentHistory({ dates: d, closes });
    for (const T of [150, 311, 420]) {
      const cut = bullishPercentHistory({ dates: d.slice(0, T + 1), closes: closes.map((c) => c.slice(0, T + 1)) });
      expect(Array.from(cut.values)).toEqual(Array.from(full.values.slice(0, T + 1)));
      expect(Array.from(cut.members)).toEqual(Array.from(full.members.slice(0, T + 1)));
    }
  });

  it('throws on a member whose closes do not match the dates', () => {
    expect(() => bullishPercentHistory({ dates, closes: [[1, 2]] })).toThrow('universe member has 2 closes for 5 dates');
  });
});
