/**
 * market-note as a library. The pipeline, one way:
 *
 *   data/ (CSV, YAML) → loadMarket → metrics (pure functions) → buildFacts (one typed object with provenance)
 *     → narrative (Handlebars, strict) + charts (Vega-Lite → SVG) → renderNote (HTML) → PDF / e-mail
 *
 * @example
 *   const market = loadMarket('data/market.yaml');
 *   const note = loadNote('weekly-outlook');
 *   const facts = buildFacts(market, note.config, { asOf: '2025-12-12' });
 *   // PDF and HTML on disk; Chromium is launched (and closed) by buildNote when no `browser` is passed
 *   const { files, warnings } = await buildNote({ note, market, asOf: '2025-12-12', formats: ['pdf', 'html'], outDir: 'out' });
 */
export { loadMarket } from './data/load-market.js';
export type { IsoDate, Market, Series, Universe } from './data/types.js';
export { buildFacts } from './facts/build-facts.js';
export type { Facts } from './facts/types.js';
export type { Figure } from './facts/provenance.js';
export { loadNote } from './note/load-note.js';
export { renderNote } from './render/render-note.js';
export { buildNote, composeNote } from './pipeline/build-note.js';
export type { BuildNoteOptions, BuiltNote, OutputFormat } from './pipeline/build-note.js';
export { buildBatch } from './pipeline/batch.js';
export type { BuildBatchOptions, BatchResult, BatchOutcome, BatchNote, BatchFailure } from './pipeline/batch.js';
export { BrowserSession } from './render/browser.js';
export type { Paper } from './render/pdf.js';
export type { EmailFlags } from './email/email.js';
export type { NoteSource, NoteConfig } from './note/load-note.js';
export { lintNote, formatLintIssue } from './narrative/lint.js';
export type { LintIssue } from './narrative/lint.js';
export { whatChanged } from './facts/what-changed.js';
export type { Change, WhatChangedThresholds } from './facts/what-changed.js';
export { factsWarnings, formatWarning } from './facts/warnings.js';
export type { FactsWarning } from './facts/warnings.js';
export { buildCharts } from './charts/build-charts.js';
export { MarketNoteError } from './errors/market-note-error.js';
export * from './metrics/pnf/index.js';
