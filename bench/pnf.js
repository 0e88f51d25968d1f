// P&F universe benchmark for every S&P 600 member (traditional scale, 3-box, close): the signal states alone (the
// breadth path) and the full charts (columns, signals, patterns, trend: pointAndFigure), each compared with a
// straightforward numpy + Python loop on the same file (bench/pnf_numpy.py) when numpy is available.
// Usage: import { benchPnf } from './pnf.js'; await benchPnf('/work/shared/data/real')
//    or: node bench/pnf.js /work/shared/data/real      (after `npm run build`)
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { pointAndFigure, signalStates } from '../dist/metrics/pnf/index.js';

const FILE = 'dsturdy-Factor_Attribution/sp600_constituents_close_2015_2026.csv';
const DROP_DATE = '2026-08-03'; // intraday row of the dsturdy download

/** Wide CSV (date + one column per member) → { dates, members, closes: Float64Array per member }. */
export function loadWide(file) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const members = lines[0].trim().split(',').slice(1);
  const m = members.length;
  const rows = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.length < 10 || line.startsWith(DROP_DATE)) continue;
    rows.push(line);
  }
  const days = rows.length;
  const closes = members.map(() => new Float64Array(days));
  const dates = new Array(days);
  for (let d = 0; d < days; d++) {
    const line = rows[d];
    let start = line.indexOf(',');
    dates[d] = line.slice(0, start);
    for (let j = 0; j < m; j++) {
      let end = line.indexOf(',', start + 1);
      if (end < 0) end = line.length;
      closes[j][d] = end - start > 1 ? +line.slice(start + 1, end) : NaN; // empty cell = no price yet
      start = end;
    }
  }
  return { dates, members, closes };
}

function runAll(closes) {
  let checksum = 0; // Σ states over all name-days (compared with the numpy script)
  let buys = 0;
  let sells = 0;
  for (const c of closes) {
    const s = signalStates(c, { scale: 'traditional', reversal: 3 });
    for (let i = 0; i < s.length; i++) checksum += s[i];
    const last = s[s.length - 1];
    if (last === 1) buys++;
    else if (last === -1) sells++;
  }
  return { checksum, buys, sells };
}

/** Full charts of every member; the dates are shared (one array), as the loader gives them. */
function runCharts(dates, closes) {
  let columns = 0;
  let buys = 0;
  for (const c of closes) {
    const chart = pointAndFigure({ dates, close: c }, { scale: 'traditional', reversal: 3, method: 'close' });
    columns += chart.columns.length;
    if (chart.current.signal === 'buy') buys++;
  }
  return { columns, buys };
}

/** Median of 7 warm runs of f, one after another. No full collection between them: after one, V8 gives back pages
 * that the next run touches again, and on a virtual machine each first touch costs ~15 µs (full charts measured 66–94 ms
 * with a collection before each run, 62–66 ms without, four alternating runs each). */
const warmMedian = (f) => {
  const runs = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    f();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[3];
};

function numpyAvailable() {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function benchPnf(realDir) {
  const file = path.join(realDir, FILE);
  const t0 = performance.now();
  const { dates, members, closes } = loadWide(file);
  const loadMs = performance.now() - t0;
  // the project's own wide-CSV path, as loadMarket and the universe worker read the file (a chunk at a time; checks
  // every cell: dates, order, numbers, width)
  const { readUniverseFile } = await import('../dist/data/read-csv.js');
  const t3 = performance.now();
  readUniverseFile(file, 'SP600');
  const loaderMs = performance.now() - t3;

  const t1 = performance.now();
  const result = runAll(closes);
  const pnfColdMs = performance.now() - t1;
  const pnfMs = warmMedian(() => runAll(closes));

  const t2 = performance.now();
  const charts = runCharts(dates, closes);
  const chartsColdMs = performance.now() - t2;
  const chartsMs = warmMedian(() => runCharts(dates, closes));

  const days = dates.length;
  const nameDays = closes.reduce((s, c) => s + c.reduce((k, v) => k + (Number.isNaN(v) ? 0 : 1), 0), 0);
  let numpyMs = null;
  let numpyAgrees = null;
  if (numpyAvailable()) {
    const script = fileURLToPath(new URL('./pnf_numpy.py', import.meta.url));
    const out = JSON.parse(execFileSync('python3', [script, file, DROP_DATE], { encoding: 'utf8', maxBuffer: 1 << 20 }));
    numpyMs = out.ms;
    numpyAgrees = out.checksum === result.checksum && out.buys === result.buys && out.sells === result.sells;
  }
  return {
    members: members.length,
    days,
    nameDays,
    loadMs: round(loadMs),
    loaderMs: round(loaderMs),
    pnfMs: round(pnfMs),
    pnfColdMs: round(pnfColdMs),
    chartsMs: round(chartsMs),
    chartsColdMs: round(chartsColdMs),
    chartsAgree: charts.buys === result.buys,
    nameDaysPerSec: Math.round(nameDays / (pnfMs / 1000)),
    numpyMs: numpyMs === null ? null : round(numpyMs),
    numpyAgrees,
    lastDay: { date: dates[days - 1], buys: result.buys, sells: result.sells },
  };
}

const round = (x) => Math.round(x * 10) / 10;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2] ?? path.resolve(fileURLToPath(new URL('../../shared/data/real', import.meta.url)));
  console.log(JSON.stringify(await benchPnf(dir), null, 2));
}
