/**
 * The one place for chart looks: font, sizes and the colour-blind-safe palette (Okabe–Ito based) whose
 * meanings are fixed across every chart of every note.
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
  text: '#1A1A1A',
} as const;

/** Chart width in CSS px: the text width of an A4 page with the note's margins. */
export const WIDTH = 620;
export const HEIGHT = 220;

/** Vega-Lite config shared by all charts. */
export const vlConfig = {
  font: FONT,
  background: 'white',
  padding: 4,
  view: { stroke: null },
  axis: {
    labelFont: FONT,
    titleFont: FONT,
    labelFontSize: 10,
    titleFontSize: 10,
    titleFontWeight: 'normal',
    labelColor: COLORS.text,
    titleColor: COLORS.text,
    gridColor: COLORS.grid,
    domainColor: COLORS.reference,
    tickColor: COLORS.reference,
  },
  legend: { labelFont: FONT, titleFont: FONT, labelFontSize: 10, titleFontSize: 10, orient: 'top' },
  text: { font: FONT, fontSize: 10 },
  line: { strokeWidth: 1.75 },
} as const;
