import type { IsoDate } from '../data/types.js';
import type { Figure } from './provenance.js';

export type { Figure } from './provenance.js';

/** A series as the note names it. */
export interface SeriesInfo {
  key: string;
  name: string;
  file: string;
  firstDate: IsoDate;
  lastDate: IsoDate;
  /** Which price column the file gave (Close, Adj Close, value). */
  priceField?: string;
}

/** Role name → series key, from the note's config (note.yaml `roles`). */
export interface Roles {
  largeCap: string;
  smallCap: string;
  yield: string;
  smallFund: string;
  largeFund: string;
  marketBenchmark: string;
  universe?: string;
}

/** Year-to-date / half-year comparison of the small-cap and large-cap series, decided here so templates only choose words. */
export interface LeadFacts {
  small: { key: string; name: string; ytd: Figure; h1: Figure; h2: Figure };
  large: { key: string; name: string; ytd: Figure; h1: Figure; h2: Figure };
  /** 'small' | 'large' | 'tie' (|gap| < 0.05 pp) | null when a return is missing. */
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
}

/** A dated value series for charts: parallel arrays, oldest first. */
export interface DatedValues {
  dates: IsoDate[];
  values: (number | null)[];
}

export interface ChartData {
  /** YTD paths rebased to 100 at the prior year-end. */
  ytd: { key: string; name: string; role: 'largeCap' | 'smallCap'; series: DatedValues }[];
}

/** The facts object of one note on one as-of date: every figure the note prints, with its provenance. */
export interface Facts {
  asOf: IsoDate;
  note: { name: string; title: string; standfirst: string; desk: string };
  data: { source: string; series: Record<string, SeriesInfo>; caveats: string[] };
  roles: Roles;
  returns: { ytd: Record<string, Figure>; h1: Record<string, Figure>; h2: Record<string, Figure> };
  lead: LeadFacts;
  charts: ChartData;
}
