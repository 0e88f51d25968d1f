import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * Text widths in the chart font, from the advance widths of the bundled Source Sans 3 files, so Vega lays out
 * labels, legends and `fit` widths for the font the PDF really uses (without a canvas Vega guesses 0.8 em per
 * character, about 60 % too wide for this font).
 */

/** Advance width per code point, in em, of one weight. */
export type Advances = Map<number, number>;

const require = createRequire(import.meta.url);
const WEIGHTS = [400, 600, 700] as const;
const FALLBACK_EM = 0.5;
const cache = new Map<number, Advances>();

/**
 * Read the advance widths (em) of every mapped character of a WOFF 1.0 font: `head` unitsPerEm, `hhea`
 * numberOfHMetrics, `hmtx` advances and a `cmap` format 4 (or 12) subtable.
 * @example woffAdvances(readFileSync('source-sans-3-latin-400-normal.woff')).get(0x30) //=> 0.497 (the digit 0)
 */
export function woffAdvances(woff: Uint8Array): Advances {
  const buf = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (buf.toString('latin1', 0, 4) !== 'wOFF') throw new TypeError('not a WOFF 1.0 font (no wOFF signature)');
  const tables = new Map<string, Buffer>();
  const numTables = buf.readUInt16BE(12);
  for (let i = 0; i < numTables; i++) {
    const e = 44 + 20 * i;
    const tag = buf.toString('latin1', e, e + 4);
    const offset = buf.readUInt32BE(e + 4);
    const compLength = buf.readUInt32BE(e + 8);
    const origLength = buf.readUInt32BE(e + 12);
    const raw = buf.subarray(offset, offset + compLength);
    tables.set(tag, compLength < origLength ? inflateSync(raw) : raw);
  }
  const need = (tag: string): Buffer => {
    const t = tables.get(tag);
    if (!t) throw new TypeError(`font has no ${tag} table`);
    return t;
  };
  const upem = need('head').readUInt16BE(18);
  const nh = need('hhea').readUInt16BE(34);
  const hmtx = need('hmtx');
  const advance = (glyph: number): number => hmtx.readUInt16BE(4 * Math.min(glyph, nh - 1)) / upem;
  const out: Advances = new Map();
  for (const [cp, glyph] of cmapEntries(need('cmap'))) if (glyph > 0) out.set(cp, advance(glyph));
  return out;
}

/** (code point, glyph id) pairs of the best Unicode subtable: format 12 if present, else format 4. */
function cmapEntries(cmap: Buffer): [number, number][] {
  const n = cmap.readUInt16BE(2);
  const subtables: { format: number; offset: number }[] = [];
  for (let i = 0; i < n; i++) {
    const platform = cmap.readUInt16BE(4 + 8 * i);
    const encoding = cmap.readUInt16BE(6 + 8 * i);
    const offset = cmap.readUInt32BE(8 + 8 * i);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) subtables.push({ format: cmap.readUInt16BE(offset), offset });
  }
  const best = subtables.find((s) => s.format === 12) ?? subtables.find((s) => s.format === 4);
  if (!best) throw new TypeError('font has no Unicode cmap subtable (format 4 or 12)');
  const out: [number, number][] = [];
  const o = best.offset;
  if (best.format === 12) {
    const groups = cmap.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const start = cmap.readUInt32BE(o + 16 + 12 * g);
      const end = cmap.readUInt32BE(o + 20 + 12 * g);
      const glyph = cmap.readUInt32BE(o + 24 + 12 * g);
      for (let c = start; c <= end; c++) out.push([c, glyph + c - start]);
    }
    return out;
  }
  const segs = cmap.readUInt16BE(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const ranges = deltas + 2 * segs;
  for (let s = 0; s < segs; s++) {
    const end = cmap.readUInt16BE(ends + 2 * s);
    const start = cmap.readUInt16BE(starts + 2 * s);
    const delta = cmap.readInt16BE(deltas + 2 * s);
    const rangeOffset = cmap.readUInt16BE(ranges + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = ranges + 2 * s + rangeOffset + 2 * (c - start);
        glyph = cmap.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      out.push([c, glyph]);
    }
  }
  return out;
}

/** The advances of the bundled face closest to `weight` (400, 600 or 700), read once. */
export function fontAdvances(weight: number): Advances {
  const w = WEIGHTS.reduce((best, x) => (Math.abs(x - weight) < Math.abs(best - weight) ? x : best), 400 as number);
  let a = cache.get(w);
  if (!a) {
    const dir = join(dirname(require.resolve('@fontsource/source-sans-3/package.json')), 'files');
    a = woffAdvances(readFileSync(join(dir, `source-sans-3-latin-${w}-normal.woff`)));
    cache.set(w, a);
  }
  return a;
}

/**
 * Width in px of `text` set in the chart font at `fontSize` px and `fontWeight` (no kerning: within a pixel or
 * two on a label). Characters outside the font count half an em.
 * @example textWidth('10', 10) //=> 9.94
 */
export function textWidth(text: string, fontSize: number, fontWeight: number | string = 400): number {
  const weight = fontWeight === 'bold' ? 700 : fontWeight === 'normal' ? 400 : Number(fontWeight) || 400;
  const adv = fontAdvances(weight);
  let em = 0;
  for (const ch of text) em += adv.get(ch.codePointAt(0) as number) ?? FALLBACK_EM;
  return em * fontSize;
}
