/**
 * market-note as a library. The pipeline, one way (each folder imports only from the ones before it):
 *
 *   data/ (CSV, YAML) → loadMarket → metrics (pure functions) → buildFacts (one typed object with provenance,
 *     only the sections the note declares) → note/ (note.yaml: roles, sections, charts, page) → narrative
 *     (Handlebars, strict) + charts (Vega-Lite → SVG) → render/ (HTML, PDF) and email/ (.eml, SMTP)
 *     → pipeline/ buildNotes ← cli/, preview/
 *
 * docs/api.md has runnable examples of each entry point.
 * @example
 *   const market = loadMarket('data/market.yaml');
 *   const note = loadNote('weekly-outlook');
 *   const { built } = await buildNotes(note, market, [{ asOf: '2025-12-12' }], { outDir: 'out' });
 */
export { loadMarket } from './data/load-market.js';
export { withMemberSeries } from './data/member-series.js';
export type { IsoDate, Market, Series, Universe } from './data/types.js';
export { buildFacts, requiredSeries, type BuildFactsOptions } from './facts/build-facts.js';
export type { Facts, PerformanceFacts, YieldWatchFacts } from './facts/types.js';
export type { Figure } from './facts/provenance.js';
export type { NoteConfig, ChartRequest, SectionRequest, SectionName, ChartKind } from './config/note-config.js';
export { loadNote, type NoteSource, type NoteFileConfig, type PageSetup } from './note/load-note.js';
export { renderNote } from './render/render-note.js';
export { BrowserSession } from './render/browser.js';
export {
  buildNotes,
  buildBatch,
  outputBase,
  type BuildNotesOptions,
  type NoteRun,
  type BatchResult,
  type BatchOutcome,
  type BatchNote,
  type BatchFailure,
  type ComposedNote,
  type OutputFormat,
} from './pipeline/build-notes.js';
export { buildNote, composeNote, type BuildNoteOptions, type BuiltNote } from './pipeline/build-note.js';
export { readEml, sendEml, smtpConfig, type SmtpConfig } from './email/smtp.js';
export type { EmailFlags } from './email/email.js';
export type { Paper } from './render/pdf.js';
export { lintNote, formatLintIssue } from './narrative/lint.js';
export type { LintIssue } from './narrative/lint.js';
export { whatChanged } from './facts/what-changed.js';
export type { Change, WhatChangedThresholds } from './facts/what-changed.js';
export { factsWarnings, formatWarning } from './facts/warnings.js';
export type { FactsWarning } from './facts/warnings.js';
export { buildCharts } from './charts/build-charts.js';
export { MarketNoteError } from './errors/market-note-error.js';
export * from './metrics/pnf/index.js';
