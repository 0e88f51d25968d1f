import type { TopLevelSpec } from 'vega-lite';
import { endLabels } from './end-labels.js';
import { dateX, END_LABEL, fullWidth, roleColor } from './encodings.js';
import { signed } from './format.js';
import { niceDomain } from './scales.js';
import { HEIGHT, REFERENCE_RULE, SCHEMA, vlConfig } from './theme.js';

export interface RebasedLine {
  key: string;
  name: string;
  role: 'largeCap' | 'smallCap';
  points: { date: string; value: number }[];
}

/**
 * Year-to-date paths of the indexes rebased to 100 at the prior year-end, in their fixed colours, a dashed 100
 * line, and a direct label (ticker and YTD change) at each line's end.
 * @example ytdLinesSpec(lines).layer.map((l) => l.mark.type) //=> ['rule', 'line', 'text']
 */
export function ytdLinesSpec(lines: RebasedLine[]): TopLevelSpec {
  const values = lines.flatMap((l) => l.points.map((p) => ({ date: p.date, value: p.value, key: l.key, role: l.role })));
  const domain = niceDomain(values.map((v) => v.value), [100]);
  const ends = lines.flatMap((l) => {
    const e = l.points[l.points.length - 1];
    return e ? [{ role: l.role, date: e.date, value: e.value, text: `${l.key} ${signed(e.value - 100)}%` }] : [];
  });
  const x = dateX(values.map((v) => v.date).sort());
  const y = { type: 'quantitative' as const, scale: { domain, nice: false, zero: false } };
  const color = roleColor(['largeCap', 'smallCap']);
  return {
    $schema: SCHEMA,
    ...fullWidth(HEIGHT),
    config: vlConfig,
    layer: [
      { data: { values: [{ value: 100 }] }, mark: REFERENCE_RULE, encoding: { y: { field: 'value', ...y } } },
      {
        data: { values },
        mark: { type: 'line' },
        encoding: { x, y: { field: 'value', ...y, axis: { title: 'Prior year-end = 100' } }, color, detail: { field: 'key' } },
      },
      {
        data: { values: endLabels(ends, domain, HEIGHT) },
        mark: END_LABEL,
        encoding: { x, y: { field: 'at', ...y }, text: { field: 'text' }, color },
      },
    ],
  } as TopLevelSpec;
}
