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
 */
export { loadMarket } from './data/load-market.js';
export type { IsoDate, Market, Series, Universe } from './data/types.js';
export { buildFacts } from './facts/build-facts.js';
export type { Facts } from './facts/types.js';
export type { Figure } from './facts/provenance.js';
export { loadNote } from './note/load-note.js';
export { renderNote } from './render/render-note.js';
export { buildNote, composeNote } from './pipeline/build-note.js';
export { buildCharts } from './charts/build-charts.js';
export { MarketNoteError } from './errors/market-note-error.js';
export * from './metrics/pnf/index.js';
