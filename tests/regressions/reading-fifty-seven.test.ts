/**
 * Readings fifty-seven and fifty-eight: what the notes' own facts contradicted or left unsaid, the rule checked on
 * hand-made inputs (always run) and the case on the date it was read (skipped without the real data):
 * - "From 1988 to 2014 (the years with a complete year after them)" in the note of Friday 30 December 2016, the
 *   year's last trading day: 2016 was complete, so 2015 had a complete year after it (a year or half is now over on its
 *   last weekday);
 * - "That leaves a gap of 0.4 points, little changed from the 0.8 of six months ago" of a gap that had halved
 *   (2016-06-24): a move under the half point that counts as narrowing is now said as narrower or wider;
 * - What changed silent on a six-month breadth low set in the week when the window had rolled past a lower one
 *   (2019-08-16), and on a new 200-day low of the yield (2019-05-31, rates wrap: "No new … high of the yield");
 * - the rates wrap's "The yield is well off its peak" 31 bp below it after a 51 bp rise (2025-04-11), and its
 *   "Stocks have tended to move with yields" of a 0.24 correlation beside a one-year average of −0.06;
 * - "Small caps tend to rise with yields, while large caps show little tie to yields" of the 126-day correlations,
 *   beside one-year averages that say otherwise (2016-12-30): said of the window now;
 * - a stock snapshot's returns and relative strength against a dividend-adjusted fund, with nothing saying the stock's
 *   closes leave out its dividends (ABCB, 2022-10-14); a snapshot's HTML title without its symbol;
 * - (reading sixty) "Large caps lead this year's second half so far" on the year's last trading day (2021-12-31);
 *   "wider than the 0.2 of six months ago" without the caveat its narrowing twin carries (2016-07-01); a new 200-day
 *   low of the yield in What changed and nowhere in the body (2016-07-01); "small caps are the more tied to rising
 *   yields" of the window's correlations beside one-year averages of −0.15 and −0.15 (2023-06-23); the question turned
 *   from this year to next with nothing in What changed (2019-10-04);
 * - (reading fifty-nine) "yields have begun to rebound" beside "The yield fell 8 bp this week" (2024-03-22); "a gap of
 *   0.4 points, and it has not narrowed" of a gap opened from level (2019-05-10); "matched its 200-day low of 1.85% (set
 *   on 17 April 2015)" of a low that had left the window (2016-02-05); a 200-day low set in the week listed in What
 *   changed and absent from the body (2019-06-28); two "though" clauses in one sentence (rates wrap, 2021-06-18).
 */
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { halfComplete, yearComplete } from '../../src/metrics/calendar.js';
import { nextYearAfterH2 } from '../../src/metrics/seasonal.js';
import { whatChanged } from '../../src/facts/what-changed.js';
import type { Facts } from '../../src/facts/types.js';
import { renderNote } from '../../src/render/render-note.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { symbolMarket } from '../../src/pipeline/symbol-market.js';
import { loadNote } from '../../src/note/load-note.js';
import { placeholderFigures } from '../../src/charts/build-charts.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { readNote } from '../helpers/read-note.js';

describe('a year or half is over on its last weekday', () => {
  it('counts Dec 31 or the Friday before it, and June 30 or the Friday before it', () => {
    expect(yearComplete(2016, '2016-12-30')).toBe(true); // Dec 31, 2016 is a Saturday
    expect(yearComplete(2016, '2016-12-29')).toBe(false);
    expect(yearComplete(2017, '2017-12-29')).toBe(true); // Dec 31, 2017 is a Sunday
    expect(yearComplete(2025, '2025-12-30')).toBe(false); // Dec 31, 2025 is a Wednesday
    expect(yearComplete(2025, '2025-12-31')).toBe(true);
    expect(yearComplete(2024, '2025-01-02')).toBe(true);
    expect(halfComplete(2019, '2019-06-28')).toBe(true); // June 30, 2019 is a Sunday
    expect(halfComplete(2019, '2019-06-27')).toBe(false);
    expect(halfComplete(2025, '2025-06-27')).toBe(false); // June 30, 2025 is a Monday
  });

  it('takes a year whose following year ended on its last weekday into the next-year sample', () => {
    // small and large caps: closes at each half's end of 2014-2016; 2016's last close is Friday Dec 30
    const dates = ['2013-12-31', '2014-06-30', '2014-12-31', '2015-06-30', '2015-12-31', '2016-06-30', '2016-12-30'];
    const small = { dates, close: [100, 100, 110, 110, 99, 99, 118.8] };
    const large = { dates, close: [100, 100, 105, 105, 105, 105, 110.25] };
    const onLastDay = nextYearAfterH2(small, large, '2016-12-30');
    expect(onLastDay.sampleEnd).toBe(2015); // 2015's next year, 2016, is complete
    expect(onLastDay.afterH2Lag.years).toEqual([2015]); // 2015 H2: −10% against 0%
    expect(onLastDay.afterH2Lag.mean).toBeCloseTo(20, 9); // 2016: 99 → 118.8
    expect(onLastDay.afterH2Beat.years).toEqual([2014]);
    expect(nextYearAfterH2(small, large, '2016-12-29').sampleEnd).toBe(2014);
  });
});

