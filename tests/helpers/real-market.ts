import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL, tempDir } from './cli.js';

export const HAS_REAL = existsSync(REAL);

/** Write a market.yaml that points into ../shared/data/real (never copied) and return its path. */
export function writeRealMarketYaml(): string {
  const d = (p: string) => join(REAL, p);
  const yaml = `series:
  SPX: { file: ${d('culolom-backtest/GSPC.csv')}, name: "S&P 500" }
  RUT: { file: ${d('alitalbi-storage_data_fy/RUT.csv')}, name: "Russell 2000" }
  TNX: { file: ${d('alitalbi-storage_data_fy/TNX.csv')}, name: "10-year Treasury yield", kind: yield }
  IWM: { file: ${d('dsturdy-Factor_Attribution/IWM.csv')}, name: "iShares Russell 2000 ETF" }
  IVV: { file: ${d('dsturdy-Factor_Attribution/IVV.csv')}, name: "iShares Core S&P 500 ETF" }
  RSP: { file: ${d('dsturdy-Factor_Attribution/RSP.csv')}, name: "Invesco S&P 500 Equal Weight ETF" }
  SPY: { file: ${d('dsturdy-Factor_Attribution/SPY.csv')}, name: "SPDR S&P 500 ETF" }
  IJR: { file: ${d('dsturdy-Factor_Attribution/IJR.csv')}, name: "iShares Core S&P Small-Cap ETF" }
universes:
  SP600: { file: ${d('dsturdy-Factor_Attribution/sp600_constituents_close_2015_2026.csv')}, layout: wide, name: "S&P 600" }
`;
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
