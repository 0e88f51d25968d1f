import { promisify } from 'node:util';
import { crc32, deflate, inflateSync } from 'node:zlib';

/**
 * Cut rectangles out of one PNG, each as a PNG of its own: how one screenshot of a page of charts becomes one PNG
 * per chart. Made for Chromium's screenshots (8-bit grey/RGB/RGBA, not interlaced). When every row uses the "Up"
 * filter (Chromium's fast encoder does), no pixel is decoded: a crop keeps the source's filtered bytes and only
 * its first row is rebuilt as plain values.
 */

/** A rectangle in pixels of the source image. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
const deflateAsync = promisify(deflate);

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, body, tail]);
}

interface Parsed {
  width: number;
  height: number;
  bpp: number;
  ihdr: Buffer;
  /** Chunks to copy into every crop (colour space, density), IDAT excluded. */
  extra: Buffer[];
  /** Inflated image data: per row one filter byte, then the row. */
  raw: Buffer;
}

function parse(data: Uint8Array): Parsed {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (!b.subarray(0, 8).equals(SIGNATURE)) throw new Error('cropPng: not a PNG');
  let pos = 8;
  let ihdr: Buffer | undefined;
  const extra: Buffer[] = [];
  const idat: Buffer[] = [];
  while (pos + 12 <= b.length) {
    const len = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    const body = b.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') ihdr = Buffer.from(body);
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    else if (['sRGB', 'gAMA', 'cHRM', 'iCCP', 'pHYs'].includes(type)) extra.push(Buffer.from(b.subarray(pos, pos + 12 + len)));
    pos += 12 + len;
  }
  if (!ihdr) throw new Error('cropPng: no IHDR chunk');
  const [depth, colour, interlace] = [ihdr[8], ihdr[9], ihdr[12]];
  const bpp = CHANNELS[colour];
  if (depth !== 8 || !bpp || interlace !== 0) throw new Error(`cropPng: unsupported PNG (bit depth ${depth}, colour type ${colour}, interlace ${interlace})`);
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length < height * (width * bpp + 1)) throw new Error('cropPng: image data is truncated');
  return { width, height, bpp, ihdr, extra, raw };
}

/** Undo one row's filter in place (`cur` holds the filtered row, `prev` the row above, already decoded). */
function unfilterRow(filter: number, cur: Uint8Array, prev: Uint8Array, bpp: number): void {
  const n = cur.length;
  if (filter === 1) for (let i = bpp; i < n; i++) cur[i] = (cur[i] + cur[i - bpp]) & 255;
  else if (filter === 2) for (let i = 0; i < n; i++) cur[i] = (cur[i] + prev[i]) & 255;
  else if (filter === 3) for (let i = 0; i < n; i++) cur[i] = (cur[i] + (((i >= bpp ? cur[i - bpp] : 0) + prev[i]) >> 1)) & 255;
  else if (filter === 4) {
    for (let i = 0; i < n; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      cur[i] = (cur[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
    }
  } else if (filter !== 0) throw new Error(`cropPng: bad filter type ${filter}`);
}

/** `acc += row`, byte by byte mod 256, four bytes at a time. */
function addRow(acc: Uint32Array, row: Uint32Array): void {
  for (let i = 0; i < acc.length; i++) {
    const a = acc[i];
    const b = row[i];
    acc[i] = ((a & 0x7f7f7f7f) + (b & 0x7f7f7f7f)) ^ ((a ^ b) & 0x80808080);
  }
}

/**
 * Every rectangle of `png` as its own PNG (same colour type and colour chunks), rows "Up"-filtered and deflated
 * in parallel. Rectangles are clamped to the image; same input → same bytes.
 * @example const [a, b] = await cropPng(shot, [{ x: 0, y: 0, width: 1200, height: 430 }, { x: 0, y: 438, width: 1200, height: 850 }])
 */
export async function cropPng(png: Uint8Array, rects: PixelRect[], level = 6): Promise<Buffer[]> {
  const { width, height, bpp, ihdr, extra, raw } = parse(png);
  const stride = width * bpp;
  const clamp = (r: PixelRect) => {
    const x = Math.max(0, Math.min(width, Math.round(r.x)));
    const y = Math.max(0, Math.min(height, Math.round(r.y)));
    return { x, y, w: Math.max(0, Math.min(width - x, Math.round(r.width))), h: Math.max(0, Math.min(height - y, Math.round(r.height))) };
  };
  const boxes = rects.map(clamp);
  const out = boxes.map((b) => Buffer.alloc(b.h * (b.w * bpp + 1)));
  let allUp = true;
  for (let y = 1; y < height && allUp; y++) allUp = raw[y * (stride + 1)] === 2;
  allUp &&= raw[0] === 0 || raw[0] === 2;

  // Rows in order: `row` is the decoded row y (plain values); crops take their first row from it and, when the
  // source is all "Up", their other rows straight from the filtered bytes.
  const words = Math.ceil(stride / 4);
  const acc = new Uint32Array(words);
  const accBytes = new Uint8Array(acc.buffer, 0, stride);
  const tmp = new Uint32Array(words);
  const tmpBytes = new Uint8Array(tmp.buffer, 0, stride);
  const prev = new Uint8Array(stride);
  const lastRow = Math.max(0, ...boxes.map((b) => b.y + b.h));
  for (let y = 0; y < lastRow; y++) {
    const filtered = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    let row: Uint8Array;
    if (allUp) {
      tmpBytes.set(filtered);
      addRow(acc, tmp);
      row = accBytes;
    } else {
      const cur = tmpBytes;
      cur.set(filtered);
      unfilterRow(raw[y * (stride + 1)], cur, prev, bpp);
      row = cur;
    }
    boxes.forEach((b, k) => {
      if (y < b.y || y >= b.y + b.h) return;
      const line = b.w * bpp;
      const at = (y - b.y) * (line + 1);
      const dst = out[k];
      const part = row.subarray(b.x * bpp, b.x * bpp + line);
      if (y === b.y) {
        dst[at] = 0; // None: plain values
        dst.set(part, at + 1);
      } else if (allUp) {
        dst[at] = 2;
        dst.set(filtered.subarray(b.x * bpp, b.x * bpp + line), at + 1);
      } else {
        dst[at] = 2;
        const above = prev.subarray(b.x * bpp, b.x * bpp + line);
        for (let i = 0; i < line; i++) dst[at + 1 + i] = (part[i] - above[i]) & 255;
      }
    });
    if (!allUp) prev.set(row);
  }
  const data = await Promise.all(out.map((d) => deflateAsync(d, { level })));
  return boxes.map((b, k) => {
    const head = Buffer.from(ihdr);
    head.writeUInt32BE(b.w, 0);
    head.writeUInt32BE(b.h, 4);
    return Buffer.concat([SIGNATURE, chunk('IHDR', head), ...extra, chunk('IDAT', data[k]), chunk('IEND', Buffer.alloc(0))]);
  });
}
