import { createHash } from 'node:crypto';

/**
 * Per-section SHA-256 of a facts object without the paths the P&F label, score-peer and disclosure rules changed
 * or added: pattern labels (`pnf.*.lastPattern`, `.lastSignalTags`), scores and the score gap (`score`,
 * `charts.score`), and the fields those rules added (price basis, stale marks, calendar, counts, caveats).
 * `root` (the real data folder) is written as `<real>` so the fingerprint does not depend on where it lives.
 */
export function factsFingerprint(facts: unknown, root: string): Record<string, string> {
  const f = JSON.parse(JSON.stringify(facts).split(root).join('<real>')) as Record<string, any>;
  delete f.score;
  delete f.charts?.score;
  for (const k of ['source', 'caveats', 'reference', 'requestedAsOf', 'rolledBack', 'stale']) delete f.data?.[k];
  for (const s of Object.values<any>(f.data?.series ?? {})) for (const k of ['adjusted', 'highLowFallback', 'priceBasis', 'stale']) delete s[k];
  for (const p of Object.values<any>(f.pnf ?? {})) for (const k of ['lastPattern', 'lastSignalTags', 'laterPattern', 'priceBasis', 'adjusted']) delete p[k];
  for (const b of Object.values<any>(f.breadth ?? {})) for (const k of ['membersWithData', 'membersListed', 'membersDiffer']) delete b[k];
  // fields other rules added beside the figures (wording judgements, thresholds, the calendar of the lead, change
  // levels, the demo flag, per-note sections): additions, not changes of the model note's figures
  for (const k of ['judgements', 'thresholds', 'symbol', 'missing']) delete f[k];
  for (const k of ['demo', 'limitedBy']) delete f.data?.[k];
  for (const s of Object.values<any>(f.data?.series ?? {})) if (s.priceField === null) delete s.priceField;
  // the sources added the series read beyond the roles (score peers, size groups): keep the roles' and the universe's
  const kept = new Set<string>([...Object.values<string>(f.roles ?? {}), f.universe?.key].filter(Boolean));
  for (const k of Object.keys(f.data?.series ?? {})) if (!kept.has(k)) delete f.data.series[k];
  // "what changed" is wording about the figures (its sentences and the new-high rule were rewritten), not figures
  delete f.changes;
  for (const k of ['ytdDays', 'h2Days', 'lastYear']) delete f.lead?.[k];
  delete f.seasonal?.h2StreakCompletedYears;
  for (const p of Object.values<any>(f.pnf ?? {})) delete p.levels;
  delete f.rates?.weekChangeBp; // the week's yield move, added for the rates section's wording
  for (const r of Object.values<any>(f.rs ?? {})) for (const side of [r.nearTerm, r.longTerm]) if (side) for (const k of ['reversalLevel', 'reversalDistance']) delete side[k];
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as any)[k])])) : v;
  return Object.fromEntries(
    Object.keys(f).sort().map((k) => [k, createHash('sha256').update(JSON.stringify(canonical(f[k]))).digest('hex').slice(0, 16)]),
  );
}
