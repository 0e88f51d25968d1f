import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import type { Market } from '../../src/data/types.js';
import { loadNote, type NoteSource } from '../../src/note/load-note.js';
import { buildNotes, composeOne } from '../../src/pipeline/build-notes.js';
import { measureFlow, pageBox } from '../../src/render/page-flow.js';
import { loadForPrint, printPdf, type PdfOptions } from '../../src/render/pdf.js';
import { renderHtmlDocument } from '../../src/render/html.js';
import { pdfOptions } from '../../src/pipeline/build-note.js';
import { breathe } from '../helpers/breathe.js';
import { tempDir } from '../helpers/cli.js';
import { useBrowserSession } from '../helpers/browser.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { footGaps, pageTexts } from './print-helpers.js';

// Page flow on printed notes: a figure that does not fit at the foot of a page moves to the next one and the text
// after it fills the space. Each case prints a run of Fridays three ways (figures floated, the flow off, the flow
// without the conclusion's float barrier), so it does not hang on one date's layout. Margins: 20 mm top, 18 mm bottom.
const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 18 * MM };
const note = loadNote('weekly-outlook');
const fixedNote: NoteSource = { ...note, name: 'fixed', config: { ...note.config, page: { ...note.config.page, floatFigures: false } } };
const openNote: NoteSource = {
  ...note,
  name: 'open',
  partials: note.partials.map((p) => (p.name === 'conclusion' ? { ...p, text: p.text.replace('section float-barrier', 'section') } : p)),
};

const browser = useBrowserSession();

/** Print `n` for every date in one batch; the PDFs by date. */
async function printed(n: NoteSource, market: Market, dates: string[]): Promise<Map<string, string>> {
  const out = tempDir();
  const r = await buildNotes(n, market, dates.map((asOf) => ({ asOf })), { outDir: out, formats: ['pdf'], browser: browser(), factsWorker: false });
  expect(r.failures.map((f) => f.message)).toEqual([]);
  // a holiday rolls back to the day before: the files are named by the date built
  return new Map(dates.map((d, i) => [d, join(out, `${n.name}-${r.built[i].asOf}.pdf`)]));
}

/** Fridays from `from`, every `step` weeks, `count` of them. */
function fridays(from: string, step: number, count: number): string[] {
  const d = new Date(`${from}T00:00:00Z`);
  while (d.getUTCDay() !== 5) d.setUTCDate(d.getUTCDate() + 1);
  return Array.from({ length: count }, (_, i) => new Date(d.getTime() + i * step * 7 * 86_400_000).toISOString().slice(0, 10));
}

/** The words of the note's body: each page without its running head and foot (a flow that saves a page drops one of each). */
const words = (pdf: string) =>
  pageTexts(pdf)
    .map((t) => t.replace(/^\s*MARKET-NOTE RESEARCH .*? · \d{1,2} [A-Z][a-z]+ \d{4}(?: \(demo data\))? /, ' ').replace(/ market-note research · data through \d{1,2} [A-Z][a-z]+ \d{4}(?: \(demo data\))? page \d+ of \d+\s*$/, ' '))
    .join(' ')
    .split(' ')
    .filter(Boolean)
    .sort();
/** The largest empty space at the foot of a page before the last, as a share of the text block. */
const worstGap = (pdf: string) => Math.max(0, ...footGaps(pdf, MARGINS).slice(0, -1));
/** Empty space at the foot of every page before the last, in pages. */
const emptySpace = (pdf: string) => footGaps(pdf, MARGINS).slice(0, -1).reduce((sum, g) => sum + Math.max(0, g), 0);

/** The conclusion's text, from its answer to what would change the view, holds no figure. */
function conclusionWhole(pdf: string): boolean {
  const t = pageTexts(pdf).join(' ');
  const [from, to] = [t.indexOf('The answer.'), t.indexOf('What would change the view.')];
  expect(to).toBeGreaterThan(from);
  return !/Figure \d+\./.test(t.slice(from, to));
}

