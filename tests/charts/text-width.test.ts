import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textWidth, woffAdvances } from '../../src/charts/text-width.js';

// Reference widths measured in Chromium (getBoundingClientRect of a span set in the same bundled font at 100 px).
const CHROMIUM = { zero400: 49.703, buySignal600: 614.703, legend400: 984.5 };

describe('textWidth', () => {
  it('matches the width Chromium lays out for the bundled font', () => {
    expect(textWidth('0', 100)).toBeCloseTo(CHROMIUM.zero400, 1);
    expect(textWidth('Buy signal 252', 100, 600)).toBeCloseTo(CHROMIUM.buySignal600, 0);
    // no kerning: within half a percent on a long label
    expect(Math.abs(textWidth('Small caps lagged in H2', 100) / CHROMIUM.legend400 - 1)).toBeLessThan(0.005);
  });

  it('scales with the font size and is wider in bold', () => {
    expect(textWidth('Peak', 20)).toBeCloseTo(2 * textWidth('Peak', 10), 9);
    expect(textWidth('Peak', 10, 700)).toBeGreaterThan(textWidth('Peak', 10, 400));
  });

  it('counts a character outside the font as half an em', () => {
    expect(textWidth('中', 10)).toBe(5);
    expect(textWidth('', 10)).toBe(0);
  });
});

describe('woffAdvances', () => {
  it('rejects a file that is not WOFF 1.0', () => {
    expect(() => woffAdvances(new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0, 0, 0, 0]))).toThrow(/not a WOFF 1\.0 font/);
  });
  it('gives equal advances to the digits (tabular figures)', () => {
    const dir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/source-sans-3/package.json')), 'files');
    const adv = woffAdvances(readFileSync(join(dir, 'source-sans-3-latin-400-normal.woff')));
    const digits = [...'0123456789'].map((c) => adv.get(c.codePointAt(0)!));
    expect(new Set(digits).size).toBe(1);
    expect(adv.get(0x2212)).toBeDefined(); // the true minus sign is in the latin subset
  });
});
