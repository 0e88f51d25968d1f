import type { IsoDate } from '../data/types.js';
import type { Figure } from './provenance.js';
import type { PnfFacts, RsFacts } from './sections/pnf.js';
import type { CorrelationFacts, CorrelationSection, RatesFacts, SeasonalFacts } from './sections/market-stats.js';

import type { UniverseBreadth } from './sections/breadth.js';
import type { RankingFacts } from './sections/ranking.js';
import type { ScoreFacts } from './sections/score.js';
import type { Change } from './what-changed.js';
import type { PerformanceFacts } from './sections/performance.js';
import type { YieldWatchFacts } from './sections/yield-watch.js';
import type { Judgements, Thresholds } from './judgements/index.js';

export type { PerformanceFacts, YieldWatchFacts };
export type { PnfFacts, RsFacts, CorrelationFacts, RatesFacts, SeasonalFacts, UniverseBreadth, RankingFacts, ScoreFacts };

export type { Figure } from './provenance.js';

/** A series as the note names it. */
export interface SeriesInfo {
  key: string;
  name: string;
  file: string;
  firstDate: IsoDate;
  lastDate: IsoDate;
  /** Which price column the file gave (Close, Adj Close, value); null for a universe file. */
  priceField: string | null;
  /** Closes are dividend-adjusted (market.yaml `adjusted: true`, or an `Adj Close` column): levels sit below traded prices. */
  adjusted: boolean;
  /** note.yaml asks for the high/low P&F method but the file has closes only, so closes are used. */
  highLowFallback: boolean;
  /**
   * What the series' levels (P&F boxes, highs) rest on, as the note says it: `daily highs and lows`,
   * `closing prices`, `dividend-adjusted closing prices` (a yield: `closing yields`).
   */
  priceBasis: string;
  /** The series' data ends before the as-of date (built with --allow-stale); its figures are as of `lastDate`. */
  stale: boolean;
}

/**
 * Role name → series key, from the note's config (note.yaml `roles`): any names. The weekly outlook's are
 * largeCap, smallCap, yield, smallFund, largeFund, marketBenchmark and universe.
 */
export type Roles = Record<string, string>;

/** Year-to-date / half-year comparison of the small-cap and large-cap series, decided here so templates only choose words. */
export interface LeadFacts {
  small: { key: string; name: string; ytd: Figure; h1: Figure; h2: Figure; week: Figure };
  large: { key: string; name: string; ytd: Figure; h1: Figure; h2: Figure; week: Figure };
  /** 'small' | 'large' | 'tie' (equal returns as printed, the `comparison` judgement's rule) | null when a return is missing. */
  ytdLeader: 'small' | 'large' | 'tie' | null;
  /** small YTD − large YTD, percentage points. */
  ytdGap: Figure;
  /** True while the as-of date is in the second half of the year (H2 figures are "to date"). */
  inH2: boolean;
  h1Leader: 'small' | 'large' | 'tie' | null;
  h2Leader: 'small' | 'large' | 'tie' | null;
  /** small H2 − large H2, percentage points. */
  h2Gap: Figure;
  /** H2's leader differs from H1's: the second half reversed the first. */
  h2Reversed: boolean;
  /** Trading days of the large-cap index in the as-of year so far (a YTD this short is no headline). */
  ytdDays: number;
  /** Trading days of the large-cap index in the as-of year's second half so far (0 before July). */
  h2Days: number;
  /** The year before the as-of year: each index's full-year and second-half return. */
  lastYear: { year: number; small: { year: Figure; h2: Figure }; large: { year: Figure; h2: Figure } };
}

/** A dated value series for charts: parallel arrays, oldest first. */
export interface DatedValues {
  dates: IsoDate[];
  values: (number | null)[];
}

/** An X/O chart ready to draw: the last columns of a P&F chart on its box grid. */
export interface PnfChartData {
  key: string;
  name: string;
  boxLabel: string;
  /** Ladder index of levels[0]; levels[i] is the price of box index minIndex + i. */
  minIndex: number;
  levels: number[];
  columns: {
    type: 'X' | 'O';
    lowIndex: number;
    highIndex: number;
    start: IsoDate;
    end: IsoDate;
    /** Per box, bottom → top: the month digit (1–9, A–C) when the box is the first box printed in a new month, else null. */
    monthMarks: (string | null)[];
  }[];
  /** The latest signal: its breakout box, drawn as a short rule with its value. */
  lastSignal: { type: 'buy' | 'sell'; index: number; level: number; date: IsoDate; column: number } | null;
  /** The active trend line over the drawn columns (column positions are 0-based in `columns`). */
  trendLine: { type: 'BSL' | 'BRL'; points: { column: number; index: number }[] } | null;
  /** The chart's highest box is in a drawn column (else the text says it lies before them). */
  highestBoxDrawn: boolean;
}