function flowCases(label: string, market: () => Market, dates: string[]) {
  describe(`page flow over ${dates.length} Fridays (${label})`, () => {
    let floated: Map<string, string>;
    let fixed: Map<string, string>;
    let open: Map<string, string>;
    beforeAll(async () => {
      const m = market();
      [floated, fixed, open] = [await printed(note, m, dates), await printed(fixedNote, m, dates), await printed(openNote, m, dates)];
    }, 600_000);

    it('leaves no page before the last more than a quarter empty, and never more empty space in all than source order', async () => {
      const gaps: number[] = [];
      for (const d of dates) {
        await breathe();
        gaps.push(worstGap(floated.get(d)!));
      }
      expect(Math.max(...gaps)).toBeLessThanOrEqual(0.25);
      // Filling a gap moves the text after it up, which can move a later page break and open a gap further on: the
      // real-data note of 2025-06-27 fills a gap of 18.5% of page 2 and leaves 19.6% at the foot of page 3 (where
      // source order left 3.1%). So the flow is held to less empty space in all, on every date, and to the quarter.
      for (const d of dates) {
        await breathe();
        expect(emptySpace(floated.get(d)!), d).toBeLessThanOrEqual(emptySpace(fixed.get(d)!));
      }
    });

    it('moves blocks without losing or repeating a word, and keeps the figures in order, each caption on the page of its source line', async () => {
      for (const d of dates) {
        await breathe();
        expect(words(floated.get(d)!), d).toEqual(words(fixed.get(d)!));
        const texts = pageTexts(floated.get(d)!);
        const captions = texts.flatMap((t, page) => [...t.matchAll(/Figure (\d+)\./g)].map((m) => ({ n: Number(m[1]), page })));
        const sources = texts.flatMap((t, page) => [...t.matchAll(/Source: /g)].map(() => page));
        expect(captions.map((c) => c.n), d).toEqual([1, 2, 3, 4, 5, 6, 7]);
        expect(captions.map((c) => c.page), d).toEqual(sources);
      }
    });

    it('never floats a figure into the conclusion (its float barrier)', async () => {
      for (const d of dates) {
        await breathe();
        expect(conclusionWhole(floated.get(d)!), d).toBe(true);
        // (the same run without the barrier, printed alongside, shows no word lost either way)
        expect(words(open.get(d)!), d).toEqual(words(floated.get(d)!));
      }
    });
  });
}

flowCases('demo market, 2025', () => loadMarket(), fridays('2025-01-03', 3, 16));
if (!HAS_REAL) console.warn('real data folder is absent: skipping the real-data page-flow cases');
if (HAS_REAL) flowCases('real data, 2024–2025', () => loadMarket(writeRealMarketYaml()), fridays('2024-06-07', 5, 12));

