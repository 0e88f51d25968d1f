import { describe, expect, it } from 'vitest';
import { endLabels } from '../../src/charts/end-labels.js';
import { dateX, monthSpan, roleColor, shortSpanTicks, utcMs, yearTicks } from '../../src/charts/encodings.js';
import { num, shortDate, signed } from '../../src/charts/format.js';
import { niceDomain, niceStep, yPixel } from '../../src/charts/scales.js';
import { COLORS } from '../../src/charts/theme.js';
import { roundAttributes, toSvg } from '../../src/charts/to-svg.js';

describe('niceDomain', () => {
  it('widens the data range to whole steps of 1, 2 or 5 × 10^k', () => {
    expect(niceDomain([3.2, 4.9])).toEqual([3, 5]);
    expect(niceDomain([-0.41, -0.1], [0])).toEqual([-0.5, 0]);
    expect(niceDomain([101, 187])).toEqual([100, 200]);
  });
  it('holds the values it is told to include and ignores nulls', () => {
    expect(niceDomain([104, null, 112], [100])).toEqual([100, 115]);
  });
  it('falls back to [0, 1] with no finite value', () => {
    expect(niceDomain([null, Number.NaN])).toEqual([0, 1]);
  });
});

describe('niceStep', () => {
  it('rounds a raw step up to 1, 2 or 5 × 10^k', () => {
    expect([niceStep(0.34), niceStep(1.5), niceStep(3), niceStep(7), niceStep(20)]).toEqual([0.5, 2, 5, 10, 20]);
  });
});

describe('yPixel', () => {
  it('maps the top of the domain to 0 and the bottom to the height', () => {
    expect([yPixel(100, [0, 100], 200), yPixel(0, [0, 100], 200), yPixel(75, [0, 100], 200)]).toEqual([0, 200, 50]);
  });
});

describe('endLabels', () => {
  it('leaves labels alone when they are far enough apart', () => {
    const ls = endLabels([{ role: 'a', text: 'A', date: 'd', value: 90 }, { role: 'b', text: 'B', date: 'd', value: 10 }], [0, 100], 100);
    expect(ls.map((l) => [l.dy, l.at])).toEqual([[0, 90], [0, 10]]);
  });
  it('pushes two labels at the same value apart by the gap, centred on the line ends', () => {
    const ls = endLabels([{ role: 'a', text: 'A', date: 'd', value: 10 }, { role: 'b', text: 'B', date: 'd', value: 10 }], [0, 100], 100, 12);
    expect(ls.map((l) => l.dy)).toEqual([-6, 6]);
    // on a 100-unit domain 100 px tall a pixel is one unit: up 6 px = +6
    expect(ls.map((l) => l.at)).toEqual([16, 4]);
  });
  it('keeps the order of the line ends', () => {
    const ls = endLabels([{ role: 'low', text: 'L', date: 'd', value: 50 }, { role: 'high', text: 'H', date: 'd', value: 52 }], [0, 100], 100, 12);
    expect(ls[1].at).toBeGreaterThan(ls[0].at);
    expect(ls[1].at - ls[0].at).toBeCloseTo(12, 6);
  });
});