describe('What changed: lows', () => {
  const yieldFacts = (asOf: string, low: { level: number; date: string }) =>
    ({ asOf, rates: { yieldName: '10-year Treasury yield', peak: { windowDays: 200 }, low: { level: { value: low.level }, date: { value: low.date } } } }) as unknown as Facts;

  it("lists a new low of the yield's window set since the previous note, and not a low that only rose as the window moved", () => {
    const prev = yieldFacts('2019-05-24', { level: 2.3, date: '2019-05-23' });
    expect(whatChanged(prev, yieldFacts('2019-05-31', { level: 2.14, date: '2019-05-31' })).map((c) => c.text)).toEqual([
      '10-year Treasury yield: a new 200-day low of 2.14% on 31 May',
    ]);
    // the low of last week left the window: an older, higher low is not news
    expect(whatChanged(prev, yieldFacts('2019-05-31', { level: 2.4, date: '2019-01-03' }))).toEqual([]);
  });

  it('lists a six-month breadth low set this week even when it is above last week\'s, which the window passed', () => {
    const breadth = (asOf: string, level: number, date: string) =>
      ({ asOf, breadth: { SP600: { status: 'Bear Confirmed', recentLow: { level, date }, name: 'S&P 600' } }, thresholds: { breadthDecimals: 1 } }) as unknown as Facts;
    const items = whatChanged(breadth('2019-08-09', 42.6, '2019-02-11'), breadth('2019-08-16', 47.5, '2019-08-15'));
    expect(items.map((c) => c.kind)).toEqual(['new-low']);
    expect(items[0].text).toMatch(/six-month low of 47\.5% on 15 August/);
  });
});

const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;
const read = (asOf: string, name = 'weekly-outlook', symbol?: string) => readNote(market!, name, asOf, symbol);

