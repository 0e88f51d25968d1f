import type { Facts } from '../facts/types.js';
import { toSvg } from './to-svg.js';
import { ytdLinesSpec } from './ytd-lines.js';

/** A rendered chart: static SVG plus the words around it. */
export interface RenderedChart {
  id: string;
  svg: string;
  /** Plain-text description for alt text and the e-mail edition. */
  alt: string;
  /** "Source: …; data through …" */
  source: string;
}

export type Figures = Record<string, RenderedChart>;

function sourceLine(facts: Facts, keys: string[]): string {
  const parts = keys.map((k) => facts.data.series[k]).filter(Boolean);
  const last = parts.map((p) => p.lastDate).sort()[0] ?? facts.asOf;
  const through = last < facts.asOf ? last : facts.asOf;
  return `Source: ${parts.map((p) => p.name).join(', ')} daily closes; data through ${through}.`;
}

/** Every chart of the note, from the facts alone, rendered to SVG in Node. */
export async function buildCharts(facts: Facts): Promise<Figures> {
  const ytdLines = facts.charts.ytd.map((l) => ({
    key: l.key,
    name: l.name,
    role: l.role,
    points: l.series.dates.map((d, i) => ({ date: d, value: l.series.values[i] as number })).filter((p) => p.value !== null),
  }));
  const ytd: RenderedChart = {
    id: 'ytd',
    svg: await toSvg(ytdLinesSpec(ytdLines)),
    alt: `Year-to-date paths rebased to 100: ${facts.lead.small.name} ${fmt(facts.lead.small.ytd.value)}, ${facts.lead.large.name} ${fmt(facts.lead.large.ytd.value)}.`,
    source: sourceLine(facts, [facts.roles.largeCap, facts.roles.smallCap]),
  };
  return { ytd };
}

function fmt(v: number | null): string {
  if (v === null) return 'n/a';
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}%`;
}
