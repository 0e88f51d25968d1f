import { describe, expect, it } from 'vitest';
import { cssLengthPx, FLOW_DEFAULTS, pageBox, pageCount, planFigureMove, worstFootGap, type FlowBlock } from '../../src/render/page-flow.js';

// Hand-made layouts on a page 1000 px high: blocks as (page, top, bottom), margins in px.
const H = 1000;
const text = (page: number, top: number, bottom: number, lines?: FlowBlock['lines']): FlowBlock => ({ kind: 'text', parts: [{ page, top, bottom }], marginTop: 0, marginBottom: 10, ...(lines ? { lines } : {}) });
const heading = (page: number, top: number, bottom: number): FlowBlock => ({ kind: 'heading', parts: [{ page, top, bottom }], marginTop: 30, marginBottom: 5 });
const figure = (page: number, top: number, bottom: number): FlowBlock => ({ kind: 'figure', parts: [{ page, top, bottom }], marginTop: 15, marginBottom: 20 });
const fixed = (page: number, top: number, bottom: number): FlowBlock => ({ kind: 'fixed', parts: [{ page, top, bottom }], marginTop: 30, marginBottom: 0 });

describe('planFigureMove', () => {
  it('moves a figure pushed to the next page past the text after it that fits into the gap it left', () => {
    // page 0 ends at 700 (gap 300); the figure starts page 1; two paragraphs of 100 px follow
    const blocks = [text(0, 0, 700), figure(1, 0, 400), text(1, 420, 520), text(1, 530, 630)];
    // 700 + max(10, 0) + 100 = 810, + 10 + 100 = 920 ≤ 1000 − 4: both fit
    expect(planFigureMove(blocks, H)).toEqual({ figure: 1, after: 3, figures: [1], gap: 300 });
  });

  it('stops the run where the next block would not fit', () => {
    const blocks = [text(0, 0, 700), figure(1, 0, 400), text(1, 420, 520), text(1, 530, 730)];
    // the second paragraph (200 px, no line data: cannot split) would end at 1020
    expect(planFigureMove(blocks, H)?.after).toBe(2);
  });

  it('leaves a gap smaller than minGap of the page alone', () => {
    const blocks = [text(0, 0, 890), figure(1, 0, 400), text(1, 420, 460)];
    expect(planFigureMove(blocks, H)).toBeNull(); // 110 px < 12% of 1000
    expect(planFigureMove(blocks, H, { ...FLOW_DEFAULTS, minGap: 0.1 })?.after).toBe(2);
  });

  it('leaves a figure that does not start its page alone (nothing pushed it)', () => {
    const blocks = [text(0, 0, 700), text(1, 0, 100), figure(1, 115, 400), text(1, 420, 460)];
    expect(planFigureMove(blocks, H)).toBeNull();
  });

  it('never ends the run on a heading: a heading stays with what follows it', () => {
    // the heading fits (700 + 30 + 20 = 750), its paragraph (300 px) does not and cannot split
    const blocks = [text(0, 0, 700), figure(1, 0, 400), heading(1, 430, 450), text(1, 455, 755)];
    expect(planFigureMove(blocks, H)).toBeNull();
  });

  it('ends the run on a paragraph split over the page break when its orphans and widows fit', () => {
    const lines = { height: 20, orphans: 3, widows: 3 };
    // 10 lines (200 px) from 710: room 1000 − 4 − 710 = 286 px → all would fit; make it 20 lines (400 px): 14 fit, 20 ≥ 3 + 3
    const blocks = [text(0, 0, 700), figure(1, 0, 400), text(1, 420, 820, lines)];
    expect(planFigureMove(blocks, H)?.after).toBe(2);
    // five lines cannot keep three at the foot and three at the top
    const short = [text(0, 0, 700), figure(1, 0, 400), text(1, 420, 520, { height: 20, orphans: 3, widows: 3 }), text(1, 530, 1000)];
    expect(planFigureMove(short, H)?.after).toBe(2); // the short one fits whole; the 470 px block does not and has no lines
    // a paragraph whose orphans do not fit in the room left stays after the figure
    const tight = [text(0, 0, 940), figure(1, 0, 400), text(1, 420, 820, lines)];
    expect(planFigureMove(tight, H, { ...FLOW_DEFAULTS, minGap: 0.05 })).toBeNull(); // room 1000 − 4 − 950 = 46 px: 2 lines < 3
  });

  it('takes a figure met in the run along, in order, after the run', () => {
    const blocks = [text(0, 0, 650), figure(1, 0, 300), text(1, 320, 380), figure(1, 400, 700), heading(1, 730, 750), text(1, 755, 855)];
    // text 60 + heading 20 + text 100 and their margins: 650 + 10 + 60 + 30 + 20 + 5 + 100 = 875 ≤ 996
    expect(planFigureMove(blocks, H)).toEqual({ figure: 1, after: 5, figures: [1, 3], gap: 350 });
  });

  it('never moves a figure past a fixed block (the closing section)', () => {
    const blocks = [text(0, 0, 700), figure(1, 0, 400), fixed(1, 430, 600)];
    expect(planFigureMove(blocks, H)).toBeNull();
  });

  it('skips figures already tried', () => {
    const blocks = [text(0, 0, 700), figure(1, 0, 400), text(1, 420, 520)];
    expect(planFigureMove(blocks, H, FLOW_DEFAULTS, new Set([1]))).toBeNull();
  });

  it('counts the pages the blocks reach', () => {
    expect(pageCount([text(0, 0, 700), figure(2, 0, 400)])).toBe(3);
    expect(pageCount([])).toBe(1);
  });
});

describe('pageBox', () => {
  it('is the paper as the print call sets it less the margins, in CSS px', () => {
    expect(cssLengthPx('1in')).toBe(96);
    expect(cssLengthPx('25.4mm')).toBeCloseTo(96, 9);
    expect(cssLengthPx('2.54cm')).toBeCloseTo(96, 9);
    expect(cssLengthPx('40px')).toBe(40);
    expect(() => cssLengthPx('1em')).toThrow(/not a page length/);
    // Letter 8.5 × 11 in with 1 in margins: 6.5 × 9 in
    expect(pageBox('Letter', { top: '1in', bottom: '1in', left: '1in', right: '1in' })).toEqual({ width: 624, height: 864 });
    // A4 as puppeteer prints it: 8.27 × 11.7 in
    const a4 = pageBox('A4', { top: '0mm', bottom: '0mm', left: '0mm', right: '0mm' });
    expect(a4.width).toBeCloseTo(793.92, 6);
    expect(a4.height).toBeCloseTo(1123.2, 6);
  });
});

describe('worstFootGap', () => {
  it('is the largest empty space at the foot of a page before the last', () => {
    // page 0 ends at 700, page 1 at 950, page 2 (the last) at 100: its space does not count
    expect(worstFootGap([text(0, 0, 700), figure(1, 0, 300), text(1, 310, 950), text(2, 0, 100)], 1000)).toBe(300);
    expect(worstFootGap([text(0, 0, 990), text(1, 0, 200)], 1000)).toBe(10);
  });

  it('counts a page no block reaches as wholly empty, and a one-page note as having no gap', () => {
    expect(worstFootGap([text(0, 0, 900), text(2, 0, 100)], 1000)).toBe(1000);
    expect(worstFootGap([text(0, 0, 300)], 1000)).toBe(0);
  });
});

