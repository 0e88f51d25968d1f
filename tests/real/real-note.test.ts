import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL, pdfText, runCli, tempDir } from '../helpers/cli.js';
import { HAS_REAL, rawCloses, writeRealMarketYaml } from '../helpers/real-market.js';

if (!HAS_REAL) console.warn(`real data folder ${REAL} is absent: skipping the real-data note tests`);

/** YTD by hand: last close ≤ prior year-end → close on the as-of date. */
function ytdByHand(file: string, asOf: string): number {
  const rows = rawCloses(readFileSync(file, 'utf8'));
  const base = rows.filter((r) => r.date <= `${Number(asOf.slice(0, 4)) - 1}-12-31`).pop()!;
  const end = rows.filter((r) => r.date <= asOf).pop()!;
  return (end.close / base.close - 1) * 100;
}

describe.skipIf(!HAS_REAL)('the weekly outlook on real data, as of 2025-12-12', () => {
  it('builds the note and its YTD returns match the CSV rows', async () => {
    const market = writeRealMarketYaml();
    const out = tempDir();
    const r = await runCli(['build', '--data', market, '--as-of', '2025-12-12', '--out', out, '--format', 'pdf,html']);
    // the yield file's flat prints on bond-market holidays are left out, the universe has members that jump more than
    // 3× in a day (real ones do), the real data has no High/Low for the two funds and no mid-cap series: one line each
    expect(r.stderr.trim().split('\n').map((l) => /^market-note: warning: (\S+)/.exec(l)?.[1])).toEqual([
      `${join(REAL, 'alitalbi-storage_data_fy/TNX.csv')}:191:`,
      `${join(REAL, 'dsturdy-Factor_Attribution/sp600_constituents_close_2015_2026.csv')}:`, 'IWM', 'IVV', 'ranking:',
    ]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['weekly-outlook-2025-12-12.facts.json', 'weekly-outlook-2025-12-12.html', 'weekly-outlook-2025-12-12.pdf']);
    const facts = JSON.parse(readFileSync(join(out, 'weekly-outlook-2025-12-12.facts.json'), 'utf8'));
    const spx = ytdByHand(join(REAL, 'culolom-backtest/GSPC.csv'), '2025-12-12');
    const rut = ytdByHand(join(REAL, 'alitalbi-storage_data_fy/RUT.csv'), '2025-12-12');
    // 6827.41015625 / 5881.6298828125 − 1 and 2551.4599609375 / 2230.159912109375 − 1
    expect(spx).toBeCloseTo(16.08, 1);
    expect(rut).toBeCloseTo(14.41, 1);
    expect(facts.returns.ytd.SPX.value).toBeCloseTo(spx, 9);
    expect(facts.returns.ytd.RUT.value).toBeCloseTo(rut, 9);
    expect(facts.returns.ytd.RUT.from).toBe('2024-12-31');
    expect(facts.returns.ytd.RUT.to).toBe('2025-12-12');
    const text = pdfText(join(out, 'weekly-outlook-2025-12-12.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain(`${Math.abs(rut).toFixed(1)}%`);
    expect(text).toContain(`${Math.abs(spx).toFixed(1)}%`);

    // Every other headline figure printed equals the facts, with the note's rounding.
    const bp = (v: number) => `${Math.abs(v).toFixed(0)} bp`;
    const printed = [
      `${facts.rates.peak.level.value.toFixed(2)}%`,
      // the move printed beside the two yields is their printed difference (the judgement the note prints)
      bp(facts.judgements.rates.peak.changeBp),
      `${facts.rates.peak.current.value.toFixed(2)}%`,
      `${facts.breadth.SP600.bullishPercent.value.toFixed(1)}%`,
      `IWM scores ${facts.score.IWM.value.value.toFixed(1)}`,
      `against ${facts.score.IVV.value.value.toFixed(1)} for IVV`,
      `at ${facts.pnf.IWM.breakoutLevel}`,
      `double top at ${facts.pnf.TNX.breakoutLevel}`,
      `${facts.correlation.SPX.latest.value.toFixed(2)} for the S&P 500`.replace('-', '−'),
    ];
    for (const p of printed) expect(text).toContain(p);
    expect(facts.judgements.rates.peak.changeBp).toBe(Math.round((Number(facts.rates.peak.current.value.toFixed(2)) - Number(facts.rates.peak.level.value.toFixed(2))) * 100));
    // The model note's TNX story: four consecutive sells, then a double-top buy at 42 (methodology §7).
    expect(facts.pnf.TNX.previousRun).toEqual({ signal: 'sell', count: 4 });
    expect(text).toContain('ended a run of four consecutive sell signals when it broke a double top at 42.0 on 10 December');
  }, 180_000);
});

