// Breadth benchmark: the daily bullish-percent history of the real S&P 600 constituents file (every member's
// close-only P&F signal state, traditional scale, 3-box, counted per day), after loading it with loadMarket.
// Usage: import { benchBreadth } from './breadth.js'; await benchBreadth('/work/shared/data/real')
//    or: node bench/breadth.js /work/shared/data/real      (after `npm run build`)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMarket } from '../dist/data/load-market.js';
import { bullishPercentHistory } from '../dist/metrics/breadth.js';

const FILE = 'dsturdy-Factor_Attribution/sp600_constituents_close_2015_2026.csv';

/** Loads the universe through a temporary market.yaml with an absolute path (the data is never copied). */
function loadUniverse(realDir) {
  const dir = mkdtempSync(path.join(tmpdir(), 'market-note-bench-breadth-'));
  try {
    const yaml = path.join(dir, 'market.yaml');
    writeFileSync(yaml, `universes:\n  SP600: { file: ${path.join(realDir, FILE)}, layout: wide, name: "S&P 600" }\n`);
    return loadMarket(yaml).universes.SP600;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Times `bullishPercentHistory` on the real S&P 600 file.
 * @returns {{ members: number, days: number, ms: number, coldMs: number, loadMs: number, last: object }}
 *   `ms` is the median of 5 warm runs, `coldMs` the first run in the process.
 */
export async function benchBreadth(realDir) {
  const t0 = performance.now();
  const universe = loadUniverse(realDir);
  const loadMs = performance.now() - t0;

  const t1 = performance.now();
  const h = bullishPercentHistory(universe);
  const coldMs = performance.now() - t1;
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    bullishPercentHistory(universe);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  const n = h.dates.length;
  return {
    members: universe.members.length,
    days: n,
    ms: round(runs[2]),
    coldMs: round(coldMs),
    loadMs: round(loadMs),
    last: { date: h.dates[n - 1], bullishPercent: round(h.values[n - 1]), buys: h.buys[n - 1], withSignal: h.members[n - 1] },
  };
}

const round = (x) => Math.round(x * 10) / 10;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2] ?? path.resolve(fileURLToPath(new URL('../../shared/data/real', import.meta.url)));
  console.log(JSON.stringify(await benchBreadth(dir), null, 2));
}
