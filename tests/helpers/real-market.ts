import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realMarketYaml } from '../../bench/real-market.js';
import { REAL, tempDir } from './cli.js';

export const HAS_REAL = existsSync(REAL);

/** Write a market.yaml that points into ../shared/data/real (never copied) and return its path. */
export function writeRealMarketYaml(): string {
  const yaml = realMarketYaml(REAL);
  const dir = tempDir('market-note-real-');
  const file = join(dir, 'market.yaml');
  writeFileSync(file, yaml);
  return file;
}

/** Rows of a CSV as {date, close} straight from the text (independent of the project's loader). */
export function rawCloses(text: string, closeColumn = 'Close'): { date: string; close: number }[] {
  const lines = text.trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const ci = head.findIndex((h) => h.toLowerCase() === closeColumn.toLowerCase());
  return lines.slice(1).map((l) => {
    const c = l.split(',');
    return { date: c[0], close: Number(c[ci]) };
  }).filter((r) => Number.isFinite(r.close) && /^\d{4}-\d{2}-\d{2}$/.test(r.date));
}
