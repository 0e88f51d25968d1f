// The universe worker's quick reading of a market.yaml (no schema) gives the same jobs as the checked plan on a valid
// file, and throws (so the command reads the universes itself) where the checked plan would report a problem.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planMarketYaml, sameJobs } from '../../src/data/market-plan.js';
import { quickUniverseJobs } from '../../src/data/quick-plan.js';
import { tempDir } from '../helpers/cli.js';

const csv = 'Date,Close\n2025-01-02,1\n';

function market(yaml: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'sub'));
  for (const f of ['SPX.csv', 'sub/wide.csv', 'other.csv']) writeFileSync(join(dir, f), csv);
  writeFileSync(join(dir, 'market.yaml'), yaml);
  return join(dir, 'market.yaml');
}

describe('quickUniverseJobs', () => {
  it('reads the universes in order, with names and paths resolved against the market.yaml', () => {
    const file = market('series:\n  SPX: { file: SPX.csv }\nuniverses:\n  SP600: { file: sub/wide.csv, name: "S&P 600" }\n  OTHER: { file: other.csv }\n');
    const jobs = quickUniverseJobs(file);
    expect(jobs).toEqual([
      { key: 'SP600', name: 'S&P 600', target: join(file, '..', 'sub/wide.csv') },
      { key: 'OTHER', name: undefined, target: join(file, '..', 'other.csv') },
    ]);
    expect(sameJobs(jobs, planMarketYaml(file).universes)).toBe(true);
  });

  it('gives no jobs for a market.yaml without universes', () => {
    expect(quickUniverseJobs(market('series:\n  SPX: { file: SPX.csv }\n'))).toEqual([]);
  });

  it('throws on a missing universe file or a file that is not a path', () => {
    expect(() => quickUniverseJobs(market('universes:\n  SP600: { file: missing.csv }\n'))).toThrow(/does not exist/);
    expect(() => quickUniverseJobs(market('universes:\n  SP600: { file: [a, b] }\n'))).toThrow(/not a string/);
  });
});