describe('dateX', () => {
  it('reads dates in UTC and ticks monthly up to nine months, every other month up to a year and a half', () => {
    const x = dateX(['2025-01-02', '2025-08-29']);
    expect(x.scale.type).toBe('utc');
    expect(x.axis.tickCount).toEqual({ interval: 'month', step: 1 });
    expect(dateX(['2025-01-02', '2025-12-12']).axis.tickCount).toEqual({ interval: 'month', step: 2 });
  });
  it('ticks quarterly over two years, half-yearly over three and yearly beyond', () => {
    expect(dateX(['2024-01-02', '2025-12-12']).axis.tickCount.step).toBe(3);
    expect(dateX(['2023-01-02', '2025-12-12']).axis.tickCount.step).toBe(6);
    expect(dateX(['2015-01-02', '2025-12-12']).axis.tickCount.step).toBe(12);
  });
  it('keeps every label, so no January tick (the year) is dropped for overlap (2021-05-28: "Jun 2020, Aug, Oct, Dec, Feb, Apr"; 2022-04-01: "Apr 2019, Oct, Apr, Oct, Apr, Oct, Apr")', async () => {
    const visible = async (first: string, last: string, width: number) => {
      const dates: string[] = [];
      for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 7 * 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
      const svg = await toSvg({ width, height: 100, data: { values: dates.map((date, i) => ({ date, v: i })) }, mark: 'line', encoding: { x: dateX(dates), y: { field: 'v', type: 'quantitative', axis: null } } } as never);
      const all = [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)];
      expect(all.filter((m) => /opacity="0"/.test(m[1])).map((m) => m[2])).toEqual([]);
      return all.map((m) => m[2]);
    };
    expect(await visible('2020-05-29', '2021-05-28', 440)).toContain('2021');
    const three = await visible('2019-04-01', '2022-04-01', 440);
    for (const y of ['2020', '2021', '2022']) expect(three).toContain(y);
  });
  it('marks days over 92 days or less, on days with data (a year-to-date chart in early January had one label, "2025"; 2022-02-25: eight weeks read "2022, Feb")', async () => {
    const dates = ['2024-12-31', '2025-01-02', '2025-01-03'];
    const x = dateX(dates);
    expect(x.axis.values).toEqual(dates.map(utcMs));
    expect(dateX(['2024-12-31', '2025-04-20']).axis.tickCount).toEqual({ interval: 'month', step: 1 });
    // eight weeks: the first trading day of every other week, five ticks
    const eight: string[] = [];
    for (let t = Date.UTC(2021, 11, 31); t <= Date.UTC(2022, 1, 25); t += 86_400_000) if (![0, 6].includes(new Date(t).getUTCDay())) eight.push(new Date(t).toISOString().slice(0, 10));
    expect((dateX(eight).axis.values as number[]).map((v) => new Date(v).toISOString().slice(0, 10))).toEqual(['2021-12-31', '2022-01-10', '2022-01-24', '2022-02-07', '2022-02-21']);
    const svg = await toSvg({
      width: 300,
      height: 100,
      data: { values: [{ date: '2024-12-31', v: 100 }, { date: '2025-01-02', v: 101 }, { date: '2025-01-03', v: 100.5 }] },
      mark: 'line',
      encoding: { x, y: { field: 'v', type: 'quantitative' } },
    } as never);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    // the last year's day carries its year, as every past date does, and the new year's first day its own
    expect(labels).toEqual(expect.arrayContaining(['31 Dec 2024', '2 Jan 2025', '3 Jan']));
    expect(labels).not.toContain('31 Dec');
  });
  it('marks a year-to-date axis of a few weeks on the first trading day of each week, its first tick with the year (2023-02-10: "1 Jan, 8 Jan, … 29 Jan, 1 Feb, 8 Feb", no year, ticks three days apart; 2018-01-19: "29 Dec 2017, 1 Jan, 5 Jan, 9 Jan", a holiday and a Saturday)', async () => {
    const dates: string[] = [];
    for (let t = Date.UTC(2022, 11, 30); t <= Date.UTC(2023, 1, 10); t += 86_400_000) {
      const d = new Date(t);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && d.toISOString().slice(0, 10) !== '2023-01-02') dates.push(d.toISOString().slice(0, 10));
    }
    const x = dateX(dates);
    const ticks = (x.axis.values as number[]).map((v) => new Date(v).toISOString().slice(0, 10));
    // the first date, then Mondays, every other week beyond four weeks (weekly, seven labels overlapped and every
    // other one dropped, the year's first among them: 2024-02-09)
    expect(ticks).toEqual(['2022-12-30', '2023-01-09', '2023-01-23', '2023-02-06']);
    const svg = await toSvg({ width: 500, height: 100, data: { values: dates.map((date, i) => ({ date, v: i })) }, mark: 'line', encoding: { x, y: { field: 'v', type: 'quantitative', axis: null } } } as never);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels[0]).toBe('30 Dec 2022');
    // the first tick of the new year names it too ("29 Dec 2017, 3 Jan, 8 Jan" named no 2018)
    expect(labels[1]).toBe('9 Jan 2023');
    expect(labels.slice(2).every((l) => /^\d{1,2} (Jan|Feb)$/.test(l))).toBe(true);
  });
  it('ticks a year of four weeks once a week, reading each date once (2018-01-26, Figure 1: two lines gave every date twice, and ticks fell two and three trading days apart: "8 Jan, 10 Jan, 16 Jan, 18 Jan")', () => {
    const dates: string[] = [];
    for (let t = Date.UTC(2017, 11, 29); t <= Date.UTC(2018, 0, 26); t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && iso !== '2018-01-01' && iso !== '2018-01-15') dates.push(iso);
    }
    const both = [...dates, ...dates].sort(); // a chart of two lines: each date once per line
    const ticks = (dateX(both).axis.values as number[]).map((v) => new Date(v).toISOString().slice(0, 10));
    expect(ticks).toEqual(['2017-12-29', '2018-01-02', '2018-01-08', '2018-01-16', '2018-01-22']);
    expect(shortSpanTicks(both, '2018-01-02', '2018-01-08', 1)).toEqual(['2018-01-02', '2018-01-03', '2018-01-04', '2018-01-05', '2018-01-08']);
    expect(yearTicks(ticks)).toEqual(['2017-12-29', '2018-01-02']);
  });
  it('ticks twelve weeks at most six times, so no label with a year is dropped for overlap (2024-03-22: "29 Dec 2023 · 22 Jan · 20 Feb · 18 Mar", the "8 Jan 2024" label hidden)', async () => {
    const dates: string[] = [];
    for (let t = Date.UTC(2023, 11, 29); t <= Date.UTC(2024, 2, 22); t += 86_400_000) if (![0, 6].includes(new Date(t).getUTCDay())) dates.push(new Date(t).toISOString().slice(0, 10));
    const x = dateX(dates);
    expect((x.axis.values as number[]).length).toBeLessThanOrEqual(6);
    const svg = await toSvg({ width: 470, height: 100, data: { values: dates.map((date, i) => ({ date, v: i })) }, mark: 'line', encoding: { x, y: { field: 'v', type: 'quantitative', axis: null } } } as never);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels.length).toBe((x.axis.values as number[]).length);
    expect(labels.filter((l) => /2024/.test(l))).toHaveLength(1);
  });
  it('names the year on the first tick when the axis has no January tick (2019-10-25, Figure 5: 11 January to 25 October read "Feb … Oct" with no year)', async () => {
    const labels = async (dates: string[]) => {
      const values = dates.map((date, i) => ({ date, v: 100 + i }));
      const x = dateX(dates);
      const svg = await toSvg({ width: 400, height: 100, data: { values }, mark: 'line', encoding: { x, y: { field: 'v', type: 'quantitative', axis: null } } } as never);
      return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    };
    const without = await labels(['2019-01-11', '2019-04-15', '2019-07-15', '2019-10-25']);
    expect(without[0]).toBe('Feb 2019');
    expect(without.slice(1).every((l) => /^[A-Z][a-z]{2}$/.test(l))).toBe(true);
    // with a January tick the year is on it, and on the first tick, whose months are of the year before
    // (2018-01-26, Figure 4: "Feb … Dec, 2018" never named 2017)
    const across = await labels(['2018-10-02', '2019-04-15', '2019-07-25']);
    expect(across.filter((l) => /\d{4}/.test(l))).toEqual(['Nov 2018', '2019']);
    // ticks that skip January name the year on the first tick of each year (2016-09-30, Figure 6: "Oct 2013, Apr, Oct, Apr, Oct, Apr")
    const half = await labels(['2013-10-01', '2014-06-02', '2015-06-01', '2016-09-30']);
    for (const y of ['2014', '2015', '2016']) expect(half.some((l) => l.includes(y)), y).toBe(true);
    const year = await labels(['2017-01-27', '2017-07-14', '2018-01-26']);
    expect(year[0]).toBe('Mar 2017'); // every other month from January
    expect(year.filter((l) => /\d{4}/.test(l))).toEqual(['Mar 2017', '2018']);
  });
});

