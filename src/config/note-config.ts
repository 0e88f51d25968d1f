/**
 * The configuration a note gives the facts: which series play which role, which fact sections to compute and
 * their settings. Plain types with no imports from above, so facts/ can read them without knowing about note
 * folders, templates or pages (those live in note/, which validates note.yaml into this shape).
 */

/** A P&F box scale: a named table, a fixed box, or a percentage grid. */
export type PnfScaleSetting = 'traditional' | 'traditional-pre2022' | { fixed: number } | { percent: number };

export interface PnfSetting {
  scale: PnfScaleSetting;
  method?: 'highlow' | 'close';
  reversal?: number;
}

export interface NoteSettings {
  /** Trading days over which the yield's peak is looked for. */
  ratePeakWindow: number;
  /** Trading days of the rolling correlation to the yield. */
  correlationWindow: number;
  /** Trading days over which the score's direction is measured. */
  scoreDirectionWindow: number;
}

/**
 * A fact section and its parameters. `roles` are role names (keys of `NoteConfig.roles`); a section declared
 * without them reads the weekly outlook's roles (see SECTION_NAMES in facts/sections.ts).
 */
export interface SectionRequest {
  name: SectionName;
  /** Roles the section is computed for; for `rs`, pairs written `fund/benchmark`. */
  roles?: string[];
}

/** Every fact section a note may declare. */
export const SECTION_NAMES = [
  'lead',
  'pnf',
  'rs',
  'rates',
  'correlation',
  'seasonal',
  'breadth',
  'score',
  'ranking',
  'performance',
  'yieldWatch',
  'changes',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** Every chart kind a note may ask for (one spec builder each, in charts/). */
export const CHART_KINDS = ['ytd', 'pnf', 'score', 'breadth', 'rates', 'correlation', 'seasonal', 'level', 'scoreHistory'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** One chart of a note: its id in `figures`, its kind and parameters. */
export interface ChartRequest {
  id: string;
  kind: ChartKind;
  /** Role names the chart draws (kind-dependent; the weekly kinds read their own roles). */
  series?: string[];
  /** Trading days shown (line charts) or columns shown (P&F). */
  window?: number;
}

export interface NoteConfig {
  /** Printed by the note and kept in `facts.note`. */
  title: string;
  /** Titles per season (`thisYear` before October, `nextYear` from then on), over `title`. */
  titles?: { thisYear?: string; nextYear?: string };
  standfirst?: string;
  desk: string;
  /** Role name → series key. Any names; a section says which roles it reads. */
  roles: Record<string, string>;
  /** Roles that may be missing from the market: the sections reading them are left out, with the reason. */
  optionalRoles: string[];
  /** The role `--symbols` / `--each` replace, one note per symbol (the fund snapshot's `fund`). */
  each?: string;
  sections: SectionRequest[];
  charts: ChartRequest[];
  pnf: Record<string, PnfSetting>;
  /** Fund → its peer fund or funds (equal-weighted), for the peer RS of the score. */
  peers: Record<string, string | string[]>;
  sizeGroups: Record<string, string[]>;
  settings: NoteSettings;
  /** Overrides of the judgement thresholds (facts/judgements/thresholds.ts), checked by the note layer. */
  thresholds?: Record<string, number | undefined>;
}
