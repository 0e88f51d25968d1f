/**
 * The warnings a facts object carries, gathered for the user: the sections (score, ranking, …) keep theirs as
 * sentences in `warnings` arrays next to the figures they concern; this walks the facts for every such array and
 * gives each sentence the series it is about and what to do about it (errors/messages.ts). A warning means the
 * note was written, but not quite as note.yaml asked: `build --strict` refuses it.
 *
 *   facts ──factsWarnings──▶ [{ path: 'score.IWM', series: 'IWM', message, hint }] ──formatWarning──▶ one line each
 */
import type { DataWarning } from '../data/types.js';
import { MarketNoteError } from '../errors/market-note-error.js';
import * as msg from '../errors/messages.js';
import type { Facts } from './types.js';

/** One warning of the facts: where it sits, the series it is about (when one), what happened, what to do. */
export interface FactsWarning {
  /** Dotted facts path of the object holding the `warnings` array (`score.IWM`, `ranking`). */
  path: string;
  series?: string;
  message: string;
  hint: string;
}

const SERIES_PREFIX = /^([A-Za-z0-9^._-]+): /;

/**
 * Every warning in the facts, in facts order, each sentence once.
 * @example factsWarnings(facts)[0] //=> { path: 'score.IWM', series: 'IWM', message: 'note.yaml asks for the high/low method but IWM.csv has no High/Low columns; the close method is used', hint: 'Add High and Low columns to IWM.csv, or set method: close for IWM under pnf: in note.yaml.' }
 */
export function factsWarnings(facts: Facts): FactsWarning[] {
  const out: FactsWarning[] = [];
  const seen = new Set<string>();
  const walk = (node: unknown, path: string[]): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'warnings' && Array.isArray(value)) {
        for (const text of value) {
          if (typeof text !== 'string' || seen.has(text)) continue;
          seen.add(text);
          const m = SERIES_PREFIX.exec(text);
          const last = path[path.length - 1];
          const series = m?.[1] ?? (last && facts.data.series[last] ? last : undefined);
          const message = m ? text.slice(m[0].length) : text;
          out.push({ path: path.join('.'), series, message, hint: msg.factsWarningHint(path[0] ?? '', series, message) });
        }
      } else if (key !== 'charts') walk(value, [...path, key]);
    }
  };
  walk(facts, []);
  return out;
}

/**
 * One line for stderr: the series (or section), what happened and what to do.
 * @example formatWarning({ path: 'ranking', message: 'size group "Mid caps" is left out: IJH, MDY not in the market data', hint: 'Add …' }) //=> 'warning: ranking: size group "Mid caps" is left out: IJH, MDY not in the market data. Add …'
 */
export function formatWarning(w: FactsWarning | DataWarning): string {
  if ('path' in w) return msg.warningLine(w.series ? `${w.series} (${w.path})` : w.path, w.message, w.hint);
  return msg.warningLine(w.line === undefined ? w.file : `${w.file}:${w.line}`, w.message);
}

/**
 * `--strict`: throw when the facts carry any warning, before anything is written.
 * @example assertNoWarnings(facts) // throws MarketNoteError('WARNINGS') naming the first warning
 */
export function assertNoWarnings(facts: Facts, dataWarnings: readonly DataWarning[] = []): void {
  const all = [...dataWarnings.map(formatWarning), ...factsWarnings(facts).map(formatWarning)];
  if (all.length === 0) return;
  const p = msg.strictWarnings(all.length, facts.asOf);
  throw new MarketNoteError('WARNINGS', p.message, { hint: `${all.join('\n')}\n${p.hint}` });
}
