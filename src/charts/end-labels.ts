import { type Domain, yPixel } from './scales.js';

/** One direct label at a line's end: where the line ends and the vertical nudge (px) that keeps labels apart. */
export interface EndLabel {
  date: string;
  value: number;
  text: string;
  /** Which line (colour role). */
  role: string;
  /** Vertical offset in px from the line end (negative = up). */
  dy: number;
  /** Where to put the label on the y scale: `value` moved by `dy` px (the domain is fixed, so px map to units). */
  at: number;
}

/**
 * Direct labels at the last point of each line, nudged apart so no two are closer than `gap` px on a plot
 * `height` px tall with the y `domain` (the order of the line ends is kept).
 * @example endLabels([{ role: 'a', text: 'A', date: '2025-01-02', value: 10 }, { role: 'b', text: 'B', date: '2025-01-02', value: 10 }], [0, 100], 100, 12).map((l) => l.dy) //=> [-6, 6]
 */
export function endLabels(
  ends: { role: string; text: string; date: string; value: number }[],
  domain: Domain,
  height: number,
  gap = 12,
): EndLabel[] {
  const placed = ends.map((e, i) => ({ ...e, i, px: yPixel(e.value, domain, height) })).sort((a, b) => a.px - b.px || a.i - b.i);
  const pos = placed.map((p) => p.px);
  // Push overlapping labels down, then move the whole set back up by the mean push so it stays centred on the ends.
  for (let k = 1; k < pos.length; k++) pos[k] = Math.max(pos[k], pos[k - 1] + gap);
  const shift = (pos.reduce((s, p, k) => s + p - placed[k].px, 0) / Math.max(1, pos.length)) || 0;
  for (let k = 0; k < pos.length; k++) pos[k] -= shift;
  for (let k = 1; k < pos.length; k++) pos[k] = Math.max(pos[k], pos[k - 1] + gap);
  return placed
    .map((p, k) => {
      const dy = Math.round((pos[k] - p.px) * 10) / 10;
      const at = p.value - (dy * (domain[1] - domain[0])) / height;
      return { date: p.date, value: p.value, text: p.text, role: p.role, dy, at: Math.round(at * 1e6) / 1e6, i: p.i };
    })
    .sort((a, b) => a.i - b.i)
    .map(({ i: _i, ...l }) => l);
}
