// npm run bench: speed and memory figures, each a ratio of two things measured side by side in this one run, with
// its goal beside it (docs/performance.md). Machines here are noisy (±30%, more when shared): read the ratios,
// not the absolute times, and run it more than once.
// BENCH_RUNS=n (default 5) repeats the process-level timings; BENCH_BATCH=n (default 200) sets the batch length.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realMarketYaml } from './real-market.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const REAL = resolve(ROOT, '../shared/data/real');
const BIN = join(ROOT, 'bin/market-note.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => `${x.toFixed(0)} ms`;
const line = (label, value) => console.log(`${label.padEnd(64)} ${value}`);
const goals = [];
const began = process.hrtime.bigint();
/** A line when a section starts, with the time so far, so a reader of a long run knows where it is. */
const stage = (what) => console.log(`\n[${(ms(began) / 1000).toFixed(0)} s] ${what} …`);
/** A ratio with its goal; `atMost` true means the ratio must not exceed the goal. */
function ratio(label, value, goal, atMost = true) {
  const met = atMost ? value <= goal : value >= goal;
  goals.push({ label, value, goal: `${atMost ? '≤' : '≥'} ${goal}`, met });
  line(`  ${label} (goal ${atMost ? '≤' : '≥'} ${goal})`, `${value.toFixed(2)}  ${met ? 'met' : 'NOT met'}`);
}

function timeCommand(args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return ms(t0);
}

/** A bench section run in a Node process of its own (`script` under the project, `--json`): its last stdout line, parsed. */
function benchProcess(script, args, nodeFlags = []) {
  const run = spawnSync('node', [...nodeFlags, join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`${script} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

const results = {};
const tmp = mkdtempSync(join(tmpdir(), 'market-note-bench-'));
const fullCache = join(tmp, 'cache');

// 1. Cold build of the demo note (PDF + HTML) vs a bare script that launches Chromium and prints the same HTML,
//    with the demo-market cache filled and with an empty one.
{
  stage(`cold build of the demo note vs a bare print (${RUNS} runs each)`);
  const asOf = '2025-12-12';
  const out = join(tmp, 'cold');
  timeCommand([BIN, 'build', '--as-of', asOf, '--out', out, '--format', 'html'], { MARKET_NOTE_CACHE_DIR: fullCache }); // fills the cache, warms the file cache
  const html = join(out, `weekly-outlook-${asOf}.html`);
  const build = [];
  const empty = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(timeCommand([join(ROOT, 'bench/bare-print.js'), html, join(tmp, 'bare.pdf')]));
    build.push(timeCommand([BIN, 'build', '--as-of', asOf, '--out', out], { MARKET_NOTE_CACHE_DIR: fullCache }));
    const none = join(tmp, `empty-cache-${i}`);
    empty.push(timeCommand([BIN, 'build', '--as-of', asOf, '--out', out], { MARKET_NOTE_CACHE_DIR: none }));
    rmSync(none, { recursive: true, force: true });
  }
  results.cold = { buildMs: median(build), emptyCacheBuildMs: median(empty), barePrintMs: median(bare) };
  console.log(`\nCold CLI build of the demo note (PDF + HTML), median of ${RUNS}`);
  line('  bare Puppeteer launch + print of the same HTML', fmt(results.cold.barePrintMs));
  line('  market-note build, demo market cached', fmt(results.cold.buildMs));
  line('  market-note build, empty cache (generates and caches the market)', fmt(results.cold.emptyCacheBuildMs));
  ratio('build (cached) / bare', results.cold.buildMs / results.cold.barePrintMs, 1.5);
  // reported, as the goal asks: the first build after installing (or after a change of the demo generator)
  line('  build (empty cache) / bare (reported: the first build only)', (results.cold.emptyCacheBuildMs / results.cold.barePrintMs).toFixed(2));
}

if (existsSync(REAL)) {
  // 2. All facts of the weekly outlook on the real data set, cold (new process, including loading), against a bare
  //    script that reads the same files and parses every cell.
  const yaml = join(tmp, 'real.yaml');
  writeFileSync(yaml, realMarketYaml(REAL));
  stage(`facts on the real data vs a bare read (${RUNS} runs each)`);
  const bare = [];
  const facts = [];
  const node = [];
  const overlapped = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(timeCommand(['-e', '0']));
    bare.push(timeCommand([join(ROOT, 'bench/bare-read.js'), yaml]));
    facts.push(timeCommand([BIN, 'facts', '--data', yaml, '--as-of', '2025-12-12']));
    overlapped.push(timeCommand([BIN, 'facts', '--data', yaml, '--as-of', '2025-12-12'], { MARKET_NOTE_OVERLAP: 'always' }));
  }
  results.realFacts = { factsMs: median(facts), bareReadMs: median(bare), nodeStartMs: median(node), overlappedMs: median(overlapped) };
  console.log(`\nAll facts of the weekly outlook on the real data, cold, whole process (median of ${RUNS})`);
  line('  bare node start', fmt(results.realFacts.nodeStartMs));
  line('  bare script: read the same files, parse every cell', fmt(results.realFacts.bareReadMs));
  line('  market-note facts --data real', fmt(results.realFacts.factsMs));
  line('  facts, universe worker forced on (MARKET_NOTE_OVERLAP=always)', fmt(results.realFacts.overlappedMs));
  line('  facts after node start (design note anchor: 500 ms)', fmt(results.realFacts.factsMs - results.realFacts.nodeStartMs));
  ratio('facts / bare read', results.realFacts.factsMs / results.realFacts.bareReadMs, 1);

  // 3. P&F over the whole S&P 600 universe, against the numpy loop.
  stage('P&F for every S&P 600 member vs the numpy loop');
  const { benchPnf } = await import(join(ROOT, 'bench/pnf.js'));
  const r = await benchPnf(REAL);
  results.pnf = r;
  console.log('\nP&F for every S&P 600 member (close, traditional, 3-box), warm median of 7 runs one after another');
  line('  members × days', `${r.members} × ${r.days} = ${(r.nameDays / 1e6).toFixed(2)} M name-days`);
  line('  wide CSV: bare split + Number / market-note loader (goal ≤ 300 ms)', `${fmt(r.loadMs)} / ${fmt(r.loaderMs)}`);
  line('  signal states (breadth path)', `${fmt(r.pnfMs)} (${(r.nameDaysPerSec / 1e6).toFixed(1)} M name-days/s; cold ${fmt(r.pnfColdMs)})`);
  line('  full charts (columns, signals, patterns, trend)', `${fmt(r.chartsMs)} (cold ${fmt(r.chartsColdMs)})`);
  if (r.numpyMs != null) {
    line('  numpy loop (columns + signal state)', `${fmt(r.numpyMs)} (same answer: ${r.numpyAgrees})`);
    ratio('numpy / full charts', r.numpyMs / r.chartsMs, 3, false);
    ratio('numpy / signal states', r.numpyMs / r.pnfMs, 10, false);
  } else line('  numpy loop', 'not measured (python3 numpy missing)');

  // 4. Bullish percent history of the whole universe (computed once per run, shared by a batch).
  stage('bullish percent history');
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
  stage('e-mail edition charts');
  const { benchEmail } = await import(join(ROOT, 'bench/email.js'));
  const e = await benchEmail(ROOT);
  results.email = e;
  console.log('\nE-mail edition: charts to PNG at 2×');
  line('  all charts, one page', `${fmt(e.allMs)} for ${e.charts} charts`);
  line('  the same, first of the session (opens the spare page)', fmt(e.firstMs));
  line('  one element screenshot', fmt(e.oneScreenshotMs));
  ratio('all / (charts × one screenshot)', e.allMs / (e.charts * e.oneScreenshotMs), 1.5);
}

// 6. Batch: warm reused-page print, a batch of 200 notes in one process, memory, leftovers. The batch runs in a
//    process of its own, as a user's does: this one holds the universe and the charts of the sections above,
//    whose heap would count in the batch's memory and its garbage collection in its time.
{
  stage(`batch of ${process.env.BENCH_BATCH ?? 200} weekly notes (about a minute)`);
  const p = benchProcess('bench/print.js', ['--json'], ['--expose-gc']);
  results.print = p;
  const m = p.memory;
  console.log(`\nBatch of ${p.batch.notes} weekly notes in one process (one browser, one reused page, facts in a ${p.batch.factsIn})`);
  line('  warm print of the demo note (load + page flow + pdf), 10 before and 10 after', `${fmt(p.warmPrintMs)} (before ${fmt(p.beforeMs)}, after ${fmt(p.afterMs)})`);
  line('  batch, per note (PDF + HTML)', `${p.batch.perNoteMs} ms${p.batch.failures.length ? ` (${p.batch.failures.length} failed: ${p.batch.failures[0]})` : ''}`);
  ratio('per note / warm print', p.batch.ratioToWarmPrint, 1.3);
  line(`  after note ${m.firstAt}: Node RSS + Chromium PSS`, `${m.first.nodeRssMb} + ${m.first.chromiumPssMb} MB`);
  line(`  after note ${m.lastAt}: Node RSS + Chromium PSS`, `${m.last.nodeRssMb} + ${m.last.chromiumPssMb} MB`);
  ratio(`memory after note ${m.lastAt} / after note ${m.firstAt}`, m.ratio, 1.1);
  line('  Chromium processes left afterwards (goal 0)', `${p.leftoverChromium}  ${p.leftoverChromium === 0 ? 'met' : 'NOT met'}`);
  goals.push({ label: 'Chromium processes left', value: p.leftoverChromium, goal: '0', met: p.leftoverChromium === 0 });
}

// 7. The fund-snapshot note for every S&P 600 member (one process, one browser).
{
  stage('fund snapshot for every S&P 600 member in one process (a few minutes)');
  // in a process of its own, as `build --each` runs (not in this one, which holds every section's memory so far)
  const f = benchProcess('bench/fund-snapshot.js', [...(process.env.BENCH_MEMBERS ? [process.env.BENCH_MEMBERS] : []), '--json']);
  results.fundSnapshots = f;
  console.log(`\nFund snapshot for every member of the S&P 600 universe (${f.source})`);
  line('  notes built / failed', `${f.built} / ${f.failures}${f.firstFailure ? ` (${f.firstFailure})` : ''}`);
  line('  total', `${(f.totalMs / 1000).toFixed(1)} s`);
  line('  per note / warm print of one snapshot (10 before and 10 after)', `${f.perNoteMs} ms / ${f.warmPrintMs} ms (before ${f.beforeMs}, after ${f.afterMs})`);
  ratio('per note / warm print', f.ratioToWarmPrint, 1.3);
}

// 8. The audit over ten years of Fridays (when this build has the audit command): facts and narrative, no print.
if (existsSync(join(ROOT, 'dist/cli/commands/audit.js'))) {
  stage('audit over ten years of Fridays (a few minutes)');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', [BIN, 'audit', '--from', '2015-12-11', '--to', '2025-12-12'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const total = ms(t0);
  results.audit = { ms: total, status: r.status };
  console.log('\nAudit of ten years of Fridays (demo market)');
  line('  market-note audit --from 2015-12-11 --to 2025-12-12', `${(total / 1000).toFixed(1)} s (exit ${r.status})`);
  const summary = (r.stderr ?? '').trim().split('\n').slice(-2).join(' | ');
  if (summary) line('  its summary', summary);
} else {
  console.log('\n(audit: this build has no `market-note audit`; not measured)');
}

// 9. The three notes one by one (demo market), and the fund snapshot for every S&P 600 member in one run.
{
  stage('each note built once, then `build --each SP600` (several minutes)');
  const { benchNotes } = await import(join(ROOT, 'bench/notes.js'));
  const n = await benchNotes(ROOT, REAL);
  results.notes = n;
  console.log('\nNotes (single cold build, PDF + HTML, demo market)');
  for (const note of ['weekly-outlook', 'rates-wrap', 'fund-snapshot']) line(`  ${note}`, fmt(n[`${note}BuildMs`]));
  console.log(`\nFund snapshot for every SP600 member, CLI \`build --each SP600\` (${n.eachData} data, PDF + HTML, whole process)`);
  line('  notes built', String(n.eachNotes));
  line('  wall time', fmt(n.eachWallMs));
  line('  time per note', fmt(n.eachMsPerNote));
}

console.log('\nGoals');
for (const g of goals) line(`  ${g.met ? 'met    ' : 'NOT met'} ${g.label}`, `${typeof g.value === 'number' && !Number.isInteger(g.value) ? g.value.toFixed(2) : g.value} (goal ${g.goal})`);
writeFileSync(join(tmp, 'results.json'), JSON.stringify({ results, goals }, null, 2));
rmSync(fullCache, { recursive: true, force: true });
console.log(`\nraw results: ${join(tmp, 'results.json')}`);
