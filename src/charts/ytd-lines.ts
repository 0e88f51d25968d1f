import type { TopLevelSpec } from 'vega-lite';
import { COLORS, HEIGHT, vlConfig, WIDTH } from './theme.js';

export interface RebasedLine {
  key: string;
  name: string;
  role: 'largeCap' | 'smallCap';
  points: { date: string; value: number }[];
}

/** Year-to-date paths of the indexes rebased to 100 at the prior year-end, labelled at the line ends. */
export function ytdLinesSpec(lines: RebasedLine[]): TopLevelSpec {
  const values = lines.flatMap((l) => l.points.map((p) => ({ date: p.date, value: p.value, name: l.name, role: l.role })));
  const ends = lines.map((l) => ({ ...l.points[l.points.length - 1], name: l.name, role: l.role }));
  const color = {
    field: 'role',
    type: 'nominal' as const,
    scale: { domain: ['largeCap', 'smallCap'], range: [COLORS.largeCap, COLORS.smallCap] },
    legend: null,
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH - 90,
    height: HEIGHT,
    config: vlConfig,
    layer: [
      {
        data: { values: [{ y: 100 }] },
        mark: { type: 'rule', color: COLORS.reference, strokeDash: [3, 3] },
        encoding: { y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'line', interpolate: 'linear' },
        encoding: {
          x: { field: 'date', type: 'temporal', title: null, axis: { format: '%b', tickCount: 12, grid: false } },
          y: { field: 'value', type: 'quantitative', title: 'Rebased (prior year-end = 100)', scale: { zero: false } },
          color,
          detail: { field: 'name' },
        },
      },
      {
        data: { values: ends },
        mark: { type: 'text', align: 'left', dx: 4, fontWeight: 600 },
        encoding: {
          x: { field: 'date', type: 'temporal' },
          y: { field: 'value', type: 'quantitative' },
          text: { field: 'name' },
          color,
        },
      },
    ],
  } as TopLevelSpec;
}
