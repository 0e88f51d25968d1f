// Print benchmark (performance.md "Batch in one process"), measured side by side in one run:
//   1. warm print: one browser, one reused page, setContent (+ the page flow) + page.pdf of the demo note's HTML,
//      10 prints before the batch and 10 after it (a page of its own each time); the reference is the median of all 20,
//      so a machine that is faster or slower during the batch's minutes than just before it moves both sides
//   2. batch: buildBatch over 200 Fridays of the demo market (PDF + HTML) with one browser and one page;
//      time per note and its ratio to the warm print (goal ≤ 1.3)
//   3. memory: Node RSS + Chromium PSS (summed over the browser's process tree from /proc) after note 20 and
//      after note 200, and their ratio (goal ≤ 1.1)
//   4. no Chromium process left once the browser is closed
// BENCH_BATCH=n changes the batch length (the first probe stays at note 20).
// Needs dist/ (npm run build). Run alone: node --expose-gc bench/print.js
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (kb) => Math.round((kb / 1024) * 10) / 10;
const tenth = (x) => Math.round(x * 10) / 10;

/**
 * Warm prints on a page of their own: `print(page)` three times to warm up, then `n` times timed (ms each).
 * Taken before and after a batch, their median is the batch's reference (see the header).
 */
export async function warmPrints(session, print, n = 10) {
  const page = await session.newPage();
  try {
    for (let i = 0; i < 3; i++) await print(page);
    const times = [];
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      await print(page);
      times.push(ms(t0));
    }
    return times;
  } finally {
    await page.close();
  }
}

/** The warm-print reference of a batch from the prints before and after it: { warmPrintMs, beforeMs, afterMs }. */
export function warmReference(before, after) {
  return { warmPrintMs: tenth(median([...before, ...after])), beforeMs: tenth(median(before)), afterMs: tenth(median(after)) };
}

/** pid → parent pid for every process in /proc. */
function parents() {
  const out = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), Number(rest[1]));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** The process and all its descendants. */
export function processTree(root) {
  const pp = parents();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of pp) if (!tree.has(pid) && tree.has(ppid)) (tree.add(pid), (grew = true));
  }
  return [...tree].filter((pid) => pp.has(pid));
}

/** A field of /proc/<pid>/status or smaps_rollup in kB (0 when unreadable). */
function kb(file, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** RSS, PSS and USS (MB) summed over a process tree. */
export function treeMemory(root) {
  const pids = processTree(root);
  let rss = 0;
  let pss = 0;
  let uss = 0;
  for (const pid of pids) {
    rss += kb(`/proc/${pid}/status`, 'VmRSS');
    pss += kb(`/proc/${pid}/smaps_rollup`, 'Pss');
    uss += kb(`/proc/${pid}/smaps_rollup`, 'Private_Clean') + kb(`/proc/${pid}/smaps_rollup`, 'Private_Dirty');
  }
  // PSS shares library pages among every process mapping them (other Chromiums on the machine too); USS is this
  // tree's private memory only, steadier on a shared machine
  return { processes: pids.length, rssMb: mb(rss), pssMb: mb(pss), ussMb: mb(uss) };
}

/** Processes in `pids` still alive (zombies count as gone). */
function alive(pids) {
  return pids.filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    } catch {
      return false;
    }
  });
}

