import type { TopLevelSpec } from 'vega-lite';
import { signed } from './format.js';
import { roleLinesSpec } from './role-lines.js';

export interface RebasedLine {
  key: string;
  name: string;
  role: 'largeCap' | 'smallCap';
  points: { date: string; value: number }[];
  /** The year-to-date change of the facts (%), printed at the line's end: the text's figure, rounded once. */
  ytd: number | null;
}

/**
 * Year-to-date paths of the indexes rebased to 100 at the prior year-end, in their fixed colours, a dashed 100
 * line, and a direct label (ticker and YTD change) at each line's end.
 * @example ytdLinesSpec(lines).layer.map((l) => l.mark.type) //=> ['rule', 'line', 'text']
 */
export function ytdLinesSpec(lines: RebasedLine[]): TopLevelSpec {
  const values = lines.flatMap((l) => l.points.map((p) => ({ date: p.date, value: p.value, key: l.key, role: l.role })));
  const ytd = new Map(lines.map((l) => [l.key, l.ytd]));
  // the label prints the facts' change, not the rounded chart point less 100 (which can differ in the last digit)
  return roleLinesSpec(values, { reference: 100, endText: (key) => { const v = ytd.get(key); return v === null || v === undefined ? key : `${key} ${signed(v)}%`; }, yAxis: { title: 'Prior year-end = 100' } });
}
