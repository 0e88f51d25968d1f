/**
 * The thresholds behind every judgement, in one place (docs/metrics.md "Judgements" documents each). A note may
 * override any of them in note.yaml under `thresholds:`; the values in force are copied into the facts
 * (`thresholds`), so a threshold the prose prints ("below 30%") is a fact like any other figure.
 */
export interface Thresholds {
  /** Decimals the note prints returns with; leaders and gaps are decided on the printed figures. */
  returnDecimals: number;
  /** A lead below this many percentage points is slight; from `wideFrom` on it is wide; in between, clear. */
  slightBelow: number;
  wideFrom: number;
  /** Days within which an event is recent (the only meaning of "lately"); "new" means after the previous note. */
  recentDays: number;
  /** Days between two notes: the previous note is the last trading day on or before the Friday of the week this many days before the as-of date (`previousNoteDate`). */
  noteIntervalDays: number;
  /** Bullish-percent field: oversold below, overbought above, the bull/bear midline. */
  oversold: number;
  midline: number;
  overbought: number;
  /** Decimals the bullish percent is printed with. */
  breadthDecimals: number;
  /** The trend-and-RS score from which a trend counts as investable, and the decimals scores print with. */
  investableScore: number;
  scoreDecimals: number;
  /** A "smallest gap since" worth a sentence reaches back at least this many days. */
  notableSinceDays: number;
  /** Correlation printed with this many decimals; |r| below `weakCorrelation` is no meaningful tie to yields;
   * two correlations closer than `correlationDifference` are similar. */
  correlationDecimals: number;
  weakCorrelation: number;
  correlationDifference: number;
  /** Decimals the yield is printed with (percent); a move from its peak is the difference of the printed yields. */
  yieldDecimals: number;
  /** A yield move from its peak printed in whole basis points; at least `fallingBp` below the peak is "falling". */
  fallingBp: number;
  /** A yield that rose at least this many bp in the week (printed, whole bp) is said to have (`weekRise`): one box of the note's TNX chart (0.5 on TNX, 10 × the yield: 5 bp). */
  weekRiseBp: number;
  /** Seasonal lean: the difference of the class means must exceed this many standard errors. */
  seasonalNoiseMultiple: number;
  /** A year-to-date return over fewer trading days than this is no headline: the lead reads the year just completed. */
  minYtdDays: number;
  /** From this month (1–12) on, the note asks about next year rather than this year. */
  nextYearFromMonth: number;
  /** The verdict: net evidence weight (for − against) from which small caps lead, or (negated)
   * large caps lead; in between, small caps are a contender. */
  verdictLeadFrom: number;
  /** A return lead (YTD, H2) narrower than this many percentage points is no evidence either way. */
  evidenceMinGap: number;
  /** A score gap narrower than this many points is no evidence either way. */
  evidenceMinScoreGap: number;
  /**
   * A large-cap score lead narrower than six months ago is "narrowing" only if it has not widened again by this many
   * points from its low of the last two months (`score.gap.*.lowLately`): two steps of the score (it moves in 0.2s).
   */
  scoreReopenPoints: number;
  /**
   * A large-cap score lead is "narrowing" only when it is this much smaller than six months ago (printed): half a
   * point, What changed's score move. Less is "little changed" and still counts against small caps (2025-08-15: a gap
   * at 3.2 every day for six weeks turned "narrowing" when the day six months back moved from 3.2 to 3.6, and the
   * verdict changed with it).
   */
  scoreNarrowPoints: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  returnDecimals: 1,
  slightBelow: 2,
  wideFrom: 5,
  recentDays: 92,
  noteIntervalDays: 7,
  oversold: 30,
  midline: 50,
  overbought: 70,
  breadthDecimals: 1,
  investableScore: 3,
  scoreDecimals: 1,
  notableSinceDays: 90,
  correlationDecimals: 2,
  weakCorrelation: 0.2,
  correlationDifference: 0.1,
  yieldDecimals: 2,
  fallingBp: 25,
  weekRiseBp: 5,
  seasonalNoiseMultiple: 1,
  minYtdDays: 20,
  nextYearFromMonth: 10,
  verdictLeadFrom: 4,
  evidenceMinGap: 0.5,
  evidenceMinScoreGap: 1,
  scoreReopenPoints: 0.4,
  scoreNarrowPoints: 0.5,
};

/** The thresholds in force: the defaults with a note's overrides on top. */
export function thresholdsWith(overrides: Partial<Thresholds> | undefined): Thresholds {
  return { ...DEFAULT_THRESHOLDS, ...(overrides ?? {}) };
}
