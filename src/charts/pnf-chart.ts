import type { TopLevelSpec } from 'vega-lite';
import type { PnfChartData } from '../facts/types.js';
import { labelOnWhite } from './encodings.js';
import { COLORS, FONT_SIZE, PNF, SCHEMA, vlConfig, WIDTH } from './theme.js';

/** Where the X/O chart sits: which columns are drawn, the square box size and the box range shown. */
export interface PnfLayout {
  /** Columns of the facts left out on the left (the chart shows the last ones). */
  offset: number;
  /** Columns drawn. */
  drawn: number;
  /** Column slots across the width (drawn + empty ones on the right, at least `PNF.minSlots`). */
  slots: number;
  /** Box side in px (boxes are square, so a trend line at 45° runs corner to corner). */
  box: number;
  /** Lowest and highest ladder index shown (one empty box of margin each side). */
  yLo: number;
  yHi: number;
  width: number;
  height: number;
}

/** An X drawn as two diagonals in the unit square of a Vega symbol. */
export const X_PATH = 'M-1,-1L1,1M-1,1L1,-1';

/**
 * Fit the chart: the last columns (at most `PNF.maxSlots − PNF.spare`), 40–60 column slots across the text
 * width, square boxes no larger than `PNF.maxBox` and a box area no taller than `PNF.maxHeight`.
 * @example pnfLayout({ columns: 30 columns spanning indexes 10–25, … }) //=> { drawn: 30, slots: 40, box: 12, yLo: 9, yHi: 26, … }
 */
export function pnfLayout(data: PnfChartData, width: number = WIDTH): PnfLayout {
  const n = data.columns.length;
  const drawn = Math.min(n, PNF.maxSlots - PNF.spare);
  const offset = n - drawn;
  const slots = Math.max(PNF.minSlots, Math.min(PNF.maxSlots, drawn + PNF.spare));
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of data.columns.slice(offset)) {
    lo = Math.min(lo, c.lowIndex);
    hi = Math.max(hi, c.highIndex);
  }
  if (lo === Infinity) [lo, hi] = [data.minIndex, data.minIndex + Math.max(0, data.levels.length - 1)];
  const yLo = lo - 1;
  const yHi = hi + 1;
  const rows = yHi - yLo + 1;
  const avail = width - PNF.axisSpace - 2 * vlConfig.padding;
  let box = Math.min(PNF.maxBox, avail / slots, PNF.maxHeight / rows);
  box = Math.max(PNF.minBox, Math.floor(box * 10) / 10);
  return { offset, drawn, slots, box, yLo, yHi, width: round1(slots * box), height: round1(rows * box) };
}

/** Ladder indexes to label on the price axis: every `step` boxes, the step chosen so labels sit ≥ 13 px apart. */
export function labelledIndexes(yLo: number, yHi: number, box: number): number[] {
  const want = Math.ceil(13 / box);
  const step = [1, 2, 3, 4, 5, 10, 20, 25, 50, 100].find((s) => s >= want) ?? want;
  const out: number[] = [];
  for (let k = Math.ceil(yLo / step) * step; k <= yHi; k += step) out.push(k);
  return out;
}

/**
 * Vega-Lite spec of a Point & Figure chart (methodology §1–§2): X and O glyphs in the up and down colours on a
 * faint square box grid, the price axis labelled with box levels on both sides, month digits (1–9, A–C) in
 * place of the glyph in the first box of each month, the last signal's breakout level as a short rule with its
 * value, and the active trend line at 45° through the box centres.
 * @example pnfChartSpec(facts.charts.pnf).layer.length //=> 9 (grid ×2, trend, glyphs, months, breakout ×3, axes ×3)
 */