describe('monthSpan and utcMs', () => {
  it('counts calendar months between two dates', () => {
    expect(monthSpan('2024-11-29', '2025-02-03')).toBe(3);
  });
  it('gives the UTC midnight of an ISO date', () => {
    expect(utcMs('1970-01-02')).toBe(86_400_000);
  });
});

describe('roleColor', () => {
  it('maps roles to their fixed theme colours', () => {
    expect(roleColor(['largeCap', 'smallCap', 'rates']).scale.range).toEqual([COLORS.largeCap, COLORS.smallCap, COLORS.rates]);
  });
});

describe('format', () => {
  it('signs with a true minus and no sign on zero', () => {
    expect([signed(4.25), signed(-2), signed(-0.04), signed(12.5, 0)]).toEqual(['+4.3', '−2.0', '0.0', '+13']);
    expect(num(-0.256, 2)).toBe('−0.26');
  });
  it('writes a caption date', () => {
    expect(shortDate('2025-01-14')).toBe('14 Jan 2025');
  });
});

describe('roundAttributes', () => {
  it('rounds long decimals inside attributes and leaves text alone', () => {
    expect(roundAttributes('<text x="5.6000000000000005" y="-3.14159">1.23456</text>')).toBe('<text x="5.6" y="-3.14">1.23456</text>');
  });
});
