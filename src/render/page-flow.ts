/**
 * Page flow: a figure that does not fit at the bottom of a page moves to the top of the next one, and the running
 * text that follows it flows up into the space it would have left empty (the way a typesetter floats a figure).
 *
 * Chromium has no page floats and printing runs no page scripts, so the order is decided before the print, from
 * measured block heights:
 *
 *   1. measure: the loaded note is laid out once more as columns exactly one page's text block high
 *      (`column-fill: auto`), which puts every block where the print's pages would (the same fragmentation rules:
 *      figures and boxes unbroken, a heading kept with what follows, orphans and widows); each block reports its
 *      fragments as (page, top, bottom);
 *   2. plan ({@link planFigureMove}, a pure function): the first figure that starts a page below a gap of at
 *      least `minGap` of the page, and the longest run of the text blocks after it that fits into that gap
 *      (never ending on a heading, never passing another figure or a block outside the note's body);
 *   3. move that figure after the run, measure again and keep the move only when the figure still starts the same
 *      page, the note has no more pages than before and no page is left emptier than the emptiest one was
 *      ({@link worstFootGap}); then the next figure.
 *
 * The same HTML, fonts and Chromium give the same measurements, so the same PDF. Figures keep their order (a
 * figure never passes another), so their numbers do not change; caption, chart and source line move together.
 * The standalone HTML page keeps the source order: a screen has no pages. Measuring costs one layout per step
 * (~10 ms for a five-page note); a note whose figures all fit is measured once.
 */
import type { Page } from 'puppeteer-core';

/** How a block may move: a figure floats; running text may flow past it; a heading stays with what follows; a fixed block stops a float. */
export type FlowKind = 'figure' | 'text' | 'heading' | 'fixed';

/** One fragment of a block on a page: the page (0 = first) and its top and bottom within the page's text block, CSS px. */
export interface FlowPart {
  page: number;
  top: number;
  bottom: number;
}

/** A block of the page flow, in document order. */
export interface FlowBlock {
  kind: FlowKind;
  parts: FlowPart[];
  marginTop: number;
  marginBottom: number;
  /** Running text: its line height (px) and the lines it keeps together at the foot and at the top of a page (CSS orphans and widows). */
  lines?: { height: number; orphans: number; widows: number };
}

/**
 * Figures to move: block `figure`, and any figure between it and block `after`, go right after block `after` (in
 * their order), so the text blocks up to `after` fill a gap of `gap` px on the page before.
 */
export interface FigureMove {
  figure: number;
  after: number;
  /** Every figure that moves, `figure` first, in document order. */
  figures: number[];
  gap: number;
}

export interface FlowOptions {
  /** Smallest empty space at the foot of a page worth filling, as a share of the page's text block (default 0.12). */
  minGap: number;
  /** Space kept free when filling a gap, px (default 4): measuring rounds, margins collapse. */
  slack: number;
}

export const FLOW_DEFAULTS: FlowOptions = { minGap: 0.12, slack: 4 };

/** The text block of a printed page in CSS px: the paper less its margins. */
export interface PageBox {
  width: number;
  height: number;
}

/** Paper sizes in CSS px as the print call sets them (puppeteer's formats: A4 is 8.27 × 11.7 in, Letter 8.5 × 11 in). */
const PAPER_PX: Record<'A4' | 'Letter', [number, number]> = { A4: [8.27 * 96, 11.7 * 96], Letter: [8.5 * 96, 11 * 96] };
const PX_PER: Record<string, number> = { mm: 96 / 25.4, cm: 96 / 2.54, in: 96, px: 1 };

/** A CSS length of the page setup (`18mm`, `1cm`, `0.75in`, `40px`) in CSS px. */
export function cssLengthPx(length: string): number {
  const m = /^(\d+(?:\.\d+)?)(mm|cm|in|px)$/.exec(length.trim());
  if (!m) throw new TypeError(`not a page length: ${length}`);
  return Number(m[1]) * PX_PER[m[2]];
}

/** The text block of `paper` within `margins`. */
export function pageBox(paper: 'A4' | 'Letter', margins: { top: string; bottom: string; left: string; right: string }): PageBox {
  const [w, h] = PAPER_PX[paper];
  return { width: w - cssLengthPx(margins.left) - cssLengthPx(margins.right), height: h - cssLengthPx(margins.top) - cssLengthPx(margins.bottom) };
}

/** Bottom of the content on `page`, from the blocks before `before` (null when none of them reaches that page). */
function contentBottom(blocks: readonly FlowBlock[], before: number, page: number): number | null {
  let bottom: number | null = null;
  for (let k = 0; k < before; k++) for (const p of blocks[k].parts) if (p.page === page) bottom = Math.max(bottom ?? 0, p.bottom);
  return bottom;
}

