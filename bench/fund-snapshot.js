// The fund-snapshot note for every member of the S&P 600 universe in one process (one browser, one reused page,
// facts in a worker), against the warm print of one snapshot's HTML (10 prints before the batch and 10 after it, the
// median of all 20: see bench/print.js). Real data when present, else the demo market.
// Usage: import { benchFundSnapshots } from './fund-snapshot.js'   or   node bench/fund-snapshot.js [n] [--json]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realMarketYaml } from './real-market.js';
import { warmPrints, warmReference } from './print.js';

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** @returns {Promise<object>} source, notes, built, failures, totalMs, perNoteMs, warmPrintMs (beforeMs, afterMs), ratioToWarmPrint */
export async function benchFundSnapshots(root, realDir, limit = Infinity) {
  const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
  const { loadMarket } = await load('data/load-market.js');
  const { withMemberSeries } = await load('data/member-series.js');
  const { loadNote } = await load('note/load-note.js');
  const { buildNotes, composeOne, pdfOptions } = await load('pipeline/build-notes.js');
  const { BrowserSession } = await load('render/browser.js');
  const { setHtml, printPdf, loadForPrint } = await load('render/pdf.js');
  // the print as the pipeline does it: load (and, where the build has it, the page flow), then print
  const loadPage = (page, html, options) => (loadForPrint ? loadForPrint(page, html, options) : setHtml(page, html));

  const tmp = mkdtempSync(join(tmpdir(), 'market-note-bench-fund-'));
  let market;
  let source = 'demo market';
  if (realDir) {
    writeFileSync(join(tmp, 'market.yaml'), realMarketYaml(realDir));
    market = loadMarket(join(tmp, 'market.yaml'));
    source = 'real data';
  } else market = loadMarket();
  const universe = Object.keys(market.universes)[0];
  const m = withMemberSeries(market, universe);
  const note = loadNote('fund-snapshot');
  const asOf = m.market.universes[universe].dates.at(-1) <= '2025-12-12' ? undefined : '2025-12-12';
  const members = m.members.slice(0, limit);
  const session = await BrowserSession.launch();
  try {
    // the print floor: one snapshot's HTML printed on a warm reused page
    const one = await composeOne(note, m.market, { asOf, symbol: members[0] });
    const printOnce = async (page) => {
      const po = pdfOptions(note, one.facts);
      await loadPage(page, one.html, po);
      await printPdf(page, po);
    };
    const before = await warmPrints(session, printOnce);

    const out = join(tmp, 'out');
    const t0 = process.hrtime.bigint();
    const r = await buildNotes(note, m.market, members.map((symbol) => ({ asOf, symbol })), { outDir: out, formats: ['pdf', 'html'], browser: session });
    const totalMs = ms(t0);
    const { warmPrintMs, beforeMs, afterMs } = warmReference(before, await warmPrints(session, printOnce));
    return {
      source,
      notes: members.length,
      built: r.built.length,
      failures: r.failures.length,
      firstFailure: r.failures[0] ? `${r.failures[0].symbol}: ${r.failures[0].message}` : null,
      factsIn: r.factsIn,
      totalMs: Math.round(totalMs),
      perNoteMs: Math.round(totalMs / members.length),
      warmPrintMs,
      beforeMs,
      afterMs,
      ratioToWarmPrint: Math.round((totalMs / members.length / warmPrintMs) * 100) / 100,
    };
  } finally {
    await session.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const real = resolve(root, '../shared/data/real');
  const limit = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  const r = await benchFundSnapshots(root, existsSync(real) ? real : undefined, Number(limit ?? Infinity));
  // `--json`: one JSON line, for bench/run.js, which runs this section in a process of its own
  console.log(process.argv.includes('--json') ? JSON.stringify(r) : r);
}
