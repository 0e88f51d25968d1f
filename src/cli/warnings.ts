import type { DataWarning, Market } from '../data/types.js';
import { demoMarketNotice } from '../errors/messages.js';
import { formatWarning, type FactsWarning } from '../facts/warnings.js';
import type { CliIo } from './io.js';
import type { Facts } from '../facts/types.js';
import * as msg from '../errors/messages.js';

/**
 * Prints warnings on stderr, each distinct line once per run however many notes carry it (a batch of 50 Fridays
 * on data without High/Low columns says so once).
 * @example const warn = warningPrinter(io); warn.facts(built.warnings); warn.facts(built.warnings) // printed once
 */
export function warningPrinter(io: CliIo) {
  const seen = new Set<string>();
  const say = (line: string) => {
    if (seen.has(line)) return;
    seen.add(line);
    io.err(`market-note: ${line}`);
  };
  return {
    facts: (warnings: readonly FactsWarning[]) => warnings.forEach((w) => say(formatWarning(w))),
    data: (warnings: readonly DataWarning[] | undefined) => (warnings ?? []).forEach((w) => say(formatWarning(w))),
  };
}

/** Say on stderr that no `--data` was given and the synthetic demo market is used. */
export function noteDemoMarket(data: string | undefined, io: CliIo, market?: Market): void {
  if (data === undefined && (market === undefined || market.source === 'demo')) io.err(demoMarketNotice());
}

/** stderr: the trading day used when the date asked for was not one, and each stale series built anyway. */
export function reportAsOf(facts: Facts, io: CliIo): void {
  const d = facts.data;
  if (d.rolledBack) io.err(msg.asOfRolledBack(d.requestedAsOf, facts.asOf, d.reference));
  if (d.limitedBy) io.err(msg.asOfLimitedBy(facts.asOf, d.limitedBy.key, d.reference, d.limitedBy.referenceLast));
  for (const s of d.stale) io.err(msg.builtStale(s.key, s.lastDate, facts.asOf));
}
