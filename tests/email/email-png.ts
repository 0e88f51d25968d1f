// A small, independent PNG reader and writer for the e-mail tests (8-bit grey/RGB/RGBA and 8-bit palette, not
// interlaced, all five row filters), written from the PNG specification rather than shared with the encoder (sharp).
import { deflateSync, inflateSync } from 'node:zlib';

export interface TestImage {
  width: number;
  height: number;
  channels: number;
  /** Plain pixel bytes, row after row. */
  data: Uint8Array;
}

const SIG = Buffer.from('89504e470d0a1a0a', 'hex');
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
const COLOUR: Record<number, number> = { 1: 0, 3: 2, 2: 4, 4: 6 };

function crc(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Decode a PNG and check every chunk's CRC; throws on anything malformed. */
export function readPng(png: Uint8Array): TestImage {
  const b = Buffer.from(png);
  if (!b.subarray(0, 8).equals(SIG)) throw new Error('not a PNG signature');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  let palette: Buffer | undefined;
  let indexed = false;
  let ended = false;
  while (pos < b.length) {
    const len = b.readUInt32BE(pos);
    const typeAndBody = b.subarray(pos + 4, pos + 8 + len);
    if (crc(typeAndBody) !== b.readUInt32BE(pos + 8 + len)) throw new Error(`bad CRC in ${typeAndBody.toString('latin1', 0, 4)}`);
    const type = typeAndBody.toString('latin1', 0, 4);
    const body = typeAndBody.subarray(4);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('unsupported depth or interlace');
      indexed = body[9] === 3;
      channels = indexed ? 1 : CHANNELS[body[9]];
    } else if (type === 'PLTE') palette = Buffer.from(body);
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') ended = true;
    pos += 12 + len;
  }
  if (!ended || !channels) throw new Error('missing IHDR or IEND');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`image data is ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= channels ? data[y * stride + i - channels] : 0;
      const up = y > 0 ? data[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? data[(y - 1) * stride + i - channels] : 0;
      const pred = [0, a, up, (a + up) >> 1, paeth(a, up, c)][f];
      if (pred === undefined) throw new Error(`bad filter ${f}`);
      data[y * stride + i] = (x + pred) & 255;
    }
  }
  if (!indexed) return { width, height, channels, data };
  if (!palette) throw new Error('palette image without PLTE');
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) {
    if (data[i] * 3 + 2 >= palette.length) throw new Error(`palette index ${data[i]} out of range`);
    rgb.set(palette.subarray(data[i] * 3, data[i] * 3 + 3), i * 3);
  }
  return { width, height, channels: 3, data: rgb };
}

/** Encode pixels with the given filter per row (cycled). */
export function writePng(img: TestImage, filters: number[] = [0]): Buffer {
  const { width, height, channels, data } = img;
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const f = filters[y % filters.length];
    raw[y * (stride + 1)] = f;
    for (let i = 0; i < stride; i++) {
      const x = data[y * stride + i];
      const a = i >= channels ? data[y * stride + i - channels] : 0;
      const up = y > 0 ? data[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? data[(y - 1) * stride + i - channels] : 0;
      const pred = [0, a, up, (a + up) >> 1, paeth(a, up, c)][f] as number;
      raw[y * (stride + 1) + 1 + i] = (x - pred) & 255;
    }
  }
  const chunk = (type: string, body: Buffer) => {
    const tb = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(tb));
    return Buffer.concat([len, tb, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = COLOUR[channels];
  return Buffer.concat([SIG, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The pixel bytes of one rectangle of `img`. */
export function cut(img: TestImage, x: number, y: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h * img.channels);
  for (let r = 0; r < h; r++) {
    const from = ((y + r) * img.width + x) * img.channels;
    out.set(img.data.subarray(from, from + w * img.channels), r * w * img.channels);
  }
  return out;
}

/** The pixel at (x, y) as [r, g, b]. */
export function pixel(img: TestImage, x: number, y: number): number[] {
  const at = (y * img.width + x) * img.channels;
  return Array.from(img.data.subarray(at, at + Math.min(3, img.channels)));
}
