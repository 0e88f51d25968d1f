import type { BrowserSession } from '../render/browser.js';
import { fontFaceCss } from '../render/fonts.js';
import sharp from 'sharp';
import { FONT } from '../charts/theme.js';

/** A chart to rasterise: its SVG and the size (CSS px) it is shown at. */
export interface ChartToRaster {
  id: string;
  svg: string;
  width: number;
  height: number;
}

/** A rasterised chart: `png` has `scale` × the CSS size in pixels (2× for sharp text on high-density screens). */
export interface ChartImage {
  id: string;
  /** Display size in CSS px: the `<img>` width and height attributes. */
  width: number;
  height: number;
  png: Buffer;
}

export interface RasterizeOptions {
  /** Device pixels per CSS px; 2 by default. */
  scale?: number;
  /** Tallest stack of charts (CSS px) laid out on the page at once; taller sets are done in several rounds. */
  maxStackHeight?: number;
}

/**
 * The size an SVG chart is shown at: its own width/height (or viewBox), scaled down to fit `maxWidth`, in whole
 * CSS pixels.
 * @example chartBox('<svg width="740" height="255" viewBox="0 0 740 255">', 600) //=> { width: 600, height: 207 }
 */
export function chartBox(svg: string, maxWidth: number): { width: number; height: number } {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!root) throw new Error('chartBox: no <svg> element');
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
  let w = Number.parseFloat(attr('width') ?? '');
  let h = Number.parseFloat(attr('height') ?? '');
  if (!(w > 0 && h > 0)) {
    const vb = (attr('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
    [w, h] = [vb[2], vb[3]];
  }
  if (!(w > 0 && h > 0)) throw new Error('chartBox: the <svg> has neither width/height nor a viewBox');
  const width = Math.min(Math.round(w), maxWidth);
  return { width, height: Math.round((h * width) / w) };
}

/** Split charts into stacks no taller than `max` (a chart taller than that gets a stack of its own). */
function stacks(charts: ChartToRaster[], max: number): ChartToRaster[][] {
  const out: ChartToRaster[][] = [];
  let cur: ChartToRaster[] = [];
  let height = 0;
  for (const c of charts) {
    if (cur.length && height + c.height > max) {
      out.push(cur);
      cur = [];
      height = 0;
    }
    cur.push(c);
    height += c.height + GAP;
  }
  if (cur.length) out.push(cur);
  return out;
}

const GAP = 4;

/**
 * Width and height of a PNG from its IHDR chunk; null when the bytes are not a PNG.
 * @example pngSize(readFileSync('chart.png')) //=> { width: 1200, height: 414 }
 */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.readUInt32BE(4) !== 0x0d0a1a0a || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The page: every chart in its own box at a known position, stacked top to bottom. */
function stackPage(charts: ChartToRaster[]): { html: string; tops: number[]; width: number; height: number } {
  const tops: number[] = [];
  let y = 0;
  const boxes = charts.map((c) => {
    tops.push(y);
    // the box is the chart's size rounded to whole pixels: stretch the drawing to it (by under a pixel) rather than
    // leave a hairline of background at one edge
    const svg = c.svg
      .replace(/^\s*<\?xml[^>]*>\s*/, '')
      .replace(/<svg\b[^>]*>/, (root) => root.replace(/\spreserveAspectRatio="[^"]*"/, '').replace(/^<svg/, '<svg preserveAspectRatio="none"'));
    const box = `<div class="c" style="top:${y}px;width:${c.width}px;height:${c.height}px">${svg}</div>`;
    y += c.height + GAP;
    return box;
  });
  // Vega writes font-family="Source Sans 3" unquoted, which CSS cannot parse (a family name may not start with a
  // digit), so chart text inherits the page's font: give the page the note's font, as note.css does for the PDF.
  const css = `${fontFaceCss()}
html,body{margin:0;padding:0;background:#fff;font-family:'${FONT}',sans-serif}
.c{position:absolute;left:0;overflow:hidden;background:#fff}
.c>svg{display:block;width:100%;height:100%}`;
  const width = Math.max(...charts.map((c) => c.width));
  return { html: `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${boxes.join('')}</body></html>`, tops, width, height: Math.max(1, y) };
}

/** Palette PNG settings (libimagequant through sharp): see cutPalettePngs. */
const PALETTE = { palette: true, quality: 80, dither: 0, effort: 1, compressionLevel: 9 } as const;

/**
 * Cut one screenshot into one palette PNG per rectangle (sharp: the screenshot is decoded once, each rectangle
 * extracted and quantised). Charts are a few flat colours plus anti-aliased edges, which a palette holds without
 * visible loss at a third to a quarter of the bytes. No alpha: a chart keeps its white ground, so it stays readable
 * on a dark e-mail background.
 * @example await cutPalettePngs(shot, [{ x: 0, y: 0, width: 1200, height: 394 }]) //=> [<Buffer 89 50 4e 47 …>]
 */
export async function cutPalettePngs(png: Uint8Array, rects: { x: number; y: number; width: number; height: number }[]): Promise<Buffer[]> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  return Promise.all(rects.map((r) => sharp(data, { raw }).extract({ left: r.x, top: r.y, width: r.width, height: r.height }).png(PALETTE).toBuffer()));
}

/**
 * Rasterise SVG charts to PNG in one browser page: the charts are laid out one under the other, the page is
 * captured once at `scale` device pixels per CSS px, and that screenshot is cut into one palette PNG per chart
 * (cutPalettePngs). One paint and one capture for all charts instead of one per chart. The page is the session's
 * spare page (`borrowPage`: kept open between e-mails), with JavaScript off and the network blocked.
 * @example (await rasterizeCharts(session, [{ id: 'ytd', svg, width: 600, height: 197 }]))[0].png //=> a 1200 × 394 PNG
 */
export async function rasterizeCharts(session: BrowserSession, charts: ChartToRaster[], options: RasterizeOptions = {}): Promise<ChartImage[]> {
  const scale = options.scale ?? 2;
  if (charts.length === 0) return [];
  const { page, done } = await session.borrowPage();
  let ok = false;
  try {
    const out: ChartImage[] = [];
    for (const stack of stacks(charts, options.maxStackHeight ?? 4000)) {
      const { html, tops, width, height } = stackPage(stack);
      await page.setViewport({ width, height, deviceScaleFactor: scale });
      await page.setContent(html, { waitUntil: 'load' });
      const shot = await page.screenshot({ type: 'png', optimizeForSpeed: true, captureBeyondViewport: false });
      const pngs = await cutPalettePngs(
        shot,
        stack.map((c, i) => ({ x: 0, y: tops[i] * scale, width: c.width * scale, height: c.height * scale })),
      );
      stack.forEach((c, i) => {
        const size = pngSize(pngs[i]);
        if (size?.width !== Math.round(c.width * scale) || size.height !== Math.round(c.height * scale)) {
          throw new Error(`rasterizeCharts: chart ${c.id} came out ${size ? `${size.width}×${size.height}` : 'not as a PNG'}, expected ${c.width * scale}×${c.height * scale}`);
        }
        out.push({ id: c.id, width: c.width, height: c.height, png: pngs[i] });
      });
    }
    ok = true;
    return out;
  } finally {
    done(ok);
  }
}
