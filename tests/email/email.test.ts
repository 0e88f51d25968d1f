import { simpleParser, type ParsedMail } from 'mailparser';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import type { Facts } from '../../src/facts/types.js';
import type { NoteSource } from '../../src/note/load-note.js';
import { composeNote, loadNote } from '../../src/pipeline/build-note.js';
import { buildEmail, CHART_WIDTH, emailSettings, keyFiguresTable, renderEmail, type EmailEdition } from '../../src/email/email.js';
import { chartBox, rasterizeCharts } from '../../src/email/rasterize.js';
import { pixel, readPng } from './email-png.js';
import { useBrowserSession } from '../helpers/browser.js';

const AS_OF = '2025-12-12';
const PDF_URL = 'https://research.example.com/notes/{note}-{asOf}.pdf';

/** A plain SVG of one colour (what a chart is, as far as rasterising goes). */
const block = (w: number, h: number, fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="${fill}"/></svg>`;

/** How a template helper prints a signed percentage: "+18.8%", "−3.2%". */
const signedPct = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}%`;

const browser = useBrowserSession();

describe('chartBox', () => {
  it('scales a wide chart down to the column width and keeps its proportions', () => {
    expect(chartBox(block(740, 255, 'red'), 600)).toEqual({ width: 600, height: 207 });
  });

  it('keeps a chart narrower than the column at its own size', () => {
    expect(chartBox(block(300, 120, 'red'), 600)).toEqual({ width: 300, height: 120 });
  });

  it('falls back to the viewBox when the SVG has no width and height', () => {
    expect(chartBox('<svg viewBox="0 0 800 400"></svg>', 600)).toEqual({ width: 600, height: 300 });
  });
});

describe('rasterizeCharts', () => {
  const charts = [
    { id: 'red', svg: block(300, 100, '#ff0000'), width: 300, height: 100 },
    { id: 'blue', svg: block(300, 100, '#0000ff'), width: 300, height: 100 }, // same size as red: must not be confused with it
    { id: 'green', svg: block(740, 255, '#00ff00'), ...chartBox(block(740, 255, '#00ff00'), CHART_WIDTH) },
    { id: 'narrow', svg: block(120, 40, '#ffff00'), width: 120, height: 40 },
  ];

  for (const [label, maxStackHeight] of [
    ['all on one page', undefined],
    ['in several rounds when the stack is tall', 150],
  ] as const) {
    it(`gives each chart its own PNG at 2× its CSS size, ${label}`, async () => {
      const images = await rasterizeCharts(browser(), charts, { maxStackHeight });
      expect(images.map((i) => i.id)).toEqual(charts.map((c) => c.id));
      const colour: Record<string, number[]> = { red: [255, 0, 0], blue: [0, 0, 255], green: [0, 255, 0], narrow: [255, 255, 0] };
      images.forEach((img, k) => {
        const png = readPng(img.png);
        expect([png.width, png.height]).toEqual([charts[k].width * 2, charts[k].height * 2]);
        expect([img.width, img.height]).toEqual([charts[k].width, charts[k].height]);
        // corners and centre all show the chart's own colour: nothing of its neighbours, no margin
        for (const [x, y] of [[0, 0], [png.width - 1, 0], [0, png.height - 1], [png.width - 1, png.height - 1], [png.width >> 1, png.height >> 1]]) {
          expect(pixel(png, x, y)).toEqual(colour[img.id]);
        }
      });
    }, 30_000);
  }

  it('returns nothing for no charts', async () => {
    expect(await rasterizeCharts(browser(), [])).toEqual([]);
  });

  it('draws each set right on the page the last set left behind, and two sets at once on two pages', async () => {
    const colour = (img: { png: Buffer }) => pixel(readPng(img.png), 2, 2);
    // a tall set, then a short one on the same (spare) page: nothing of the tall set shows
    await rasterizeCharts(browser(), charts);
    const [short] = await rasterizeCharts(browser(), [charts[3]]);
    expect([readPng(short.png).width, readPng(short.png).height, ...colour(short)]).toEqual([240, 80, 255, 255, 0]);
    // at once: one borrows the spare page, the other gets a page of its own
    const [a, b] = await Promise.all([rasterizeCharts(browser(), [charts[0], charts[1]]), rasterizeCharts(browser(), [charts[1], charts[0]])]);
    expect([a, b].map((set) => set.map(colour))).toEqual([
      [[255, 0, 0], [0, 0, 255]],
      [[0, 0, 255], [255, 0, 0]],
    ]);
  }, 30_000);
});

describe('keyFiguresTable', () => {
  it('turns the key-figure cells into one table row, content untouched', () => {
    const html = '<p>x</p><section class="key-figures" aria-label="Key figures"><div class="kf"><b>A</b></div>\n<div class="kf">B</div></section><p>y</p>';
    expect(keyFiguresTable(html)).toBe(
      '<p>x</p><table role="presentation" class="kf-table" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td class="kf-cell" width="296"><b>A</b></td>' +
        '<td class="kf-gap" width="8">&nbsp;</td><td class="kf-cell" width="296">B</td></tr></table><p>y</p>',
    );
  });
});

describe('buildEmail (demo market, 2025-12-12)', () => {
  let note: NoteSource;
  let facts: Facts;
  let edition: EmailEdition;
  let mail: ParsedMail;
  let raw: string;
  let pdf: Uint8Array;
  const from = 'Research Desk <research@example.com>';
  const to = ['clients@example.com', 'desk@example.org'];

  beforeAll(async () => {
    const loaded = loadNote();
    note = { ...loaded, config: { ...loaded.config, email: { ...loaded.config.email, pdfUrl: PDF_URL } } };
    const composed = await composeNote(note, loadMarket(undefined), AS_OF);
    facts = composed.facts;
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    pdf = await doc.save();
    edition = await buildEmail(browser(), { note, facts, figures: composed.figures, flags: { from, to }, pdf });
    raw = edition.eml.toString('latin1');
    mail = await simpleParser(edition.eml, { keepCidLinks: true });
  }, 120_000);

  const html = () => String(mail.html);

  it('sets subject, sender, recipients and a Date header equal to the as-of date', () => {
    expect(mail.subject).toBe(note.config.email.subject);
    expect(mail.from?.value[0]).toEqual({ name: 'Research Desk', address: 'research@example.com' });
    expect((Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address))).toEqual(to);
    expect(mail.date?.toISOString().slice(0, 10)).toBe(AS_OF);
    expect(mail.messageId).toMatch(new RegExp(`^<${note.name}\\.${AS_OF}\\.[0-9a-f]{16}@example\\.com>$`));
  });

  it('is multipart/alternative: the plain text first, then the HTML with its images in multipart/related', () => {
    const alt = raw.search(/Content-Type: multipart\/alternative/i);
    const plain = raw.search(/Content-Type: text\/plain/i);
    const related = raw.search(/Content-Type: multipart\/related/i);
    const htmlPart = raw.search(/Content-Type: text\/html/i);
    expect(alt).toBeGreaterThan(-1);
    expect(alt).toBeLessThan(plain);
    expect(plain).toBeLessThan(related);
    expect(related).toBeLessThan(htmlPart);
  });

  it('has a part for every cid: image of the HTML, and no image part the HTML does not show', () => {
    const cids = [...html().matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]);
    const inline = mail.attachments.filter((a) => a.contentType === 'image/png');
    expect(cids.length).toBe(Object.keys(edition.body.charts).length);
    expect(cids.length).toBeGreaterThan(0);
    expect(inline.map((a) => a.cid).sort()).toEqual([...cids].sort());
    for (const a of inline) expect(a.contentDisposition).toBe('inline');
  });

  it('shows every chart as a PNG at 2× the <img> width and height, with alt text', () => {
    const imgs = [...html().matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
    expect(imgs.length).toBeGreaterThan(0);
    for (const tag of imgs) {
      const cid = /src="cid:([^"]+)"/.exec(tag)?.[1];
      const width = Number(/\swidth="(\d+)"/.exec(tag)?.[1]);
      const height = Number(/\sheight="(\d+)"/.exec(tag)?.[1]);
      expect(/\salt="[^"]{10,}"/.test(tag), tag.slice(0, 120)).toBe(true);
      expect(width).toBeGreaterThan(0);
      expect(width).toBeLessThanOrEqual(CHART_WIDTH);
      const part = mail.attachments.find((a) => a.cid === cid);
      const png = readPng(part?.content as Buffer); // a real PNG: CRCs, image data and size all check out
      expect([png.width, png.height]).toEqual([width * 2, height * 2]);
    }
  });

  it('has no SVG and no external URL other than the PDF link', () => {
    const h = html();
    expect(h).not.toMatch(/<svg/i);
    const pdfUrl = PDF_URL.replace('{note}', note.name).replace('{asOf}', AS_OF);
    const urls = [...h.matchAll(/\b(?:src|href|background)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]);
    for (const u of urls) expect(u.startsWith('cid:') || u === pdfUrl, u).toBe(true);
    expect(urls).toContain(pdfUrl);
    expect(h).not.toMatch(/url\(\s*['"]?https?:/i);
    expect(h).not.toMatch(/@font-face|@import/i);
  });

  it('inlines the CSS: any <style> left holds only @media rules', () => {
    const h = html();
    expect(h).toMatch(/<h1 style="[^"]*font-size/);
    for (const [, css] of h.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
      let rest = css;
      // remove each @media { … } block (braces nest one level)
      rest = rest.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
      expect(rest.trim()).toBe('');
    }
  });

  it('lays the message out in a table 600–680 px wide', () => {
    const widths = [...html().matchAll(/<table\b[^>]*class="container"[^>]*>/g)].map((m) => Number(/\swidth="(\d+)"/.exec(m[0])?.[1]));
    expect(widths).toHaveLength(1);
    expect(widths[0]).toBeGreaterThanOrEqual(600);
    expect(widths[0]).toBeLessThanOrEqual(680);
  });

  it('opens with a hidden one-line preheader that carries the headline figure', () => {
    const body = html().slice(html().search(/<body/i));
    const pre = /<div class="preheader"[^>]*>([^<]*)<\/div>/.exec(body);
    expect(pre).not.toBeNull();
    expect(body.indexOf(pre?.[0] as string)).toBeLessThan(body.indexOf('<table'));
    expect(pre?.[0]).toMatch(/display:\s*none/);
    expect(pre?.[1]).not.toContain('\n');
    expect(pre?.[1]).toContain(signedPct(facts.lead.small.ytd.value as number));
  });

  it('puts the key figures in the HTML as text, not images', () => {
    const strip = /<table[^>]*class="kf-table"[\s\S]*?<\/table>/.exec(html())?.[0] ?? '';
    expect(strip).not.toMatch(/<img/);
    expect(strip).toContain(signedPct(facts.lead.small.ytd.value as number));
  });

  it('writes a plain text that stands on its own: title, date, key figures, every figure, sources', () => {
    const text = mail.text ?? '';
    expect(text).toBe(edition.body.text);
    expect(text).toContain(facts.note.title);
    expect(text).toContain('Data through Friday, 12 December 2025');
    const small = facts.lead.small;
    const large = facts.lead.large;
    expect(text).toContain(`${small.name}, YTD: ${signedPct(small.ytd.value as number)}`);
    expect(text).toContain(`${large.name} ${signedPct(large.ytd.value as number)}`);
    expect(text).toContain(`up ${Math.abs(small.ytd.value as number).toFixed(1)}% year to date`);
    const figs = [...text.matchAll(/^\[Figure (\d+): [^\]]+\]$/gm)].map((m) => Number(m[1]));
    expect(figs).toEqual(edition.body.charts.map((_, i) => i + 1));
    expect(text).toContain('(Chart: ');
    expect(text).toMatch(/Data and disclaimer\n-+\n/);
    expect(text).not.toMatch(/<(?!https?:)[a-z/!]/i); // no tags left (links read "text <url>")
    expect(text).not.toMatch(/&[a-z]+;|&#\d+;/i);
    for (const line of text.split('\n')) if (!/https?:\/\//.test(line)) expect(line.length).toBeLessThanOrEqual(72);
  });

  it('attaches the PDF intact when given one', () => {
    const att = mail.attachments.filter((a) => a.contentType === 'application/pdf');
    expect(att).toHaveLength(1);
    expect(att[0].filename).toBe(`${note.name}-${AS_OF}.pdf`);
    expect(Buffer.compare(att[0].content, Buffer.from(pdf))).toBe(0);
    expect(raw).toMatch(/Content-Type: multipart\/mixed/i);
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = await buildEmail(browser(), { note, facts, figures: (await composeNote(note, loadMarket(undefined), AS_OF)).figures, flags: { from, to }, pdf });
    expect(again.eml.equals(edition.eml)).toBe(true);
  }, 60_000);
});

describe('emailSettings', () => {
  const note = loadNote();
  it("takes note.yaml's email block, flags winning, and fills {note} and {asOf} in the PDF link", () => {
    const n = { ...note, config: { ...note.config, email: { from: 'a@x.com', to: ['b@x.com'], subject: 'S', pdfUrl: 'https://x.com/{note}/{asOf}.pdf' } } };
    expect(emailSettings(n, AS_OF)).toEqual({ from: 'a@x.com', to: ['b@x.com'], subject: 'S', pdfUrl: `https://x.com/${note.name}/${AS_OF}.pdf` });
    expect(emailSettings(n, AS_OF, { from: 'c@y.com', to: ['d@y.com'], subject: 'T' })).toMatchObject({ from: 'c@y.com', to: ['d@y.com'], subject: 'T' });
  });

  it('falls back to the note title for the subject and to no recipients', () => {
    const n = { ...note, config: { ...note.config, email: {} } };
    expect(emailSettings(n, AS_OF)).toEqual({ from: undefined, to: [], subject: note.config.title, pdfUrl: undefined });
  });
});

describe('renderEmail', () => {
  it('numbers the figures in document order, as the PDF does', async () => {
    const note = loadNote();
    const { facts, figures } = await composeNote(note, loadMarket(undefined), AS_OF);
    const body = renderEmail(facts, figures, note, emailSettings(note, AS_OF));
    const numbers = [...body.html.matchAll(/<span class="fig-no"[^>]*>Figure (\d+)\.<\/span>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(body.charts.map((_, i) => i + 1));
    expect(body.html).not.toContain('Figure #.');
    // without a pdfUrl there is no link at all
    expect(body.html).not.toMatch(/href=/);
  });

  it("applies the shared e-mail styles with a note's own email.css after them, adding to them rather than replacing them", async () => {
    const base = loadNote();
    const note: NoteSource = { ...base, emailCss: '.changes h3 { color: #123456; }\n.kicker { letter-spacing: 3px; }' };
    const { facts, figures } = await composeNote(note, loadMarket(undefined), AS_OF);
    const html = renderEmail(facts, figures, note, emailSettings(note, AS_OF)).html;
    // the shared sheet's dark mode and narrow-screen blocks stay in the <style> tag; the note's rules are inlined
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(html).toMatch(/@media only screen and \(max-width: 660px\)/);
    expect(html).toMatch(/<h3[^>]*style="[^"]*color: ?#123456/);
    expect(html).toMatch(/class="kicker"[^>]*style="[^"]*letter-spacing: ?3px/);
    // a shared rule the note does not touch is still inlined
    expect(html).toMatch(/class="dateline"[^>]*style="[^"]*font-size: ?13px/);
  });
});
