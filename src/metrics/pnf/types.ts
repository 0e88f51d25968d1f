/**
 * Public types of the Point & Figure engine (methodology §1–§3).
 * Levels are prices (or ratio × 100 on RS charts); indexes are integer positions on the scale's ladder.
 */
import type { IsoDate } from '../../data/types.js';

export type { IsoDate };

/**
 * Box scale (§1.2): the StockCharts traditional table (post-2022 default, or the pre-2022 table), a fixed box in
 * price units (`{ fixed: 0.5 }`), or a percentage box anchored at 1.0 (`{ percent: 3.25 }`, in percent).
 */
export type PnfScale = 'traditional' | 'traditional-pre2022' | { fixed: number } | { percent: number };

export interface PnfOptions {
  scale: PnfScale;
  /** Boxes needed to start a new column (§1.4). Default 3. */
  reversal?: number;
  /** `highlow` (§1.4, default when high and low are given) or `close` (high = low = close). */
  method?: 'highlow' | 'close';
  /**
   * DWA's remark "a stock must be on a buy signal to penetrate the bearish resistance line" as a hard guard
   * (§2.4, [A]): a BRL violation counts only while on a buy signal, a BSL break only while on a sell signal.
   * Default false.
   */
  requireSignalForTrendFlip?: boolean;
}

export interface PnfInput {
  dates: IsoDate[];
  close: ArrayLike<number>;
  high?: ArrayLike<number>;
  low?: ArrayLike<number>;
}

export interface PnfColumn {
  type: 'X' | 'O';
  /** Level of the bottom box. */
  low: number;
  /** Level of the top box. */
  high: number;
  lowIndex: number;
  highIndex: number;
  /** Day the column was drawn (its first boxes printed). */
  start: IsoDate;
  /** Day the column's last box printed (its extreme). */
  end: IsoDate;
  /** Date each box was first filled, bottom → top (an O column fills top → bottom, so dates run backwards). */
  boxDates: IsoDate[];
}

/** Breakout labels of §2.3; the most specific one that matches is reported. */
export type PnfPatternName =
  | 'double top'
  | 'triple top'
  | 'quadruple top'
  | 'spread triple top'
  | 'ascending triple top'
  | 'bullish catapult'
  | 'bullish triangle'
  | 'double bottom'
  | 'triple bottom'
  | 'quadruple bottom'
  | 'spread triple bottom'
  | 'descending triple bottom'
  | 'bearish catapult'
  | 'bearish triangle';

/** Events of §2.3 that are not themselves breakouts (they may also tag a signal). */
export type PnfEventName =
  | 'bull trap'
  | 'bear trap'
  | 'high pole'
  | 'low pole'
  | 'long tail down'
  | 'shakeout'
  | 'bullish signal reversed'
  | 'bearish signal reversed'
  /** A signalling column that went on, after its signal, to break an older spread-triple level (§2.3). */
  | 'spread triple top'
  | 'spread triple bottom';

export interface PnfSignal {
  type: 'buy' | 'sell';
  /** Day the first box beyond the previous same-type column printed. */
  date: IsoDate;
  /** Level of that breakout box (top(c−2)+1 for a buy, bot(c−2)−1 for a sell). */
  level: number;
  /** Level of the broken extreme, top(c−2) / bot(c−2). */
  resistanceLevel: number;
  /** Index of the signalling column in `columns`. */
  column: number;
  /** Most specific §2.3 label, classified on the signal's own day (a column that extends later keeps it). */
  pattern: PnfPatternName;
  /**
   * Breakout box and day of the labelled pattern. Labels are classified on the signal's day, so these are the
   * signal's `level` and `date`; kept as fields so a reader never pairs a label with another level.
   */
  patternLevel: number;
  patternDate: IsoDate;
  /** Independent labels: 'bull trap', 'bear trap', 'bullish signal reversed', 'bearish signal reversed', 'shakeout', poles, long tail. */
  tags: string[];
  /** §2.2: 1 for the first signal after an opposite one, 2 for the second in a row, … */
  consecutive: number;
}

export interface PnfEvent {
  name: PnfEventName;
  /** What the event means for price: a bull trap is bearish, a low pole bullish, … */
  bias: 'bullish' | 'bearish';
  /** Column at which the event is recognised. */
  column: number;
  /** Day it is recognised. */
  date: IsoDate;
  /** Level of the box that completed it. */
  level: number;
}

export interface PnfTrendLine {
  type: 'BSL' | 'BRL';
  /** Column the line starts from. */
  anchorColumn: number;
  /** Ladder index of the line's box at the anchor column (bot − 1 for a BSL, top + 1 for a BRL). */
  anchorIndex: number;
}

export interface PnfTrend {
  state: 'positive' | 'negative' | null;
  /** Day of the latest flip, or the day the first line was drawn when there was no flip. */
  since: IsoDate | null;
  line: PnfTrendLine | null;
  flips: { date: IsoDate; to: 'positive' | 'negative'; column: number }[];
}

export interface PnfCurrent {
  column: 'X' | 'O' | null;
  signal: 'buy' | 'sell' | null;
  consecutiveSignals: number;
  /** Pattern label of the latest signal. */
  lastPattern: string | null;
  /** Breakout box of the latest signal. */
  breakoutLevel: number | null;
  /** Current column is X and its top is the highest box of the chart (a tie counts). */
  atAllTimeHigh: boolean;
  lastSignalDate: IsoDate | null;
}

export interface PnfChart {
  options: Required<PnfOptions>;
  /** e.g. "traditional (1.00 box in 20–100)", "fixed 0.5", "3.25%". */
  boxLabel: string;
  /** The box label of the grid from ladder index `low` to `high` (a drawn stretch): every traditional band it crosses. */
  boxLabelOver(low: number, high: number): string;
  /** Exact decimal level of a ladder index (255 is 255, not 254.99999). */
  level(index: number): number;
  columns: PnfColumn[];
  signals: PnfSignal[];
  /** Non-breakout pattern events (traps, poles, long tail, shakeout, signal reversed), oldest first. */
  events: PnfEvent[];
  trend: PnfTrend;
  current: PnfCurrent;
  /** Per input day (aligned with input dates): +1 X / −1 O / 0 none; +1 buy / −1 sell / 0 none; +1 positive / −1 negative / 0 none. */
  daily: { column: Int8Array; signal: Int8Array; trend: Int8Array };
}

export interface RelativeStrengthOptions {
  /** Box size in percent (6.5 long-term, 3.25 near-term). */
  percent: number;
  reversal?: number;
  /** Ignore dates after this one. */
  asOf?: IsoDate;
}

export type RelativeStrengthChart = PnfChart & {
  /** Day the current column started (the last X↔O change), null without columns. */
  lastColumnChange: IsoDate | null;
  /** Dates both series have (≤ asOf); `daily` is aligned with them. */
  dates: IsoDate[];
};