/** Whether a paragraph laid out from the foot of a page with `room` px left splits there with orphans and widows kept. */
function splits(b: FlowBlock, lines: NonNullable<FlowBlock['lines']>, room: number): boolean {
  const total = Math.round(height(b) / lines.height);
  const fit = Math.floor(room / lines.height);
  // Chromium puts min(fit, total − widows) lines on the first page: at least `orphans` of them must fit
  return fit >= lines.orphans && total >= lines.orphans + lines.widows;
}

const height = (b: FlowBlock): number => b.parts.reduce((s, p) => s + p.bottom - p.top, 0);

/**
 * The first figure worth moving, and how far: a figure that starts page p + 1 at its top while page p ends in an
 * empty space of at least `minGap` of the page, moved past the longest run of the text blocks after it whose
 * heights (and the margins between them) fit in that space, the last one perhaps split over the page break (its
 * orphans and widows kept); a figure met in that run moves along, after the run.
 * `skip` holds figures already tried.
 * @example planFigureMove([text(0, 0, 700), fig(1, 0, 300), text(1, 310, 400)], 1000) //=> { figure: 1, after: 2, gap: 300 }
 */
export function planFigureMove(blocks: readonly FlowBlock[], pageHeight: number, options: FlowOptions = FLOW_DEFAULTS, skip: ReadonlySet<number> = new Set()): FigureMove | null {
  for (let i = 1; i < blocks.length; i++) {
    const f = blocks[i];
    if (f.kind !== 'figure' || skip.has(i) || f.parts.length === 0) continue;
    const first = f.parts[0];
    // only a figure pushed to the top of a page by the lack of room above it leaves a gap behind it
    if (first.page === 0 || first.top > 1) continue;
    const bottom = contentBottom(blocks, i, first.page - 1);
    if (bottom === null) continue;
    const gap = pageHeight - bottom;
    if (gap < options.minGap * pageHeight) continue;
    let y = bottom;
    let marginAbove = blocks[i - 1].marginBottom;
    let after = -1;
    // figures met on the way go along with this one (they keep their order); the text between them fills the gap
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j];
      if (b.kind === 'fixed') break;
      if (b.kind === 'figure') continue;
      const top = y + Math.max(marginAbove, b.marginTop);
      y = top + height(b);
      if (y > pageHeight - options.slack) {
        // a paragraph may end the run split over the page break when enough of its lines fit on each side
        if (b.kind === 'text' && b.lines && splits(b, b.lines, pageHeight - options.slack - top)) after = j;
        break;
      }
      if (b.kind === 'text') after = j;
      marginAbove = b.marginBottom;
    }
    if (after > i) {
      const figures = [i];
      for (let j = i + 1; j < after; j++) if (blocks[j].kind === 'figure') figures.push(j);
      return { figure: i, after, figures, gap };
    }
  }
  return null;
}

/** Pages the blocks reach. */
export const pageCount = (blocks: readonly FlowBlock[]): number => 1 + Math.max(0, ...blocks.flatMap((b) => b.parts.map((p) => p.page)));

/**
 * The largest empty space at the foot of a page before the last, px (a page the blocks do not reach counts whole).
 * @example worstFootGap([text(0, 0, 700), figure(1, 0, 300), text(1, 310, 400)], 1000) //=> 300
 */
export function worstFootGap(blocks: readonly FlowBlock[], pageHeight: number): number {
  let worst = 0;
  for (let p = 0; p < pageCount(blocks) - 1; p++) worst = Math.max(worst, pageHeight - (contentBottom(blocks, blocks.length, p) ?? 0));
  return worst;
}

/**
 * Lay the page's body out as one-page-high columns and report its flow blocks. Run by the protocol in the page
 * (the page's own scripts stay off). Containers (main, section, article, div that may break) are walked into;
 * every other element is a block: `figure` floats, h1–h6 and `break-after: avoid` blocks are headings, blocks
 * directly under body (title block, key figures, closing) are fixed, the rest is running text. An element of
 * class `float-barrier` (a conclusion no figure should interrupt) is one text block: a figure may move past it
 * whole (it may start in the gap and end on the next page, as a paragraph), never into it. Each block gets a
 * `data-flow` index for {@link moveFigure}.
 */
