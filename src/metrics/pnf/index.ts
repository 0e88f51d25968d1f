/**
 * Point & Figure engine (methodology §1–§3): price charts, relative-strength charts and the breadth fast path.
 * See README.md in this folder and docs/pnf.md.
 */
export { pointAndFigure } from './point-and-figure.js';
export { signalStates } from './signal-states.js';
export { relativeStrength } from './relative-strength.js';
export { boxScale, decimalsOf, PnfBoxLimitError, MAX_COLUMN_BOXES, type BoxScale } from './boxes.js';
export { MAX_CHART_BOXES } from './columns.js';
export type {
  PnfScale,
  PnfOptions,
  PnfInput,
  PnfColumn,
  PnfSignal,
  PnfEvent,
  PnfEventName,
  PnfPatternName,
  PnfTrend,
  PnfTrendLine,
  PnfCurrent,
  PnfChart,
  RelativeStrengthOptions,
  RelativeStrengthChart,
} from './types.js';