/** The last `n` Fridays on or before `last` (a Friday), oldest first. */
function fridays(last, n) {
  const out = [];
  let t = Date.parse(`${last}T00:00:00Z`);
  for (let i = 0; i < n; i++, t -= 7 * 864e5) out.unshift(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * Measure printing in one process. `root` is the project folder (with dist/ built).
 * @returns {Promise<object>} warmPrintMs (beforeMs, afterMs), batch { notes, perNoteMs, ratio, … }, memory { first, last, ratio } (Node RSS + Chromium PSS), leftoverChromium
 */
export async function benchPrint(root) {
  const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
  const { loadMarket } = await load('data/load-market.js');
  const { loadNote } = await load('note/load-note.js');
  const { composeNote, pdfOptions } = await load('pipeline/build-note.js');
  const { BrowserSession } = await load('render/browser.js');
  const { setHtml, printPdf, loadForPrint } = await load('render/pdf.js');
  // the print as the pipeline does it: load (and, where the build has it, the page flow), then print
  const loadPage = (page, html, options) => (loadForPrint ? loadForPrint(page, html, options) : setHtml(page, html));
  const { buildBatch } = await load('pipeline/build-notes.js');

  const market = loadMarket();
  const note = loadNote('weekly-outlook');
  const asOf = '2025-12-12';
  const { facts, html } = await composeNote(note, market, asOf);
  const out = mkdtempSync(join(tmpdir(), 'market-note-bench-print-'));
  const session = await BrowserSession.launch();
  const chromePid = session.browser.process()?.pid;
  let pids = [];
  const result = {};
  try {
    // 1. warm reused-page print of the demo HTML (again after the batch, below)
    const printOnce = async (page) => {
      const po = pdfOptions(note, facts);
      await loadPage(page, html, po);
      await printPdf(page, po);
    };
    const before = await warmPrints(session, printOnce);

    // 2–3. batch of 50 notes, memory after note 10 and note 50
    const dates = fridays(asOf, Number(process.env.BENCH_BATCH ?? 200));
    const firstProbe = Math.min(20, dates.length) - 1;
    const memory = {};
    const probe = (label) => {
      globalThis.gc?.();
      const node = mb(process.memoryUsage().rss / 1024);
      const chrome = chromePid ? treeMemory(chromePid) : { processes: 0, rssMb: 0, pssMb: 0, ussMb: 0 };
      pids = chromePid ? processTree(chromePid) : [];
      memory[label] = { nodeRssMb: node, chromiumRssMb: chrome.rssMb, chromiumPssMb: chrome.pssMb, chromiumUssMb: chrome.ussMb, chromiumProcesses: chrome.processes, totalMb: Math.round((node + chrome.pssMb) * 10) / 10 };
    };
    const t0 = process.hrtime.bigint();
    const batch = await buildBatch(note, market, dates, {
      outDir: out,
      formats: ['pdf', 'html'],
      browser: session,
      onNote: (_o, i) => {
        if (i === firstProbe) probe('first');
        if (i === dates.length - 1) probe('last');
      },
    });
    const total = ms(t0);
    Object.assign(result, warmReference(before, await warmPrints(session, printOnce)));
    result.batch = {
      notes: dates.length,
      built: batch.built.length,
      factsIn: batch.factsIn,
      failures: batch.failures.map((f) => `${f.asOf}: ${f.message}`),
      totalMs: Math.round(total),
      perNoteMs: Math.round(total / dates.length),
      ratioToWarmPrint: Math.round((total / dates.length / result.warmPrintMs) * 100) / 100,
    };
    result.memory = { firstAt: firstProbe + 1, lastAt: dates.length, ...memory, ratio: Math.round((memory.last.totalMb / memory.first.totalMb) * 100) / 100 };
  } finally {
    await session.close();
    rmSync(out, { recursive: true, force: true });
  }
  // 4. nothing left running
  await new Promise((r) => setTimeout(r, 200));
  result.leftoverChromium = alive(pids.length ? pids : chromePid ? [chromePid] : []).length;
  return result;
}

// Run directly: print the numbers.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  if (!existsSync(join(root, 'dist/pipeline/build-notes.js'))) throw new Error('dist/ is missing: run npm run build first');
  const r = await benchPrint(root);
  // `--json`: the results as one JSON line, for bench/run.js, which runs this section in a process of its own
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r));
    process.exit(0);
  }
  const line = (label, value) => console.log(`${label.padEnd(58)} ${value}`);
  console.log('\nPrinting: one browser, one reused page');
  line('  warm print of the demo note (load + page flow + pdf), 10 before and 10 after the batch', `${r.warmPrintMs.toFixed(0)} ms (before ${r.beforeMs.toFixed(0)}, after ${r.afterMs.toFixed(0)})`);
  line(`  batch of ${r.batch.notes} notes (PDF + HTML, facts in a ${r.batch.factsIn}), per note`, `${r.batch.perNoteMs} ms`);
  line('  ratio per note / warm print (goal ≤ 1.3)', r.batch.ratioToWarmPrint.toFixed(2));
  if (r.batch.failures.length) line('  failed notes', r.batch.failures.join('; '));
  const m = r.memory;
  line(`  memory after note ${m.firstAt} (Node RSS + Chromium PSS)`, `${m.first.nodeRssMb} + ${m.first.chromiumPssMb} MB`);
  line(`  memory after note ${m.lastAt} (Node RSS + Chromium PSS)`, `${m.last.nodeRssMb} + ${m.last.chromiumPssMb} MB`);
  line(`  ratio after ${m.lastAt} / after ${m.firstAt} (goal ≤ 1.1)`, m.ratio.toFixed(2));
  line('  Chromium processes left afterwards (goal 0)', String(r.leftoverChromium));
}
