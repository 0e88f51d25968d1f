import { crc32, deflateSync, inflateSync } from 'node:zlib';

/**
 * Just enough PNG for the e-mail charts: decode Chromium's screenshots (8-bit RGB/RGBA, not interlaced), cut
 * rectangles out of the pixels and encode them again, so one screenshot of a page can give every chart its PNG.
 */

/** Decoded pixels: 4 bytes (RGBA) per pixel, rows top to bottom. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** `{ width, height }` from the IHDR chunk, or null when `data` is not a PNG. @example pngSize(png) //=> { width: 1200, height: 414 } */
export function pngSize(data: Uint8Array): { width: number; height: number } | null {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.length < 24 || !b.subarray(0, 8).equals(SIGNATURE) || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Decode an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes) to RGBA pixels. */
export function decodePng(data: Uint8Array): Pixels {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (!b.subarray(0, 8).equals(SIGNATURE)) throw new Error('decodePng: not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos + 8 <= b.length) {
    const len = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    const body = b.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) {
        throw new Error(`decodePng: unsupported PNG (bit depth ${depth}, colour type ${colour}, interlace ${interlace})`);
      }
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (!channels) throw new Error('decodePng: no IHDR chunk');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('decodePng: image data is truncated');
  const out = new Uint8Array(width * height * 4);
  const cur = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1);
    unfilter(raw[at], raw.subarray(at + 1, at + 1 + stride), prev, cur, channels);
    const o = y * width * 4;
    if (channels === 4) out.set(cur, o);
    else for (let x = 0, i = 0, j = o; x < width; x++, i += 3, j += 4) {
      out[j] = cur[i];
      out[j + 1] = cur[i + 1];
      out[j + 2] = cur[i + 2];
      out[j + 3] = 255;
    }
    prev.set(cur);
  }
  return { width, height, rgba: out };
}

function unfilter(filter: number, line: Uint8Array, prev: Uint8Array, cur: Uint8Array, bpp: number): void {
  const n = line.length;
  switch (filter) {
    case 0:
      cur.set(line);
      return;
    case 1:
      for (let i = 0; i < n; i++) cur[i] = (line[i] + (i >= bpp ? cur[i - bpp] : 0)) & 255;
      return;
    case 2:
      for (let i = 0; i < n; i++) cur[i] = (line[i] + prev[i]) & 255;
      return;
    case 3:
      for (let i = 0; i < n; i++) cur[i] = (line[i] + (((i >= bpp ? cur[i - bpp] : 0) + prev[i]) >> 1)) & 255;
      return;
    case 4:
      for (let i = 0; i < n; i++) {
        const a = i >= bpp ? cur[i - bpp] : 0;
        const c = i >= bpp ? prev[i - bpp] : 0;
        cur[i] = (line[i] + paeth(a, prev[i], c)) & 255;
      }
      return;
    default:
      throw new Error(`decodePng: bad filter type ${filter}`);
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The rectangle `x, y, width, height` (pixels, clamped to the image) of `img`. */
export function cropPixels(img: Pixels, x: number, y: number, width: number, height: number): Pixels {
  const x0 = Math.max(0, Math.min(img.width, Math.round(x)));
  const y0 = Math.max(0, Math.min(img.height, Math.round(y)));
  const w = Math.max(0, Math.min(img.width - x0, Math.round(width)));
  const h = Math.max(0, Math.min(img.height - y0, Math.round(height)));
  const rgba = new Uint8Array(w * h * 4);
  for (let r = 0; r < h; r++) {
    const from = ((y0 + r) * img.width + x0) * 4;
    rgba.set(img.rgba.subarray(from, from + w * 4), r * w * 4);
  }
  return { width: w, height: h, rgba };
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, tail]);
}

/**
 * Encode pixels as an 8-bit PNG: RGB when every pixel is opaque (smaller), else RGBA; every row uses the "Up"
 * filter, which suits charts (long runs of flat colour). Same pixels → same bytes.
 * @example pngSize(encodePng({ width: 2, height: 1, rgba: new Uint8Array(8).fill(255) })) //=> { width: 2, height: 1 }
 */
export function encodePng(img: Pixels, level = 6): Buffer {
  const { width, height, rgba } = img;
  let opaque = true;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) {
    opaque = false;
    break;
  }
  const channels = opaque ? 3 : 4;
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1));
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const o = y * width * 4;
    if (opaque) for (let x = 0, i = o, j = 0; x < width; x++, i += 4, j += 3) {
      cur[j] = rgba[i];
      cur[j + 1] = rgba[i + 1];
      cur[j + 2] = rgba[i + 2];
    }
    else cur.set(rgba.subarray(o, o + stride));
    const at = y * (stride + 1);
    raw[at] = 2; // Up
    for (let i = 0; i < stride; i++) raw[at + 1 + i] = (cur[i] - prev[i]) & 255;
    prev.set(cur);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = opaque ? 2 : 6;
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level })), chunk('IEND', Buffer.alloc(0))]);
}