export async function measureFlow(page: Page, box: PageBox): Promise<FlowBlock[]> {
  return page.evaluate(
    (width: number, height: number) => {
      const style = document.createElement('style');
      style.textContent = `body{column-width:${width}px;column-gap:0;column-fill:auto;width:${width}px;height:${height}px;max-width:none;margin:0;padding:0}`;
      document.head.appendChild(style);
      // the indexes are this function's own: an attribute of the same name written by a template is dropped
      for (const el of Array.from(document.querySelectorAll('[data-flow]'))) el.removeAttribute('data-flow');
      try {
        const blocks: { kind: 'figure' | 'text' | 'heading' | 'fixed'; parts: { page: number; top: number; bottom: number }[]; marginTop: number; marginBottom: number }[] = [];
        const containers = new Set(['MAIN', 'SECTION', 'ARTICLE', 'DIV']);
        const visit = (parent: Element, depth: number) => {
          for (const el of Array.from(parent.children)) {
            const cs = getComputedStyle(el);
            if (cs.display === 'none' || el.tagName === 'STYLE' || el.tagName === 'SCRIPT' || el.tagName === 'TEMPLATE') continue;
            const avoid = cs.breakInside === 'avoid' || cs.breakInside === 'avoid-page';
            // a float barrier is one block: a figure may move past all of it, never into it
            const barrier = el.classList.contains('float-barrier');
            if (containers.has(el.tagName) && !avoid && !barrier && cs.display === 'block' && el.children.length > 0) {
              visit(el, depth + 1);
              continue;
            }
            // a barrier that holds a figure is fixed: passing it would change the figures' order
            const kind =
              depth === 0 || (barrier && el.querySelector('figure')) ? 'fixed' : el.tagName === 'FIGURE' ? 'figure' : /^H[1-6]$/.test(el.tagName) || cs.breakAfter === 'avoid' ? 'heading' : 'text';
            (el as HTMLElement).dataset.flow = String(blocks.length);
            const parts = Array.from(el.getClientRects())
              .filter((r) => r.height > 0)
              .map((r) => ({ page: Math.floor((r.left + 1) / width), top: r.top, bottom: r.bottom }));
            const lineHeight = parseFloat(cs.lineHeight) || 1.2 * parseFloat(cs.fontSize);
            // a paragraph of text only (no nested blocks) splits line by line; a list or a box is treated as unbreakable
            // (a float barrier splits like the paragraphs it holds, so a figure can follow it when it starts in the gap)
            const plain = (el.tagName === 'P' || barrier) && lineHeight > 0;
            blocks.push({
              kind,
              parts,
              marginTop: parseFloat(cs.marginTop) || 0,
              marginBottom: parseFloat(cs.marginBottom) || 0,
              ...(plain ? { lines: { height: lineHeight, orphans: Number(cs.orphans) || 2, widows: Number(cs.widows) || 2 } } : {}),
            });
          }
        };
        visit(document.body, 0);
        return blocks;
      } finally {
        style.remove();
      }
    },
    box.width,
    box.height,
  );
}

/** Move the figures of `move` to right after block `after` (forward), or put them back where they were. */
async function moveFigures(page: Page, move: FigureMove, forward: boolean): Promise<void> {
  await page.evaluate(
    (figures: number[], after: number, forward: boolean) => {
      type Movable = Element & { flowHome?: [Node, Node | null] };
      const els = figures.map((k) => document.querySelector(`[data-flow="${k}"]`) as Movable);
      if (forward) {
        for (const el of els) el.flowHome = [el.parentNode!, el.nextSibling];
        let at = document.querySelector(`[data-flow="${after}"]`)!;
        for (const el of els) {
          at.after(el);
          at = el;
        }
      } else for (const el of els.reverse()) if (el.flowHome) el.flowHome[0].insertBefore(el, el.flowHome[1]);
    },
    move.figures,
    move.after,
    forward,
  );
}

/**
 * Reorder the figures of the note loaded in `page` so none leaves a gap that the text after it could fill (see the
 * module comment). Returns the moves kept, in order. Call after `setHtml` and before `printPdf`.
 */
export async function flowFigures(page: Page, box: PageBox, options: FlowOptions = FLOW_DEFAULTS): Promise<FigureMove[]> {
  const kept: FigureMove[] = [];
  const tried = new Set<number>();
  let blocks = await measureFlow(page, box);
  for (let step = 0; step < 16; step++) {
    const move = planFigureMove(blocks, box.height, options, tried);
    if (!move) break;
    tried.add(move.figure);
    await moveFigures(page, move, true);
    const after = await measureFlow(page, box); // renumbers the blocks in their new order
    // the run's blocks moved up, the figures took the run's last places: the first figure is now at `first`
    const first = move.after - move.figures.length + 1;
    const was = blocks[move.figure].parts[0];
    const now = after[first]?.parts[0];
    // kept when the figure still starts its page, the note has no more pages, and no page is left emptier, in this
    // measure, than the emptiest one was (text moved up can open a larger gap further on). The measure can differ
    // from the print by a line or two at a page's foot, so the print may still show a slightly emptier page.
    if (now && now.page <= was.page && pageCount(after) <= pageCount(blocks) && worstFootGap(after, box.height) <= worstFootGap(blocks, box.height) + 1) {
      kept.push(move);
      blocks = after;
      for (let k = first; k <= move.after; k++) tried.add(k);
    } else {
      await moveFigures(page, { ...move, figures: move.figures.map((_, k) => first + k) }, false);
      blocks = await measureFlow(page, box);
    }
  }
  return kept;
}
