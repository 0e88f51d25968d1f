// `market-note facts --symbol`: a per-symbol note's facts on stdout, the same object `build --symbols` writes beside
// the note (less the claims the narrative read), for a series of the market or a member of its universe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, withoutDemoNotice } from '../helpers/cli.js';

const AS_OF = '2025-12-12';

describe('market-note facts --symbol (demo market)', () => {
  it.each(['IJR', 'ADJ'])('prints the facts build --symbols %s writes (a fund, a universe member)', async (symbol) => {
    const r = await runCli(['facts', '--note', 'fund-snapshot', '--symbol', symbol, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    const facts = JSON.parse(r.stdout);
    expect(facts.symbol).toBe(symbol);
    expect(facts.roles.fund).toBe(symbol);
    const out = tempDir();
    const b = await runCli(['build', '--note', 'fund-snapshot', '--symbols', symbol, '--as-of', AS_OF, '--format', 'html', '--out', out]);
    expect(b.code, b.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(out, `fund-snapshot-${symbol}-${AS_OF}.facts.json`), 'utf8'));
    delete written.claims;
    expect(facts).toStrictEqual(written);
  }, 120_000);

  it('refuses a symbol for a note that is not built per symbol, and a symbol the data lacks, with one error each', async () => {
    const weekly = await runCli(['facts', '--symbol', 'IWM', '--as-of', AS_OF]);
    expect(weekly.code).not.toBe(0);
    expect(weekly.stdout).toBe('');
    expect(withoutDemoNotice(weekly.stderr)).toMatch(/^market-note: --symbol: the note "weekly-outlook" is not built per symbol\n/);
    const unknown = await runCli(['facts', '--note', 'fund-snapshot', '--symbol', 'ZZZZ', '--as-of', AS_OF]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stdout).toBe('');
    expect(withoutDemoNotice(unknown.stderr)).toMatch(/needs ZZZZ, which the demo market does not have/);
  }, 60_000);
});
