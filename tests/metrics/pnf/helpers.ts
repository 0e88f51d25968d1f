/** Test helpers for the P&F engine: a seeded PRNG, day labels, random walks and a minimal CSV reader. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PnfChart } from '../../../src/metrics/pnf/index.js';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n consecutive calendar dates from 2000-01-01 (ISO strings sort like the days). */
export function days(n: number, from = '2000-01-01'): string[] {
  const t0 = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t0 + i * 86_400_000).toISOString().slice(0, 10));
}

/** Seeded geometric random walk with daily high/low around the close. */
export function randomWalk(seed: number, n: number, start = 50, vol = 0.02) {
  const rnd = prng(seed);
  const close = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  let p = start;
  for (let i = 0; i < n; i++) {
    p *= Math.exp((rnd() - 0.5) * 2 * vol);
    close[i] = p;
    high[i] = p * (1 + rnd() * vol);
    low[i] = p * (1 - rnd() * vol);
  }
  return { dates: days(n), close, high, low };
}

/** Columns as compact strings, e.g. "O[1-5]". */
export function cols(chart: PnfChart): string[] {
  return chart.columns.map((c) => `${c.type}[${c.low}-${c.high}]`);
}

/** The real-data folder beside the project root. */
export const REAL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/real');
export const HAS_REAL = existsSync(REAL);

export interface Csv {
  dates: string[];
  col: Record<string, number[]>;
}

/**
 * Reads a Date,… CSV from the real folder: rows up to `asOf`, the dsturdy intraday row 2026-08-03 dropped,
 * column names lower-cased.
 */
export function readCsv(file: string, asOf = '9999-12-31'): Csv {
  // Suites are collected even when skipped: without the real folder, give empty columns so collection succeeds.
  if (!HAS_REAL) return { dates: [], col: new Proxy({}, { get: () => [] }) as Record<string, number[]> };
  const lines = readFileSync(path.join(REAL, file), 'utf8').trim().split(/\r?\n/);
  const names = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const col: Record<string, number[]> = {};
  for (const n of names.slice(1)) col[n] = [];
  const dates: string[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const d = cells[0];
    if (d > asOf || d === '2026-08-03') continue;
    dates.push(d);
    names.slice(1).forEach((n, i) => col[n].push(cells[i + 1] === '' ? NaN : Number(cells[i + 1])));
  }
  return { dates, col };
}
