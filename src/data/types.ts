/** ISO calendar date, `YYYY-MM-DD`. Used everywhere outside `data/`. */
export type IsoDate = string;

/**
 * One daily series as parallel arrays, oldest first. `close` is always present; `open`, `high`, `low`,
 * `volume` only when the source file has them. Missing values inside a column are `NaN`.
 */
export interface Series {
  key: string;
  name: string;
  /** `price` (default) or `yield` (values are yields in percent, e.g. 4.21). */
  kind: 'price' | 'yield';
  file: string;
  /**
   * The CSV column `close` was read from: `Close`, `Adj Close` (only when there is no `Close`), or the value column of
   * a FRED-style file (e.g. `DGS10`). Optional so hand-built series in tests need not set it.
   */
  priceField?: string;
  /** Closes are dividend-adjusted: market.yaml `adjusted: true`, or read from an `Adj Close` column. */
  adjusted?: boolean;
  /** The index the fund tracks, as market.yaml declares it (`index: S&P 500`); funds with one index are clones. */
  index?: string;
  dates: IsoDate[];
  close: Float64Array;
  open?: Float64Array;
  high?: Float64Array;
  low?: Float64Array;
  volume?: Float64Array;
  /** Things the reader fixed up while loading (e.g. Yahoo's `0` opens read as missing); absent when none. */
  warnings?: DataWarning[];
}

/** A recoverable problem found while loading: the data was used, but the user may want to know. */
export interface DataWarning {
  file: string;
  line?: number;
  message: string;
}

/**
 * A universe of members in one wide file: `dates` shared, one close column per member
 * (`NaN` = no data that day, e.g. before listing).
 */
export interface Universe {
  key: string;
  name: string;
  file: string;
  dates: IsoDate[];
  members: string[];
  /** closes[m][d] for member m on dates[d]. */
  closes: Float64Array[];
  /** The members' closes are dividend-adjusted (market.yaml `adjusted: true`). */
  adjusted?: boolean;
  /** Things worth knowing about the data (e.g. members that jump more than 3× in a day); absent when none. */
  warnings?: DataWarning[];
}

export interface Market {
  /** Where the market was loaded from (a market.yaml path, a folder, or `demo`). */
  source: string;
  series: Record<string, Series>;
  universes: Record<string, Universe>;
  /** Every series' warnings, in load order; absent when none. */
  warnings?: DataWarning[];
}