describe.skipIf(!HAS_REAL)('readings fifty-seven and fifty-eight (real data)', () => {
  it('2016-12-30: the sample runs to 2015, and the correlations are said of their window', () => {
    const { facts, text } = read('2016-12-30');
    expect(facts.seasonal?.sampleEnd).toBe(2015);
    expect(text).toMatch(/From 1988 to 2015 \(the years with a complete year after them\)/);
    expect(text).toMatch(/Over that window small caps have tended to rise with yields, while large caps have shown little tie to yields\./);
    expect(text).not.toMatch(/Small caps tend to/);
  });

  it('2016-06-24: a gap that halved is narrower, not little changed', () => {
    const { facts, text } = read('2016-06-24');
    const j = (facts.judgements as unknown as { score: { littleChanged: boolean; littleWay: string | null } }).score;
    expect(j.littleChanged).toBe(true);
    expect(j.littleWay).toBe('narrower');
    expect(text).toMatch(/That leaves a gap of 0\.4 points, narrower than the 0\.8 of six months ago \(by less than the 0\.5 points that count as narrowing\)\./);
    expect(text).not.toMatch(/little changed/);
  });

  it('2019-08-16 and 2019-05-31: new lows of breadth and of the yield are listed', () => {
    const weekly = read('2019-08-16');
    const items = weekly.facts.changes?.items.map((c) => c.text) ?? [];
    expect(items).toContain('S&P 600: bullish percent fell to a six-month low of 47.5% on 15 August');
    expect(items).toContain('10-year Treasury yield: a new 200-day low of 1.53% on 15 August');
    const wrap = read('2019-05-31', 'rates-wrap');
    expect(wrap.facts.changes?.items.map((c) => c.text)).toEqual([
      // the column of Os the body says "has fallen to 21.5" grew three 0.5 boxes this week (column-extended.test.ts)
      "10-year Treasury yield (TNX): P&F column of Os fell from the 23.0 box to the 21.5 box, a reversal's worth of boxes or more",
      '10-year Treasury yield: a new 200-day low of 2.14% on 31 May',
    ]);
    expect(wrap.text).toContain('The current column of Os (since 7 May) has fallen to 21.5.');
    expect(wrap.text).toMatch(/This week's close is also its lowest of those 200 trading days\./);
  });

  it('2025-04-11 rates wrap: the gap to the peak in bp, the week\'s rise, and a tie that is not the year\'s', () => {
    const { facts, text } = read('2025-04-11', 'rates-wrap');
    expect((facts.yieldWatch as { equity: { yearDiffers: boolean } }).equity.yearDiffers).toBe(true);
    expect(text).toMatch(/The yield is 31 bp below its peak, though it rose this week/);
    expect(text).toMatch(/Over the last 126 trading days stocks have moved with yields/);
    expect(text).toMatch(/it has tended to rise and fall with yields over that window, though the tie was looser over the year\./);
    expect(text).not.toMatch(/well off/);
  });

  it('2022-10-14 ABCB snapshot: its closes are said to be dividend-adjusted, as the S&P 600 file holds them, and the HTML title names it', () => {
    const note = loadNote('fund-snapshot');
    const { market: m, symbol } = symbolMarket(note, market!, 'ABCB');
    const facts = buildFacts(m, note.config, { asOf: '2022-10-14', noteName: note.name, symbol });
    // the S&P 600 file holds Yahoo's adjusted closes, which market.yaml now says of the universe (reading 74): its
    // members' notes say they are adjusted, as the funds' are
    expect(facts.data.caveats).toContain('Dividend-adjusted closes: ABCB, Invesco S&P 500 Equal Weight ETF (RSP); levels and highs sit below the prices they traded at.');
    expect(facts.data.caveats.join(' ')).not.toContain('not adjusted for dividends');
    const figures = placeholderFigures(note.config.charts.map((c) => c.id), (id) => ({ id, svg: '', alt: id, source: 'real' }));
    expect(renderNote(facts, figures, note)).toMatch(/<title>Fund snapshot: ABCB — 2022-10-14<\/title>/);
  });
});

describe.skipIf(!HAS_REAL)('reading sixty (real data)', () => {
  it('2021-12-31: a second half that is over is won, not led so far', () => {
    const { text } = read('2021-12-31');
    expect(text).toMatch(/Large caps won the second half, by 13\.7 percentage points/);
    expect(text).toMatch(/In the second half the Russell 2000 returned −2\.8% and the S&P 500 \+10\.9%\./);
    expect(text).toMatch(/Large caps won this year's second half, by 13\.7 percentage points\./);
    expect(text).not.toMatch(/second half so far|second half to date/);
  });

  it('2016-07-01: a small widening carries its caveat, and the body says the yield is at its 200-day low', () => {
    const { text } = read('2016-07-01');
    expect(text).toMatch(/wider than the 0\.2 of six months ago \(by less than the 0\.5 points that count as widening\)/);
    expect(text).toMatch(/This week's close is the yield's lowest of the last 200 trading days\./);
  });

  it('2023-06-23: the one-year averages that show no such difference are said', () => {
    const { facts, text } = read('2023-06-23');
    expect(facts.judgements.rates!.sensitivity.yearDiffers).toBe('similar');
    expect(text).toMatch(/\(one-year averages −0\.15 and −0\.15\)\.[^.]*\. The one-year averages show no such difference\./);
  });

  it('2019-10-04: What changed says the question turned to next year; 2020-01-03 (the same year asked about) does not', () => {
    expect(read('2019-10-04').facts.changes?.items[0]?.text).toBe('The question now looks to next year, and the verdict answers it (a week earlier: this year)');
    expect(read('2020-01-03').facts.changes?.items.some((c) => /question/.test(c.text))).toBe(false);
  });
});

describe('What changed: a high or low matched only while the earlier one is in the window', () => {
  const lowFacts = (asOf: string, level: number, date: string, from: string) =>
    ({ asOf, rates: { yieldName: '10-year Treasury yield', peak: { windowDays: 200 }, low: { level: { value: level }, date: { value: date, from } } } }) as unknown as Facts;
  it('says an earlier low at the same printed level still in the window was passed by less than a basis point, and "a new low" of one that left it', () => {
    const prev = lowFacts('2016-01-29', 1.85, '2015-04-17', '2015-04-16');
    expect(whatChanged(prev, lowFacts('2016-02-05', 1.848, '2016-02-05', '2015-04-16'))[0].text).toBe(
      '10-year Treasury yield: a new 200-day low on 5 February, below the 1.85% of 17 April 2015 by less than a basis point',
    );
    expect(whatChanged(prev, lowFacts('2016-02-05', 1.848, '2016-02-05', '2015-04-23'))[0].text).toBe('10-year Treasury yield: a new 200-day low of 1.85% on 5 February');
  });
});

describe.skipIf(!HAS_REAL)('reading fifty-nine (real data)', () => {
  it('2024-03-22: no rebound "begun" in a week the yield fell', () => {
    const { text } = read('2024-03-22');
    expect(text).toMatch(/The yield fell 8 bp this week/);
    expect(text).not.toMatch(/have begun to rebound/);
    expect(text).toMatch(/the yield's chart is on a buy signal, in a column of Xs, though the yield fell this week: a rise would be a headwind/);
  });

  it('2019-05-10: a gap opened from level says so', () => {
    expect(read('2019-05-10').text).toMatch(/That leaves a gap of 0\.4 points, whereas six months ago the two scored the same\./);
  });

  it('2019-06-28: a 200-day low set in the week is in the body too', () => {
    const { facts, text } = read('2019-06-28');
    expect(facts.changes?.items.map((c) => c.text)).toContain('10-year Treasury yield: a new 200-day low of 1.99% on 25 June');
    expect(text).toMatch(/On 25 June it closed at its lowest of the last 200 trading days, 1\.99%\./);
  });

  it('2021-06-18 rates wrap: one "though" a sentence', () => {
    const { text } = read('2021-06-18', 'rates-wrap');
    // the yield edged 1 bp lower that week: no week that "went the same way" (reading 74), so no second "though" either
    expect(text).toMatch(/over that window, though not over the year\./);
    expect(text).not.toMatch(/This week it went the same way as the yield/);
    expect(text).not.toMatch(/though not over the year, though/);
  });
});
