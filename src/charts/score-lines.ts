import type { TopLevelSpec } from 'vega-lite';
import type { ChartData } from '../facts/types.js';
import { endLabels } from './end-labels.js';
import { dateX, END_LABEL, fullWidth, roleColor } from './encodings.js';
import { COLORS, GAP_OPACITY, HEIGHT, SCHEMA, vlConfig } from './theme.js';

export type ScoreData = NonNullable<ChartData['score']>;

/**
 * Score history of the two funds: one line each (small caps and large caps in their fixed colours), the gap
 * between them shaded in the colour of whichever fund is ahead, and a direct label (ticker and latest score) at
 * each line's end.
 * @example scoreLinesSpec(facts.charts.score).layer.map((l) => l.mark.type) //=> ['area', 'area', 'line', 'text', 'text']
 */
export function scoreLinesSpec(d: ScoreData): TopLevelSpec {
  const both: { date: string; small: number; large: number; top: number }[] = [];
  const lines: { date: string; value: number; role: 'smallCap' | 'largeCap' }[] = [];
  d.dates.forEach((date, i) => {
    const s = d.smallValues[i];
    const l = d.largeValues[i];
    if (isNum(s)) lines.push({ date, value: s, role: 'smallCap' });
    if (isNum(l)) lines.push({ date, value: l, role: 'largeCap' });
    if (isNum(s) && isNum(l)) both.push({ date, small: s, large: l, top: Math.max(s, l) });
  });
  // The whole 0–6 range of the score, so a reader sees where the funds sit on it.
  const domain: [number, number] = [0, 6];
  const last = (role: string) => lines.filter((p) => p.role === role).at(-1);
  const ends = [
    { side: d.small, row: last('smallCap'), role: 'smallCap' },
    { side: d.large, row: last('largeCap'), role: 'largeCap' },
  ].flatMap(({ side, row, role }) => (row ? [{ role, date: row.date, value: row.value, text: `${side.key} ${row.value.toFixed(1)}` }] : []));

  const x = dateX(d.dates);
  const y = { type: 'quantitative' as const, scale: { domain, nice: false, zero: false } };
  const color = roleColor(['largeCap', 'smallCap']);
  return {
    $schema: SCHEMA,
    ...fullWidth(HEIGHT),
    config: vlConfig,
    layer: [
      // the gap: filled from the lower line up to the higher one, in the leader's colour (zero height otherwise)
      {
        data: { values: both },
        mark: { type: 'area', color: COLORS.smallCap, opacity: GAP_OPACITY },
        encoding: { x, y: { field: 'large', ...y, title: 'Trend-and-RS score' }, y2: { field: 'top' } },
      },
      {
        data: { values: both },
        mark: { type: 'area', color: COLORS.largeCap, opacity: GAP_OPACITY },
        encoding: { x, y: { field: 'small', ...y }, y2: { field: 'top' } },
      },
      {
        data: { values: lines },
        mark: { type: 'line' },
        encoding: { x, y: { field: 'value', ...y }, color, detail: { field: 'role' } },
      },
      {
        data: { values: endLabels(ends, domain, HEIGHT) },
        mark: END_LABEL,
        encoding: { x, y: { field: 'at', ...y }, text: { field: 'text' }, color },
      },
    ],
  } as TopLevelSpec;
}

const isNum = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
