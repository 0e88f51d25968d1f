/**
 * The real-data facts of 2025-12-12 stay what they were before the P&F label, score-peer and disclosure rules,
 * apart from the paths those rules change (pattern labels, scores and the score gap) or add, and the P&F chart's
 * caption label (`charts.pnf.boxLabel`) and the text's scale (`pnf.*.boxSize`) naming every box size of the recent
 * columns, the six-month window's first day (`breadth.*.recentLow.windowFrom`) and whether an RS chart is within a box
 * of reversing (`rs.*.closeToReversal`) and its latest repeat signal of lately (`rs.*.*.latestRepeat`), the high of the month before the rate-peak window (`rates.peak.priorHigh`), the trading days since the peak (`rates.peak.tradingDays`), the window's low (`rates.low`) and
 * the day the bullish percent's column reversed (`breadth.*.reversedFrom.on`) and the day each RS chart turned to its
 * signal (`rs.*.*.signalSince`) and whether its column began this week (`columnNew`), and the day each P&F column
 * began (`pnf.*.columnSince`) and the last few columns with their days (`recentColumns`), whether one more box gives the
 * opposite signal (`pnf.*.levels.signalNextBox`) and the close is within a box of it (`pnf.*.signalNear`), a later column at the highest box (`pnf.*.highestBoxAgain`), a highest box new since the previous note (`pnf.*.highestBoxNew`), the decimals its levels print with (`pnf.*.levelDecimals`), whether the P&F figure draws the highest box (`charts.pnf.highestBoxDrawn`), whether the close is within a box of reversing (`pnf.*.reversalNear`),
 * the indexes' returns since the previous note (`returns.week`, `lead.*.week`), the bullish percent on the previous note's date (`breadth.*.weekAgo`) and
 * the universe's name in the sources ("S&P 600, 596 members");
 * checked to be the only changes. The fingerprints
 * below were taken from the facts the previous engine printed (`market-note facts --as-of 2025-12-12` on the
 * real market.yaml), with the same projection (tests/helpers/facts-fingerprint.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { loadNote } from '../../src/note/load-note.js';
import { REAL } from '../helpers/cli.js';
import { factsFingerprint } from '../helpers/facts-fingerprint.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';

if (!HAS_REAL) console.warn(`real data folder ${REAL} is absent: skipping the real-data facts fingerprint`);

const BEFORE: Record<string, string> = {
  asOf: 'e0438e875f763466',
  breadth: '5faa6d07ad6accee', // only breadth.SP600.recentLow.windowFrom, reversedFrom.on (the day the column reversed) and weekAgo (the previous note's reading) added since (without weekAgo: 6ab1299f303fb19e)
  charts: 'efec2fd4591079fa', // TNX's flat prints on bond-market holidays left out since (2025-10-13, 2025-11-11: the rates and correlation charts' dates; with them: eeb9ac5dc7c553d4); charts.pnf.highestBoxDrawn added (without it: 7fe13e8dc60cbe18); only charts.pnf.boxLabel changed since before that: the P&F caption names both box sizes its grid crosses; and the correlation lines' last value is kept unrounded, so the end label prints as the text does (rounded to 4 decimals as before: 4a364334921c0d4e)
  correlation: '78be8f4222e69240', // TNX's flat prints on 2025-10-13 and 2025-11-11 left out since: windows of yield changes without them (with them: 7e8c9a5cb62682ea)
  data: '809fd4d18c5d1d7f', // only the universe's name in data.series changed since: "S&P 600, 596 members" for "S&P 600 members (596)" (with the old name: 61bd2258b8efdaa3)
  keys: '62be7e297b33d606',
  lead: 'e49d5f26664d4149', // only lead.small/large.week added since (the week's return; without it: bcacd7d015d2b760)
  note: 'f03f2722b2bf15a9',
  pnf: '023458a805e1dd10', // only pnf.*.boxSize changed since (every box size of the recent columns), and pnf.*.columnSince, .recentColumns, .levels.signalNextBox, .reversalNear, .signalNear, .highestBoxAgain, .highestBoxNew and .levelDecimals added (without .levelDecimals: fef01088c2c6d991; without .highestBoxNew: 725bf77aec23c83e; without .recentColumns, .signalNextBox, .reversalNear and .signalNear: 69289113684b3f5c; without .reversalNear and .signalNear: af166fe35e6527af; without .signalNear: 927ece99d832a907; without .highestBoxAgain: 634510c53b2faa9b)
  ranking: '4502f6d18428f8a2', // large caps ranked on IVV and RSP (SPY tracked the S&P 500 like IVV, counting it twice), and ranking.excluded added
  rates: '0f97980aa9aa7526', // rates.low.closeAlike added since (false on this date; without it: 80224eaa35f3fc68); TNX's two flat prints left out before that: the 200-day window begins two days earlier, same peak and low (with them: 04dc177fcf353af6); only rates.peak.priorHigh (the month's high before the 200-day window), rates.peak.tradingDays and rates.low (the window's low) added since (without rates.low.setThisWeek: d1bcf00142025462; without rates.low: 8739705df166f868; without .tradingDays too: 08d98ba4f5b58409)
  returns: '57fd7562122d90e4', // only returns.week added since (without it: 4b2ac643bbb0b25a)
  roles: '4430a2a15f678270',
  rs: '811d2e923759258e', // only rs.*.nearTerm/longTerm.closeToReversal (all null on this date), .signalSince, .columnNew and .latestRepeat added since (without .latestRepeat: 28aebe9e0aa34cea)
  seasonal: '9e9f6a9523811972',
  universe: 'c44cf6c08804a62f',
};

describe.skipIf(!HAS_REAL)('real-data facts of 2025-12-12', () => {
  const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;
  const config = loadNote('weekly-outlook').config;

  it('are unchanged apart from pattern labels, scores, the score gap and the added disclosure fields', () => {
    const facts = buildFacts(market!, config, { asOf: '2025-12-12', noteName: 'weekly-outlook' });
    expect(factsFingerprint(facts, REAL)).toEqual(BEFORE);
    // the labels themselves did not change on that date either
    expect(Object.fromEntries(Object.entries(facts.pnf).map(([k, p]) => [k, p.lastPattern]))).toEqual({
      IWM: 'ascending triple top', IVV: 'ascending triple top', RUT: 'ascending triple top', SPX: 'double top', TNX: 'double top',
    });
  });

  it('label IVV on 2018-12-31 on the signal day, with the later spread triple bottom at its own level and date', () => {
    const p = buildFacts(market!, config, { asOf: '2018-12-31', compare: false }).pnf.IVV;
    expect([p.lastPattern, p.breakoutLevel, p.lastSignalDate]).toEqual(['triple bottom', 232, '2018-12-14']);
    expect(p.laterPattern).toEqual({ pattern: 'spread triple bottom', level: 224, date: '2018-12-19' });
  });
});
