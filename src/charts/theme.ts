/**
 * The one place for chart looks: font, sizes and the colour-blind-safe palette (Okabe–Ito based) whose
 * meanings are fixed across every chart of every note. Spec builders take every colour, size and font from here.
 */
export const FONT = 'Source Sans 3';

export const COLORS = {
  largeCap: '#0072B2', // blue
  smallCap: '#D55E00', // vermilion
  rates: '#009E73', // bluish green
  up: '#1F4E79', // dark blue: X, buy
  down: '#E69F00', // orange, lighter: O, sell
  reference: '#8C8C8C',
  zone: '#EDEDED',
  grid: '#E4E4E4',
  /** The P&F box grid: fainter than the chart grid. */
  boxGrid: '#EEEEEE',
  text: '#1A1A1A',
  muted: '#555555',
} as const;

/**
 * Full SVG width in CSS px (axes and labels included): the text width of the note, 178 mm at 96 px/in. It fits
 * A4 and US Letter (Letter's text block is wider); the figure CSS scales it down, never up.
 */
export const WIDTH = 672;
/** Plot height of a single-panel chart. */
export const HEIGHT = 170;
/** Plot height of each panel of a two-panel chart. */
export const PANEL_HEIGHT = 96;

/** Font sizes (px) of chart text. */
export const FONT_SIZE = { axis: 10.5, label: 10.5, note: 10 } as const;

/** Line width (px) of data lines: 1.5–2 px, no markers. */
export const LINE_WIDTH = 1.75;

/** Zone shading opacity of the gap between two lines (score chart). */
export const GAP_OPACITY = 0.18;

/** P&F chart sizing: columns fitted across the width between these bounds; boxes stay square. */
export const PNF = {
  /** Column slots across the width: at least this many (few columns get large boxes, up to maxBox) … */
  minSlots: 40,
  /** … and at most this many (older columns are left out on the left). */
  maxSlots: 60,
  /** Empty column slots kept on the right of the last column. */
  spare: 3,
  /** Square box size in px: largest and smallest. */
  maxBox: 12,
  minBox: 7,
  /** The tallest the box area may get (px) before boxes shrink to fit. */
  maxHeight: 380,
  /** Glyph size as a share of the box. */
  glyph: 0.72,
  /** Stroke width of X and O glyphs (px). */
  glyphStroke: 1.35,
  /** Space reserved for the two price axes (px). */
  axisSpace: 2 * 44,
} as const;

/** Vega-Lite config shared by all charts. */
export const vlConfig = {
  font: FONT,
  // The figure carries the alt text (role="img" + aria-label); the SVG's marks and axes stay out of the a11y tree.
  aria: false,
  background: 'white',
  padding: 4,
  view: { stroke: null },
  axis: {
    labelFont: FONT,
    titleFont: FONT,
    labelFontSize: FONT_SIZE.axis,
    titleFontSize: FONT_SIZE.axis,
    titleFontWeight: 'normal',
    labelColor: COLORS.text,
    titleColor: COLORS.muted,
    gridColor: COLORS.grid,
    gridWidth: 0.75,
    domainColor: COLORS.reference,
    tickColor: COLORS.reference,
    tickSize: 4,
    labelPadding: 3,
  },
  axisX: { domain: true, grid: false },
  axisY: { domain: false, ticks: false, grid: true, labelPadding: 5 },
  legend: {
    labelFont: FONT,
    titleFont: FONT,
    labelFontSize: FONT_SIZE.label,
    titleFontSize: FONT_SIZE.label,
    labelColor: COLORS.text,
    orient: 'top-left',
    direction: 'horizontal',
    symbolType: 'square',
    labelLimit: 0,
    symbolSize: 90,
    columnPadding: 14,
    padding: 0,
    offset: 6,
  },
  text: { font: FONT, fontSize: FONT_SIZE.label, color: COLORS.text },
  line: { strokeWidth: LINE_WIDTH, interpolate: 'linear' },
  rule: { color: COLORS.reference, strokeWidth: 1 },
  bar: { binSpacing: 1 },
  concat: { spacing: 10 },
} as const;

/** The x encoding's scale for ISO dates: read and shown as UTC, so the machine's time zone cannot shift a day. */
export const UTC_TIME = { type: 'utc' } as const;

/** A dashed reference rule (zero line, 50 % line, 100 rebased). */
export const REFERENCE_RULE = { type: 'rule', color: COLORS.reference, strokeDash: [3, 3], strokeWidth: 1 } as const;

/** The `$schema` every spec carries. */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
