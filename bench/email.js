// E-mail edition: rasterising every chart of the demo note to palette PNGs (2×) in one page, against one element screenshot
// per chart. Run through bench/run.js (npm run bench), or alone: node bench/email.js
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Measures, side by side in one Chromium:
 * - allMs: `rasterizeCharts` for all charts of the demo note (layout, one capture, cut into PNGs) on the session's
 *   spare page, kept open from one e-mail to the next (a build with the e-mail edition opens it beside the print
 *   page), median of runs;
 * - firstMs: the first call of the session, which opens the spare page (a renderer: 0.2–0.3 s here);
 * - oneScreenshotMs: one `elementHandle.screenshot()` of one chart at deviceScaleFactor 2 on a page already loaded,
 *   median over every chart and run;
 * - naiveMs: one page with all charts, then one element screenshot per chart (the plain way), median of runs.
 * Goal (docs/performance): allMs ≤ 1.5 × charts × oneScreenshotMs.
 */
export async function benchEmail(root) {
  const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
  const [{ loadNote }, { loadMarket }, { buildFacts }, { buildCharts }, { BrowserSession }, { chartBox, rasterizeCharts }, { fontFaceCss }, { CHART_WIDTH }] =
    await Promise.all([
      load('note/load-note.js'),
      load('data/load-market.js'),
      load('facts/build-facts.js'),
      load('charts/build-charts.js'),
      load('render/browser.js'),
      load('email/rasterize.js'),
      load('render/fonts.js'),
      load('email/email.js'),
    ]);
  const note = loadNote('weekly-outlook');
  const facts = buildFacts(loadMarket(undefined), note.config, { asOf: '2025-12-12', noteName: note.name });
  const figures = await buildCharts(facts);
  const charts = Object.values(figures).map((f) => ({ id: f.id, svg: f.svg, ...chartBox(f.svg, CHART_WIDTH) }));
  const page1 = (c) =>
    `<!doctype html><style>${fontFaceCss()}html,body{margin:0;background:#fff;font-family:'Source Sans 3',sans-serif}#c>svg{display:block;width:100%;height:100%}</style>` +
    `<div id="c" style="width:${c.width}px;height:${c.height}px">${c.svg}</div>`;
  const pageAll = () =>
    `<!doctype html><style>${fontFaceCss()}html,body{margin:0;background:#fff;font-family:'Source Sans 3',sans-serif}.c>svg{display:block;width:100%;height:100%}</style>` +
    charts.map((c, i) => `<div class="c" id="c${i}" style="width:${c.width}px;height:${c.height}px">${c.svg}</div>`).join('');

  const session = await BrowserSession.launch();
  try {
    let t0 = process.hrtime.bigint();
    await rasterizeCharts(session, charts); // warm-up: opens the spare page
    const firstMs = ms(t0);
    const all = [];
    const one = [];
    const naive = [];
    for (let r = 0; r < RUNS; r++) {
      t0 = process.hrtime.bigint();
      await rasterizeCharts(session, charts);
      all.push(ms(t0));

      await session.withPage(async (page) => {
        await page.setViewport({ width: CHART_WIDTH, height: 600, deviceScaleFactor: 2 });
        for (const c of charts) {
          await page.setContent(page1(c), { waitUntil: 'load' });
          const el = await page.$('#c');
          const t1 = process.hrtime.bigint();
          await el.screenshot({ type: 'png' });
          one.push(ms(t1));
        }
      });

      t0 = process.hrtime.bigint();
      await session.withPage(async (page) => {
        await page.setViewport({ width: CHART_WIDTH, height: 600, deviceScaleFactor: 2 });
        await page.setContent(pageAll(), { waitUntil: 'load' });
        for (let i = 0; i < charts.length; i++) await (await page.$(`#c${i}`)).screenshot({ type: 'png' });
      });
      naive.push(ms(t0));
    }
    return { charts: charts.length, allMs: median(all), firstMs, oneScreenshotMs: median(one), naiveMs: median(naive) };
  } finally {
    await session.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchEmail(fileURLToPath(new URL('..', import.meta.url)));
  const line = (label, value) => console.log(`${label.padEnd(58)} ${value}`);
  console.log(`\nE-mail edition: ${r.charts} charts to PNG at 2×, median of ${RUNS}`);
  line('  all charts, one page, one capture, palette PNGs', `${r.allMs.toFixed(0)} ms`);
  line('  the same, first of the session (opens the spare page)', `${r.firstMs.toFixed(0)} ms`);
  line('  one element screenshot of one chart', `${r.oneScreenshotMs.toFixed(0)} ms`);
  line('  one page, one element screenshot per chart', `${r.naiveMs.toFixed(0)} ms`);
  line('  ratio all / (charts × one screenshot) (goal ≤ 1.5)', (r.allMs / (r.charts * r.oneScreenshotMs)).toFixed(2));
}