export interface ChartData {
  /** YTD paths rebased to 100 at the prior year-end. */
  ytd?: { key: string; name: string; role: 'largeCap' | 'smallCap'; series: DatedValues }[];
  /** X/O chart of the small-cap fund. */
  pnf?: PnfChartData;
  /** Daily trend-and-RS score of the two funds over the last year. */
  score?: { small: { key: string; name: string }; large: { key: string; name: string }; dates: IsoDate[]; smallValues: (number | null)[]; largeValues: (number | null)[] };
  /** Daily bullish percent of the universe over the last two years, with its current status. */
  breadth?: { universe: string; name: string; series: DatedValues; status: string | null; lower: number; upper: number };
  /** The yield (percent) over the trailing window with its peak, and the small-cap index rebased to 100 at the peak. */
  rates?: { yieldKey: string; yieldName: string; yield: DatedValues; peak: { date: IsoDate; level: number } | null; small: { key: string; name: string; series: DatedValues } };
  /** Rolling correlation to the yield over the last three years, one line per series. */
  correlation?: { window: number; lines: { key: string; name: string; role: 'largeCap' | 'smallCap'; series: DatedValues }[] };
  /** Next-year small-cap return after each sample year, by H2 class, with the class means. */
  seasonal?: { rows: { year: number; nextYear: number; h2Diff: number; beat: boolean }[]; meanAfterBeat: number | null; meanAfterLag: number | null };
  /** Charts a note asks for by id in note.yaml `charts` (kinds `pnf`, `level`, `scoreHistory`), keyed by that id. */
  extra?: Record<string, ExtraChartData>;
}

/** Data of a chart a note asked for in note.yaml `charts`. */
export type ExtraChartData =
  | { kind: 'pnf'; data: PnfChartData }
  | { kind: 'level'; key: string; name: string; unit: 'percent-yield' | 'price'; series: DatedValues }
  /** `compared`: the series the score measures the fund's relative strength against (market benchmark, peers). */
  | { kind: 'scoreHistory'; key: string; name: string; compared: string[]; series: DatedValues };

/** The facts object of one note on one as-of date: every figure the note prints, with its provenance. */
export interface Facts {
  asOf: IsoDate;
  note: { name: string; title: string; standfirst: string; desk: string };
  data: {
    source: string;
    /** Built from the synthetic demo market (the note is marked "demo data"). */
    demo: boolean;
    series: Record<string, SeriesInfo>;
    caveats: string[];
    /** The note's calendar: the as-of date is a trading day of this series (the large-cap index). */
    reference: string;
    /** The date asked for; differs from `asOf` when it was not a trading day and rolled back. */
    requestedAsOf: IsoDate;
    rolledBack: boolean;
    /** Without --as-of: the series that ended first and so set the as-of date, when the reference runs later. */
    limitedBy?: { key: string; referenceLast: IsoDate };
    /** Required series whose data ends before the as-of date (only when built with --allow-stale). */
    stale: { key: string; name: string; lastDate: IsoDate }[];
  };
  roles: Roles;
  /** Keys of the composite sections the note reads (e.g. `rs` key of the small-cap fund vs the market benchmark). */
  keys?: { rsSmallVsMarket: string; rsLargeVsMarket: string; rsSmallVsLarge: string; scoreGap: string };
  returns?: { ytd: Record<string, Figure>; h1: Record<string, Figure>; h2: Record<string, Figure>; week: Record<string, Figure> };
  lead?: LeadFacts;
  /** Point & Figure state per series (contract `pnf.SYM.*`). */
  pnf?: Record<string, PnfFacts>;
  /** Relative-strength charts, keyed `A_vs_B` (contract `rs.*`). */
  rs?: Record<string, RsFacts>;
  rates?: RatesFacts;
  /** Rolling correlation to the yield per series, plus which is more negative / more sensitive. */
  correlation?: CorrelationSection;
  seasonal?: SeasonalFacts;
  /** The breadth universe the note reads (roles.universe). */
  universe?: { key: string; name: string; members: number };
  /** Bullish percent per universe (contract `breadth.U.*`). */
  breadth?: Record<string, UniverseBreadth>;
  /** market-note's own trend-and-RS score (0–6) per fund, and gaps (contract `score.*`). */
  score?: ScoreFacts;
  ranking?: RankingFacts;
  /** What changed since the comparison date (default a week earlier): new signals, status flips, score moves, new highs. */
  changes: { since: IsoDate | null; items: Change[] };
  /** Fund snapshot: returns over the week, month, 3 months, YTD and 12 months, and the distance from the high, per series. */
  performance?: Record<string, PerformanceFacts>;
  /** Rates wrap: the yield's level, its weekly change, its peak, and equities' correlation to it. */
  yieldWatch?: YieldWatchFacts;
  /** The symbol a per-symbol note was built for (`--symbols`, `--each`), else null. */
  symbol: string | null;
  /** Sections the note declares that could not be computed for this symbol or date, each with the reason. */
  missing: { section: string; reason: string }[];
  charts: ChartData;
  /** Every wording decision of the weekly outlook, computed from the figures above (docs/metrics.md "Judgements"); absent for notes without its lead section. */
  judgements?: Judgements;
  /** The thresholds the judgements used (defaults, or note.yaml `thresholds:`); prose that prints one prints this fact. */
  thresholds: Thresholds;
}

/** The facts of a note with every weekly-outlook section (what the weekly judgements read). */
export type WeeklyFacts = Facts & Required<Pick<Facts, 'keys' | 'returns' | 'lead' | 'pnf' | 'rs' | 'correlation' | 'universe' | 'breadth' | 'score'>>;
