import { describe, expect, it } from 'vitest';
import { cropPng } from '../../src/email/png-crop.js';
import { cut, readPng, writePng, type TestImage } from './email-png.js';

/** A test image whose every byte differs from its neighbours, so any shifted row or column shows. */
function noise(width: number, height: number, channels: number, seed = 7): TestImage {
  const data = new Uint8Array(width * height * channels);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = s >>> 24;
  }
  return { width, height, channels, data };
}

const RECTS = [
  { x: 0, y: 0, width: 23, height: 5 }, // top band, full width
  { x: 0, y: 7, width: 23, height: 9 }, // a band in the middle
  { x: 3, y: 12, width: 11, height: 6 }, // narrower than the image, overlapping the band above
  { x: 0, y: 30, width: 23, height: 1 }, // the last row
];

describe('cropPng', () => {
  for (const [label, filters] of [
    ['every row "Up" (what Chromium writes when optimising for speed)', [2]],
    ['mixed filters: None, Sub, Up, Average, Paeth', [0, 1, 2, 3, 4]],
  ] as const) {
    it(`cuts each rectangle out pixel for pixel, ${label}`, async () => {
      const img = noise(23, 31, 3);
      const pngs = await cropPng(writePng(img, [...filters]), RECTS);
      expect(pngs).toHaveLength(RECTS.length);
      pngs.forEach((png, k) => {
        const r = RECTS[k];
        const got = readPng(png);
        expect([got.width, got.height, got.channels]).toEqual([r.width, r.height, 3]);
        expect(Buffer.from(got.data).equals(Buffer.from(cut(img, r.x, r.y, r.width, r.height)))).toBe(true);
      });
    });
  }

  it('keeps the alpha channel of an RGBA image', async () => {
    const img = noise(9, 8, 4, 3);
    const [png] = await cropPng(writePng(img, [4]), [{ x: 2, y: 3, width: 5, height: 4 }]);
    const got = readPng(png);
    expect(got.channels).toBe(4);
    expect(Buffer.from(got.data).equals(Buffer.from(cut(img, 2, 3, 5, 4)))).toBe(true);
  });

  it('clamps a rectangle that runs past the image', async () => {
    const img = noise(10, 10, 3);
    const [png] = await cropPng(writePng(img, [2]), [{ x: 6, y: 7, width: 50, height: 50 }]);
    const got = readPng(png);
    expect([got.width, got.height]).toEqual([4, 3]);
    expect(Buffer.from(got.data).equals(Buffer.from(cut(img, 6, 7, 4, 3)))).toBe(true);
  });

  it('gives the same bytes for the same input', async () => {
    const png = writePng(noise(16, 16, 3), [2]);
    const [a] = await cropPng(png, [{ x: 1, y: 2, width: 8, height: 8 }]);
    const [b] = await cropPng(png, [{ x: 1, y: 2, width: 8, height: 8 }]);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses what is not a PNG', async () => {
    await expect(cropPng(Buffer.from('GIF89a not a png'), [{ x: 0, y: 0, width: 1, height: 1 }])).rejects.toThrow(/not a PNG/);
  });
});