export function pnfChartSpec(data: PnfChartData, width: number = WIDTH): TopLevelSpec {
  const L = pnfLayout(data, width);
  const level = (k: number): number | undefined => data.levels[k - data.minIndex];
  const drawn = data.columns.slice(L.offset);

  const glyphs: { x: number; y: number; type: 'X' | 'O' }[] = [];
  const months: { x: number; y: number; type: 'X' | 'O'; mark: string }[] = [];
  drawn.forEach((c, j) => {
    for (let k = c.lowIndex; k <= c.highIndex; k++) {
      const mark = c.monthMarks[k - c.lowIndex];
      if (mark) months.push({ x: j, y: k, type: c.type, mark });
      else glyphs.push({ x: j, y: k, type: c.type });
    }
  });

  const labelled = labelledIndexes(L.yLo, L.yHi, L.box).filter((k) => level(k) !== undefined);
  const decimals = Math.max(0, ...labelled.map((k) => decimalsOf(level(k) as number)));
  const fmt = (v: number): string => v.toFixed(Math.min(2, decimals));
  const axisRows = labelled.map((k) => ({ y: k, label: fmt(level(k) as number) }));

  const years: { x: number; label: string }[] = [];
  drawn.forEach((c, j) => {
    const y = c.start.slice(0, 4);
    if (j === 0 || y !== drawn[j - 1].start.slice(0, 4)) {
      if (years.length && j - years[years.length - 1].x < 4) years.pop();
      years.push({ x: j, label: y });
    }
  });

  const x = { field: 'x', type: 'quantitative' as const, scale: { domain: [-0.5, L.slots - 0.5], nice: false, zero: false }, axis: null };
  const y = { field: 'y', type: 'quantitative' as const, scale: { domain: [L.yLo - 0.5, L.yHi + 0.5], nice: false, zero: false }, axis: null };
  const typeColor = { field: 'type', type: 'nominal' as const, scale: { domain: ['X', 'O'], range: [COLORS.up, COLORS.down] }, legend: null };
  const glyphPx = L.box * PNF.glyph;

  const layers: object[] = [
    // 1. faint box grid
    {
      data: { values: range(0, L.slots + 1).map((i) => ({ x: i - 0.5 })) },
      mark: { type: 'rule', color: COLORS.boxGrid, strokeWidth: 0.6 },
      encoding: { x },
    },
    {
      data: { values: range(L.yLo, L.yHi + 2).map((k) => ({ y: k - 0.5 })) },
      mark: { type: 'rule', color: COLORS.boxGrid, strokeWidth: 0.6 },
      encoding: { y },
    },
  ];

  // 2. trend line at 45° through the box centres, clipped to the box area
  const trend = data.trendLine;
  if (trend && trend.points.length >= 2) {
    const pts = [...trend.points].sort((a, b) => a.column - b.column).map((p) => ({ x: p.column - L.offset, y: p.index }));
    layers.push({
      data: { values: pts },
      mark: { type: 'line', clip: true, strokeWidth: 1.2, color: trend.type === 'BSL' ? COLORS.up : COLORS.down, opacity: 0.75, strokeDash: [5, 3] },
      encoding: { x, y, order: { field: 'x', type: 'quantitative' } },
    });
  }

  // 3. X and O glyphs, then month digits in place of the glyph
  layers.push({
    data: { values: glyphs },
    mark: { type: 'point', filled: false, strokeWidth: PNF.glyphStroke, size: round1(glyphPx * glyphPx), opacity: 1 },
    encoding: { x, y, color: typeColor, shape: { field: 'type', type: 'nominal', scale: { domain: ['X', 'O'], range: [X_PATH, 'circle'] }, legend: null } },
  });
  if (months.length) {
    layers.push({
      data: { values: months },
      mark: { type: 'text', fontSize: round1(L.box * 1.02), fontWeight: 700, baseline: 'middle', align: 'center', dy: 0.5 },
      encoding: { x, y, text: { field: 'mark' }, color: typeColor },
    });
  }

  // 4. the last signal's breakout level: a short rule through the breakout box's row over the two columns before
  //    the signal column (both are empty on that row: the broken column ends one box short of it), with its value
  const sig = data.lastSignal;
  if (sig && sig.column >= L.offset) {
    const c = sig.column - L.offset;
    const color = sig.type === 'buy' ? COLORS.up : COLORS.down;
    const from = Math.max(-0.5, c - 2.5);
    const rule = [{ x: from, x2: c - 0.5, y: sig.index }];
    // the level as the text prints it (`level` helper: no padding zeros; 25.5 on a chart whose axis shows whole numbers)
    const signalLevel = String(Math.round(sig.level * 1e4) / 1e4);
    const label = [{ x: from, y: sig.index, label: `${sig.type === 'buy' ? 'Buy' : 'Sell'} signal ${signalLevel}` }];
    layers.push(
      { data: { values: rule }, mark: { type: 'rule', color, strokeWidth: 1.5 }, encoding: { x, x2: { field: 'x2' }, y } },
      ...labelOnWhite(label, { x, y }, { align: 'right', dx: -3, fontWeight: 600, color }),
    );
  }

  // 5. price axis on both sides and the year under the first column of each year
  const axisText = (side: 'left' | 'right') => ({
    data: { values: axisRows.map((r) => ({ ...r, x: side === 'left' ? -0.5 : L.slots - 0.5 })) },
    mark: { type: 'text', align: side === 'left' ? 'right' : 'left', dx: side === 'left' ? -4 : 4, baseline: 'middle', fontSize: FONT_SIZE.axis, color: COLORS.text },
    encoding: { x, y, text: { field: 'label' } },
  });
  layers.push(axisText('left'), axisText('right'), {
    data: { values: years.map((r) => ({ ...r, x: r.x - 0.5, y: L.yLo - 0.5 })) },
    mark: { type: 'text', align: 'left', baseline: 'top', dy: 4, fontSize: FONT_SIZE.axis, color: COLORS.muted },
    encoding: { x, y, text: { field: 'label' } },
  });

  return {
    $schema: SCHEMA,
    width: L.width,
    height: L.height,
    config: vlConfig,
    layer: layers,
  } as TopLevelSpec;
}

function decimalsOf(v: number): number {
  const s = String(Math.round(v * 1e6) / 1e6);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
