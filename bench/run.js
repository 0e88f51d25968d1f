// npm run bench: speed and memory figures, each a ratio of two things measured side by side in this one run.
// Machines here are noisy (±30%): read the ratios, not the absolute times.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realMarketYaml } from './real-market.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const REAL = resolve(ROOT, '../shared/data/real');
const BIN = join(ROOT, 'bin/market-note.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => `${x.toFixed(0)} ms`;
const line = (label, value) => console.log(`${label.padEnd(58)} ${value}`);

function timeCommand(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return ms(t0);
}

const results = {};
const tmp = mkdtempSync(join(tmpdir(), 'market-note-bench-'));

// 1. Cold build of the demo note (PDF + HTML) vs a bare script that launches Chromium and prints the same HTML.
{
  const asOf = '2025-12-12';
  const out = join(tmp, 'cold');
  timeCommand([BIN, 'build', '--as-of', asOf, '--out', out, '--format', 'html']); // warm the file cache
  const html = join(out, `weekly-outlook-${asOf}.html`);
  const build = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(timeCommand([join(ROOT, 'bench/bare-print.js'), html, join(tmp, 'bare.pdf')]));
    build.push(timeCommand([BIN, 'build', '--as-of', asOf, '--out', out]));
  }
  results.coldBuildMs = median(build);
  results.barePrintMs = median(bare);
  console.log('\nCold CLI build of the demo note (PDF + HTML), median of', RUNS);
  line('  market-note build', fmt(results.coldBuildMs));
  line('  bare Puppeteer launch + print of the same HTML', fmt(results.barePrintMs));
  line('  ratio build / bare (goal ≤ 1.5)', (results.coldBuildMs / results.barePrintMs).toFixed(2));
}

// 2. All facts of the weekly outlook on the real data set, cold (new process, including loading).
if (existsSync(REAL)) {
  const yaml = join(tmp, 'real.yaml');
  writeFileSync(yaml, realMarketYaml(REAL));
  const node = [];
  const facts = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(timeCommand(['-e', '0']));
    facts.push(timeCommand([BIN, 'facts', '--data', yaml, '--as-of', '2025-12-12']));
  }
  results.realFactsMs = median(facts);
  results.nodeStartMs = median(node);
  console.log('\nAll facts of the weekly outlook on the real data set, cold, including loading (median of', RUNS, ')');
  line('  market-note facts (whole process)', fmt(results.realFactsMs));
  line('  of which a bare node start', fmt(results.nodeStartMs));
  line('  goal ≤ 1000 ms: facts − node start', fmt(results.realFactsMs - results.nodeStartMs));

  // 3. P&F over the whole S&P 600 universe.
  const pnfBench = join(ROOT, 'bench/pnf.js');
  if (existsSync(pnfBench)) {
    const { benchPnf } = await import(pnfBench);
    const r = await benchPnf(REAL);
    results.pnf = r;
    console.log('\nP&F signal state for every S&P 600 member (close, traditional, 3-box)');
    line('  members × days', `${r.members} × ${r.days} = ${(r.nameDays / 1e6).toFixed(2)} M name-days`);
    line('  wide CSV load (goal ≤ 300 ms)', fmt(r.loadMs));
    line('  P&F for the universe', `${fmt(r.pnfMs)} (${(r.nameDaysPerSec / 1e6).toFixed(1)} M name-days/s)`);
    if (r.numpyMs != null) line('  ratio numpy loop / market-note (goal ≥ 10)', (r.numpyMs / r.pnfMs).toFixed(1));
    else line('  numpy loop', 'not measured (python3 numpy missing)');
  }

  // 4. Bullish percent history of the whole universe (computed once per run, cached for a batch).
  const { benchBreadth } = await import(join(ROOT, 'bench/breadth.js'));
  const b = await benchBreadth(REAL);
  results.breadth = b;
  console.log('\nBullish percent history of the S&P 600 universe');
  line('  members × days', `${b.members} × ${b.days}`);
  line('  first run (cold) / warm median', `${fmt(b.coldMs)} / ${fmt(b.ms)}`);
} else {
  console.log(`\n(real data folder ${REAL} absent: real-data benchmarks skipped)`);
}

// 5. E-mail edition: every chart rasterised to PNG (one page, one capture) vs one element screenshot per chart.
{
  const { benchEmail } = await import(join(ROOT, 'bench/email.js'));
  const e = await benchEmail(ROOT);
  results.email = e;
  console.log('\nE-mail edition: charts to PNG at 2×');
  line('  all charts, one page', `${fmt(e.allMs)} for ${e.charts} charts`);
  line('  one element screenshot', fmt(e.oneScreenshotMs));
  line('  ratio all / (charts × one screenshot) (goal ≤ 1.5)', (e.allMs / (e.charts * e.oneScreenshotMs)).toFixed(2));
}

// 6. Print: warm reused-page print, a batch of 50 notes in one process, memory, leftovers.
const printBench = join(ROOT, 'bench/print.js');
if (existsSync(printBench)) {
  const { benchPrint } = await import(printBench);
  const p = await benchPrint(ROOT);
  results.print = p;
  console.log('\nBatch printing (one browser, one reused page)');
  for (const [k, v] of Object.entries(p)) line(`  ${k}`, typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : JSON.stringify(v));
}

// 7. The three notes one by one (demo market), and the fund snapshot for every S&P 600 member in one run.
{
  const { benchNotes } = await import(join(ROOT, 'bench/notes.js'));
  const n = await benchNotes(ROOT, REAL);
  results.notes = n;
  console.log('\nNotes (single cold build, PDF + HTML, demo market)');
  for (const note of ['weekly-outlook', 'rates-wrap', 'fund-snapshot']) line(`  ${note}`, fmt(n[`${note}BuildMs`]));
  console.log(`\nFund snapshot for every SP600 member in one run (${n.eachData} data, PDF + HTML)`);
  line('  notes built', String(n.eachNotes));
  line('  wall time', fmt(n.eachWallMs));
  line('  time per note', fmt(n.eachMsPerNote));
}

writeFileSync(join(tmp, 'results.json'), JSON.stringify(results, null, 2));
console.log(`\nraw results: ${join(tmp, 'results.json')}`);
