/**
 * Encodings shared by the line and bar charts, so every chart reads dates, roles and sizes the same way.
 */
import { textWidth } from './text-width.js';
import { COLORS, FONT_SIZE, WIDTH } from './theme.js';

/** The colour roles a series can take; each has one fixed colour in every chart (theme `COLORS`). */
export type Role = 'largeCap' | 'smallCap' | 'rates';

/**
 * Colour by the `role` field with the fixed theme colours and no legend (lines carry direct labels).
 * @example roleColor(['largeCap', 'smallCap']).scale.range //=> ['#0072B2', '#D55E00']
 */
export function roleColor(roles: Role[], field = 'role') {
  return { field, type: 'nominal' as const, scale: { domain: roles, range: roles.map((r) => COLORS[r]) }, legend: null };
}

/** Months between the first and last ISO date. */
export function monthSpan(first: string, last: string): number {
  return (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7));
}

/** A date axis over at most this many days (a quarter) is marked in days, not months (2022-02-25: eight weeks of the
 * year ticked by month read "2022, Feb", two labels). */
const SHORT_SPAN_DAYS = 92;
/** Month ticks an axis labels at most (the step grows by 1, 2, 3, 6 or 12 months to keep within it). */
const MAX_MONTH_LABELS = 9;

/**
 * x encoding for ISO dates, read and labelled in UTC: day ticks ("3 Jan") over 92 days or less, else month ticks
 * every 1, 2, 3, 6 or 12 months, the fewest that keep to about nine labels; January ticks show the year in bold,
 * other ticks the month, and a first tick that is not January names its year.
 * @example dateX(['2025-01-02', '2025-12-12']).axis.tickCount //=> { interval: 'month', step: 1 }
 */
export function dateX(dates: string[], domain?: [string, string]) {
  const first = domain?.[0] ?? dates[0] ?? '2000-01-01';
  const last = domain?.[1] ?? dates[dates.length - 1] ?? first;
  const span = monthSpan(first, last);
  // the fewest months a tick that keep the labels to about nine, so none is dropped for overlap: a dropped label was
  // every other one, and on an axis starting in an even month it was every January, the ticks that name the year
  // (2021-05-28's one-year axis read "Jun 2020, Aug, Oct, Dec, Feb, Apr"; 2022-04-01's three years "Apr 2019, Oct,
  // Apr, Oct, Apr, Oct, Apr"); steps of 2, 3 and 6 months always tick January
  const step = [1, 2, 3, 6, 12].find((k) => Math.ceil(span / k) <= MAX_MONTH_LABELS) ?? 12;
  const jan = "utcFormat(datum.value, '%m') === '01'";
  const days = (utcMs(last) - utcMs(first)) / 86_400_000;
  // the first weeks of a year: month ticks would leave one label ("2025"), so days are marked ("3 Jan"), and a
  // day of an earlier year than the chart's last carries its year ("31 Dec 2024"), as every past date does
  // (weekly ticks fall on Sundays: day ticks every 7 days restart at each month's 1st, "29 Jan" beside "1 Feb"),
  // and the first tick names its year when no tick of an earlier year does ("1 Jan, 8 Jan, …" read without one)
  const dayStep = Math.max(1, Math.ceil(days / 6));
  const marks = days <= SHORT_SPAN_DAYS ? shortSpanTicks(dates, first, last, dayStep) : [];
  const ticks =
    days <= SHORT_SPAN_DAYS
      ? marks.length >= 2
        ? // the first tick and the first tick of each later year carry their year ("29 Dec 2017, 2 Jan 2018, 8 Jan")
          { values: marks.map(utcMs), labelExpr: `indexof([${yearTicks(marks).map(utcMs).join(',')}], time(datum.value)) >= 0 ? utcFormat(datum.value, '%-d %b %Y') : utcFormat(datum.value, '%-d %b')` }
        : {
            tickCount: { interval: 'day' as const, step: dayStep },
            labelExpr: `utcFormat(datum.value, '%Y') === '${last.slice(0, 4)}' && datum.index > 0 ? utcFormat(datum.value, '%-d %b') : utcFormat(datum.value, '%-d %b %Y')`,
          }
      : {
          tickCount: { interval: 'month' as const, step },
          // January ticks are the year; a first tick that is not January carries its year too ("Feb 2017, Mar, …,
          // 2018"), or the months before the first January tick (or a window with none) would name no year, and so
          // does the first tick of each year when the ticks skip January (half-yearly from October: "Oct 2013, Apr
          // 2014, Oct, Apr 2015" read "Oct 2013, Apr, Oct, Apr" with no other year)
          labelExpr: `${jan} ? utcFormat(datum.value, '%Y') : datum.index === 0 || utcmonth(datum.value) < ${step} ? utcFormat(datum.value, '%b %Y') : utcFormat(datum.value, '%b')`,
          labelFontWeight: { condition: { test: jan, value: 600 }, value: 400 },
        };
  return {
    field: 'date',
    type: 'temporal' as const,
    title: null,
    scale: { type: 'utc' as const, ...(domain ? { domain: domain.map(utcMs) } : {}) },
    // labels closer than 4 px count as overlapping (2018-11-30: "Dec 20172018" printed as one)
    axis: { ...ticks, labelOverlap: true, labelSeparation: 4, grid: false },
  };
}

