/**
 * Encodings shared by the line and bar charts, so every chart reads dates, roles and sizes the same way.
 */
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

/**
 * x encoding for ISO dates, read and labelled in UTC: monthly ticks over a year or less, quarterly up to three
 * years, half-yearly beyond; January ticks show the year in bold, other ticks the month.
 * @example dateX(['2025-01-02', '2025-12-12']).axis.tickCount //=> { interval: 'month', step: 1 }
 */
export function dateX(dates: string[], domain?: [string, string]) {
  const first = domain?.[0] ?? dates[0] ?? '2000-01-01';
  const last = domain?.[1] ?? dates[dates.length - 1] ?? first;
  const span = monthSpan(first, last);
  const step = span <= 14 ? 1 : span <= 40 ? 3 : 6;
  const jan = "utcFormat(datum.value, '%m') === '01'";
  return {
    field: 'date',
    type: 'temporal' as const,
    title: null,
    scale: { type: 'utc' as const, ...(domain ? { domain: domain.map(utcDateTime) } : {}) },
    axis: {
      tickCount: { interval: 'month' as const, step },
      labelExpr: `${jan} ? utcFormat(datum.value, '%Y') : utcFormat(datum.value, '%b')`,
      labelFontWeight: { condition: { test: jan, value: 600 }, value: 400 },
      labelOverlap: true,
      grid: false,
    },
  };
}

/**
 * A Vega-Lite DateTime for an ISO date at UTC midnight (how Vega reads the `YYYY-MM-DD` strings in the data).
 * @example utcDateTime('2025-03-07') //=> { year: 2025, month: 3, date: 7, utc: true }
 */
export function utcDateTime(d: string) {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), date: Number(d.slice(8, 10)), utc: true };
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
 * A text label drawn twice: a white stroked copy under the coloured one, so it stays legible over lines, glyphs
 * and grid. `values` rows carry the text in `label`.
 * @example halo([{ x: 1, y: 2, label: 'Peak' }], { x, y }, { align: 'left' }).length //=> 2
 */
export function halo(values: object[], enc: object, mark: Record<string, unknown>): object[] {
  const encoding = { ...enc, text: { field: 'label' } };
  return [
    { data: { values }, mark: { type: 'text', ...mark, color: 'white', stroke: 'white', strokeWidth: 3, strokeJoin: 'round' }, encoding },
    { data: { values }, mark: { type: 'text', ...mark }, encoding },
  ];
}