describe('a figure that does not fit at the foot of a page (a made-up document of known heights)', () => {
  // 30 lines of text, a 520 px figure that cannot follow them on the page (a third of it would stay empty), then a
  // second section of three short paragraphs and a smaller figure
  const lines = (n: number, tag: string) => `<p>${Array.from({ length: n }, (_, i) => `${tag} line ${i + 1} of running text that fills one line of the measure.`).join('<br>')}</p>`;
  const fig = (n: number, h: number) => `<figure class="chart"><figcaption class="chart-title"><span class="fig-no"></span>Chart ${n}</figcaption><div class="chart-svg"><svg width="600" height="${h}"><rect width="600" height="${h}" fill="#ccc"/></svg></div><p class="chart-source">Source: made up.</p></figure>`;
  const body = `<main class="body"><section class="section"><h2>One</h2>${lines(30, 'first')}${fig(1, 520)}</section><section class="section"><h2>Two</h2>${lines(5, 'second')}${lines(5, 'third')}${lines(5, 'fourth')}${fig(2, 300)}</section></main>`;
  const html = renderHtmlDocument({ title: 'flow', body, css: note.houseCss });
  const options = (floatFigures: boolean): PdfOptions => ({ desk: 'd', title: 't', dateLine: 'x', metadata: { title: 't', author: 'a', subject: 's', keywords: [], asOf: '2025-12-12' }, floatFigures });

  it('moves the figure to the next page and lets the next section fill the space, where source order left over a third empty', async () => {
    const print = (o: PdfOptions) =>
      browser().withPage(async (page) => {
        await loadForPrint(page, html, o);
        const file = join(tempDir(), 'flow.pdf');
        writeFileSync(file, await printPdf(page, o));
        return file;
      });
    const [fixed, floated] = [await print(options(false)), await print(options(true))];
    expect(footGaps(fixed, MARGINS)[0]).toBeGreaterThan(1 / 3);
    expect(footGaps(floated, MARGINS)[0]).toBeLessThan(0.15);
    // page 1 of the floated print holds the second section's heading and text as far as it fits; figure 1 opens
    // page 2, before figure 2
    const [p1, p2] = pageTexts(floated);
    expect(p1).toContain('Two second line 1');
    expect(p1).toContain('third line 5');
    expect(p1).not.toContain('Figure 1.');
    expect(p2.indexOf('Figure 1. Chart 1')).toBeGreaterThan(-1);
    expect(p2.slice(0, p2.indexOf('Figure 1. Chart 1'))).not.toMatch(/line \d/); // only the header band above it
    expect(words(floated)).toEqual(words(fixed));
  }, 120_000);

  it('never puts the figure inside a float-barrier section: it follows the whole section instead', async () => {
    const barred = renderHtmlDocument({ title: 'flow', body: body.replace('<section class="section"><h2>Two', '<section class="section float-barrier"><h2>Two'), css: note.houseCss });
    const print = (h: string) =>
      browser().withPage(async (page) => {
        await loadForPrint(page, h, options(true));
        const file = join(tempDir(), 'flow.pdf');
        writeFileSync(file, await printPdf(page, options(true)));
        return pageTexts(file).join(' ');
      });
    const [open, closed] = [await print(html), await print(barred)];
    const inside = (t: string) => t.indexOf('Figure 1.') > t.indexOf('second line 1') && t.indexOf('Figure 1.') < t.indexOf('fourth line 5');
    expect(inside(open)).toBe(true); // without the barrier the figure lands between the second section's paragraphs
    expect(inside(closed)).toBe(false);
    // the barrier section holds figure 2, so figure 1 may not pass it either (the figures keep their order): it stays
    expect(closed.indexOf('Figure 1.')).toBeLessThan(closed.indexOf('Two second line 1'));
    expect(closed.indexOf('Figure 1.')).toBeLessThan(closed.indexOf('Figure 2.'));
  }, 120_000);
});

describe('the measured layout is the printed one', () => {
  it.each(['2025-03-14', '2025-10-31', '2025-12-12'])('each figure prints on the page the measure put it on (%s)', async (asOf) => {
    const c = await composeOne(note, loadMarket(), { asOf });
    const o = pdfOptions(note, c.facts);
    const box = pageBox(o.paper ?? 'A4', o.page!.margins);
    const pdf = await browser().withPage(async (page) => {
      await loadForPrint(page, c.html, o);
      const blocks = await measureFlow(page, box);
      const planned = blocks.filter((b) => b.kind === 'figure').map((b) => b.parts[0].page);
      const file = join(tempDir(), 'note.pdf');
      writeFileSync(file, await printPdf(page, o));
      return { file, planned };
    });
    const texts = pageTexts(pdf.file);
    const printedPages = [1, 2, 3, 4, 5, 6, 7].map((n) => texts.findIndex((t) => t.includes(`Figure ${n}.`)));
    expect(printedPages).toEqual(pdf.planned);
  }, 120_000);

  it('prints the same bytes twice', async () => {
    const [a, b] = [await printed(note, loadMarket(), ['2025-03-14']), await printed(note, loadMarket(), ['2025-03-14'])];
    expect(readFileSync(a.get('2025-03-14')!).equals(readFileSync(b.get('2025-03-14')!))).toBe(true);
  }, 120_000);
});