/**
 * Ticks of a short date axis, on days with data: every trading day up to a week's span, else the first trading day of
 * each week (Vega's day ticks restart at every month's 1st, "29 Dec 2017" beside "1 Jan", and fall on holidays).
 * @example shortSpanTicks(['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-13'], '2025-01-02', '2025-01-13', 7) //=> ['2025-01-02', '2025-01-06', '2025-01-13']
 */
export function shortSpanTicks(dates: string[], first: string, last: string, dayStep: number): string[] {
  const inSpan = [...new Set(dates.filter((d) => d >= first && d <= last))].sort();
  if (dayStep < WEEKLY_FROM_STEP) return inSpan.filter((_, i) => i % dayStep === 0);
  const weekOf = (d: string) => Math.floor((utcMs(d) / 86_400_000 + 3) / 7); // weeks from Monday 1969-12-29
  const starts = inSpan.filter((d, i) => i === 0 || weekOf(d) !== weekOf(inSpan[i - 1]));
  const days = (utcMs(last) - utcMs(first)) / 86_400_000;
  const weeks = days / 7;
  // weekly up to four weeks, then five ticks or so: more, and labels with a year overlap and drop (2023-03-17,
  // 2024-02-09: "29 Dec 2023, 8 Jan, 22 Jan" with the "2 Jan 2024" label dropped)
  const every = weeks <= 4 ? 1 : Math.ceil((weeks - 1) / 4);
  return starts.filter((_, i) => i % every === 0);
}

/** From this many calendar days between ticks, a short axis ticks the first trading day of each week: every k-th
 * trading day would alternate gaps of two and three trading days ("8 Jan, 10 Jan, 16 Jan, 18 Jan"). */
const WEEKLY_FROM_STEP = 4;

/**
 * The ticks that carry their year: the first, and the first of each later year.
 * @example yearTicks(['2017-12-29', '2018-01-02', '2018-01-08']) //=> ['2017-12-29', '2018-01-02']
 */
export function yearTicks(ticks: string[]): string[] {
  return ticks.filter((d, i) => i === 0 || d.slice(0, 4) !== ticks[i - 1].slice(0, 4));
}

/**
 * Milliseconds of an ISO date at UTC midnight (how Vega reads the `YYYY-MM-DD` strings in the data).
 * @example utcMs('1970-01-02') //=> 86400000
 */
export function utcMs(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
}

/** Width of a chart that fills the text width, axes and direct labels included (Vega-Lite `fit-x`). */
export const FIT_X = { type: 'fit-x', contains: 'padding' } as const;

/** The spec-level size of a full-width chart whose plot is `height` px tall. */
export function fullWidth(height: number) {
  return { width: WIDTH, height, autosize: FIT_X };
}

/** Direct-label text mark at line ends (left-aligned after the last point). */
export const END_LABEL = { type: 'text', align: 'left', baseline: 'middle', dx: 5, fontSize: FONT_SIZE.label, fontWeight: 600 } as const;

/**
 * Labels on a white box, so they stay legible over lines, glyphs and grid (a box, not a stroked "halo": Chromium
 * would print stroked text as Type 3 glyphs instead of the embedded font). One rect + text pair per row; the
 * box is sized from the font's advance widths. `values` rows carry the text in `label`.
 * @example labelOnWhite([{ x: 1, y: 2, label: 'Peak' }], { x, y }, { align: 'left', dx: 6 }).length //=> 2
 */
export function labelOnWhite(
  values: { label: string }[],
  enc: { x: { field: string }; y: { field: string } },
  mark: { align: 'left' | 'right'; dx?: number; fontSize?: number; fontWeight?: number; color?: string },
): object[] {
  const size = mark.fontSize ?? FONT_SIZE.label;
  const dx = mark.dx ?? 0;
  return values.flatMap((row) => {
    const w = textWidth(row.label, size, mark.fontWeight ?? 400);
    const [left, right] = mark.align === 'left' ? [dx - 2, dx + w + 2] : [dx - w - 2, dx + 2];
    const box = { xOffset: round1(left), x2Offset: round1(right), yOffset: round1(-size * 0.62), y2Offset: round1(size * 0.62) };
    return [
      { data: { values: [row] }, mark: { type: 'rect', color: 'white', opacity: 0.92, ...box }, encoding: { ...enc, x2: { field: enc.x.field }, y2: { field: enc.y.field } } },
      {
        data: { values: [row] },
        mark: { type: 'text', baseline: 'middle', fontSize: size, ...mark },
        encoding: { ...enc, text: { field: 'label' } },
      },
    ];
  });
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
