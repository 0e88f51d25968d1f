import { describe, expect, it } from 'vitest';
import { comparisonDate, whatChanged } from '../../src/facts/what-changed.js';
import type { Facts } from '../../src/facts/types.js';

/** Hand-made facts: only the sections whatChanged reads. */
const facts = (x: object): Facts => x as Facts;

const pnf = (o: object) => ({ key: 'RUT', name: 'Russell 2000', signal: 'sell', consecutiveSignals: 2, lastSignalDate: '2025-10-01', trend: 'negative', atAllTimeHigh: false, ...o });

describe('whatChanged', () => {
  it('reports nothing when the two weeks are the same', () => {
    const f = facts({ pnf: { RUT: pnf({}) }, breadth: { SP600: { status: 'Bull Confirmed' } }, score: { IWM: { value: 3.2 } } });
    expect(whatChanged(f, f)).toEqual([]);
  });

  it('reports a P&F signal that changed side', () => {
    const prev = facts({ pnf: { RUT: pnf({}) } });
    const cur = facts({ asOf: '2025-12-12', pnf: { RUT: pnf({ signal: 'buy', consecutiveSignals: 1, lastSignalDate: '2025-12-10' }) } });
    expect(whatChanged(prev, cur)).toEqual([
      { kind: 'new-signal', path: 'pnf.RUT.signal', from: 'sell', to: 'buy', text: 'Russell 2000 (RUT): a P&F buy signal on 10 December, after two sell signals in a row' },
    ]);
  });

  it('names the run the new side ended (one signal or several) and counts every signal of the new side this week', () => {
    // one sell before: "after sell signals" was printed
    const one = facts({ pnf: { RUT: pnf({ consecutiveSignals: 1 }) } });
    const cur = (n: number) => facts({ asOf: '2025-04-11', pnf: { RUT: pnf({ signal: 'buy', consecutiveSignals: n, lastSignalDate: '2025-04-11' }) } });
    expect(whatChanged(one, cur(1))[0].text).toBe('Russell 2000 (RUT): a P&F buy signal on 11 April, after a sell signal');
    // two buys in the week after a sell (9 and 11 April 2025 on TNX): "a P&F buy signal on 11 April, after sell signals" was printed
    expect(whatChanged(one, cur(2))[0].text).toBe('Russell 2000 (RUT): two P&F buy signals this week, the latest on 11 April, after a sell signal');
  });

  it('reports P&F changes only of the charts in pnfKeys when given (the charts the note reads)', () => {
    const prev = facts({ pnf: { RUT: pnf({}), IWM: pnf({ key: 'IWM', name: 'iShares Russell 2000 ETF' }) } });
    const cur = facts({ pnf: { RUT: pnf({ trend: 'positive' }), IWM: pnf({ key: 'IWM', name: 'iShares Russell 2000 ETF', trend: 'positive' }) } });
    expect(whatChanged(prev, cur).map((c) => c.path)).toEqual(['pnf.RUT.trend', 'pnf.IWM.trend']);
    expect(whatChanged(prev, cur, { pnfKeys: ['IWM'] }).map((c) => c.path)).toEqual(['pnf.IWM.trend']);
  });

  it("reports a new high of the yield's window set since the previous note, not an old one", () => {
    const rates = (date: string, level: number) => ({ yieldName: '10-year Treasury yield', peak: { date: { value: date }, level: { value: level }, windowDays: 200 } });
    const prev = facts({ asOf: '2022-06-10', rates: rates('2022-05-06', 3.13) });
    const cur = facts({ asOf: '2022-06-17', rates: rates('2022-06-14', 3.48) });
    expect(whatChanged(prev, cur)).toEqual([{ kind: 'rate-high', path: 'rates.peak.date', from: '2022-05-06', to: '2022-06-14', text: '10-year Treasury yield: a new 200-day high of 3.48% on 14 June' }]);
    // the same high as last week, or a "high" dated before the previous note, is no change
    expect(whatChanged(cur, { ...cur, asOf: '2022-06-24' } as Facts)).toEqual([]);
    expect(whatChanged(prev, facts({ asOf: '2022-06-17', rates: rates('2022-06-01', 3.3) }))).toEqual([]);
  });

  it("reports the same new high in the rates wrap, whose yield section is yieldWatch (2022-04-08: the weekly listed the 200-day high, the wrap did not)", () => {
    const watch = (date: string, level: number) => ({ name: '10-year Treasury yield', peak: { date: { value: date }, level: { value: level }, windowDays: 200 } });
    const prev = facts({ asOf: '2022-04-01', yieldWatch: watch('2022-03-25', 2.49) } as Partial<Facts>);
    const cur = facts({ asOf: '2022-04-08', yieldWatch: watch('2022-04-08', 2.713) } as Partial<Facts>);
    expect(whatChanged(prev, cur)).toEqual([{ kind: 'rate-high', path: 'yieldWatch.peak.date', from: '2022-03-25', to: '2022-04-08', text: '10-year Treasury yield: a new 200-day high of 2.71% on 8 April' }]);
  });

  it('reports a second signal of the same kind (the consecutive count moved)', () => {
    const prev = facts({ pnf: { RUT: pnf({ signal: 'buy', consecutiveSignals: 1 }) } });
    const cur = facts({ pnf: { RUT: pnf({ signal: 'buy', consecutiveSignals: 2 }) } });
    const [c] = whatChanged(prev, cur);
    expect(c).toMatchObject({ kind: 'new-signal', path: 'pnf.RUT.signal', from: 'buy', to: 'buy' });
    expect(c.text).toMatch(/^Russell 2000 \(RUT\): a second consecutive P&F buy signal, given on /);
  });

  it('puts "an" before a count read from a vowel sound (eighth, 11th, 18th) and "a" otherwise', () => {
    const text = (n: number) => whatChanged(facts({ pnf: { RUT: pnf({ signal: 'buy', consecutiveSignals: n - 1 }) } }), facts({ pnf: { RUT: pnf({ signal: 'buy', consecutiveSignals: n }) } }))[0].text;
    expect(text(8)).toMatch(/: an eighth consecutive P&F buy signal, /);
    expect(text(11)).toMatch(/: an 11th consecutive P&F buy signal, /);
    expect(text(18)).toMatch(/: an 18th consecutive P&F buy signal, /);
    expect(text(12)).toMatch(/: a 12th consecutive P&F buy signal, /);
    expect(text(3)).toMatch(/: a third consecutive P&F buy signal, /);
  });

  it('counts two signals of the same kind within the week as two, naming the latest date', () => {
    const prev = facts({ pnf: { RUT: pnf({ signal: 'sell', consecutiveSignals: 1, lastSignalDate: '2025-12-03' }) } });
    const cur = facts({ asOf: '2026-01-09', pnf: { RUT: pnf({ signal: 'sell', consecutiveSignals: 3, lastSignalDate: '2025-12-10' }) } });
    expect(whatChanged(prev, cur)[0].text).toBe('Russell 2000 (RUT): two more P&F sell signals, the latest on 10 December 2025, 3 in a row');
  });

  it('names a universe by its name, not its key', () => {
    const prev = facts({ universe: { key: 'SP600', name: 'S&P 600', members: 600 }, breadth: { SP600: { status: 'Bull Confirmed' } } });
    const cur = facts({ universe: { key: 'SP600', name: 'S&P 600', members: 600 }, breadth: { SP600: { status: 'Bull Correction' } } });
    expect(whatChanged(prev, cur)[0].text).toBe('S&P 600: Bull Correction (was Bull Confirmed)');
  });

  it('reports a first signal on a chart that had none', () => {
    const prev = facts({ pnf: { RUT: pnf({ signal: null, consecutiveSignals: 0, lastSignalDate: null }) } });
    const cur = facts({ pnf: { RUT: pnf({ signal: 'sell', consecutiveSignals: 1, lastSignalDate: '2025-12-11' }) } });
    expect(whatChanged(prev, cur).map((c) => [c.kind, c.from, c.to])).toEqual([['new-signal', null, 'sell']]);
  });

  it('reports trend flips and a new highest box, not a chart standing again at an old high', () => {
    const prev = facts({ pnf: { RUT: pnf({ highestBox: 2500 }), SPX: pnf({ key: 'SPX', name: 'S&P 500', highestBox: 6980 }) } });
    // RUT prints a higher box; SPX returns to its old high (at its all-time high again, but no new box)
    const cur = facts({ pnf: { RUT: pnf({ trend: 'positive', atAllTimeHigh: true, highestBox: 2510 }), SPX: pnf({ key: 'SPX', name: 'S&P 500', atAllTimeHigh: true, highestBox: 6980 }) } });
    expect(whatChanged(prev, cur).map((c) => `${c.kind} ${c.path} ${String(c.from)}→${String(c.to)}`)).toEqual([
      'trend-flip pnf.RUT.trend negative→positive',
      'new-high pnf.RUT.highestBox 2500→2510',
    ]);
  });

  it('reports another RS signal of the same kind, with the day the chart turned to it (2025-03-07: a repeat sell signal on 3 March, the box said nothing while the lead dated the signal)', () => {
    const rs = (last: string) => ({ IWM_vs_IVV: { numerator: 'IWM', denominator: 'IVV', nearTerm: { column: 'O', signal: 'sell', lastSignalDate: last, signalSince: '2014-09-30' }, longTerm: { column: 'O', signal: 'sell', lastSignalDate: '2014-01-02', signalSince: '2014-01-02' } } });
    const prev = facts({ asOf: '2025-02-28', rs: rs('2023-09-20') } as Partial<Facts>);
    const cur = facts({ asOf: '2025-03-07', rs: rs('2025-03-03') } as Partial<Facts>);
    expect(whatChanged(prev, cur).map((c) => c.text)).toEqual(['IWM vs IVV: another near-term RS sell signal, given on 3 March, on a sell signal since 30 September 2014']);
    expect(whatChanged(cur, { ...cur, asOf: '2025-03-14' } as Facts)).toEqual([]);
  });

  it('reports a P&F column begun this week, dated (2017-06-30: TNX turned into Xs that day, "a bounce within that sell signal", and the box said nothing changed)', () => {
    const tnx = (o: object) => pnf({ key: 'TNX', name: '10-year Treasury yield', ...o });
    const prev = facts({ asOf: '2017-06-23', pnf: { TNX: tnx({ column: 'O', columnSince: '2017-05-17' }) } });
    const cur = facts({ asOf: '2017-06-30', pnf: { TNX: tnx({ column: 'X', columnSince: '2017-06-30' }) } });
    expect(whatChanged(prev, cur).map((c) => c.text)).toEqual(['10-year Treasury yield (TNX): P&F chart reversed into Xs on 30 June']);
    // reversed and back within the week; the same column as last week is no change
    expect(whatChanged(prev, facts({ asOf: '2017-06-30', pnf: { TNX: tnx({ column: 'O', columnSince: '2017-06-29' }) } })).map((c) => c.text)).toEqual(['10-year Treasury yield (TNX): P&F chart reversed twice this week, into Xs and back into Os on 29 June']);
    // with the chart's recent columns, every reversal of the week is dated (2020-03-20: three in a week)
    const recent = (...cols: [string, string][]) => cols.map(([column, since]) => ({ column, since }));
    expect(whatChanged(prev, facts({ asOf: '2017-06-30', pnf: { TNX: tnx({ column: 'O', columnSince: '2017-06-29', recentColumns: recent(['O', '2017-05-17'], ['X', '2017-06-27'], ['O', '2017-06-29']) }) } })).map((c) => c.text)).toEqual(['10-year Treasury yield (TNX): P&F chart reversed twice this week, into Xs on 27 June and back into Os on 29 June']);
    expect(whatChanged(prev, facts({ asOf: '2017-06-30', pnf: { TNX: tnx({ column: 'X', columnSince: '2017-06-30', recentColumns: recent(['O', '2017-05-17'], ['X', '2017-06-26'], ['O', '2017-06-28'], ['X', '2017-06-30']) }) } })).map((c) => c.text)).toEqual(['10-year Treasury yield (TNX): P&F chart reversed three times this week, into Xs on 26 June, Os on 28 June and Xs on 30 June']);
    expect(whatChanged(prev, facts({ asOf: '2017-06-30', pnf: { TNX: tnx({ column: 'O', columnSince: '2017-05-17' }) } }))).toEqual([]);
  });

  it('dates a trend flip, and reports a trend that turned and turned back within the week (2023-05-05: TNX negative on 3 May, positive on 5 May; the text said "turned positive on 5 May", the box nothing)', () => {
    const tnx = (o: object) => pnf({ key: 'TNX', name: '10-year Treasury yield', ...o });
    const prev = facts({ asOf: '2023-04-28', pnf: { TNX: tnx({ trend: 'positive', trendSince: '2023-04-17' }) } });
    const back = facts({ asOf: '2023-05-05', pnf: { TNX: tnx({ trend: 'positive', trendSince: '2023-05-05' }) } });
    expect(whatChanged(prev, back).map((c) => c.text)).toEqual(['10-year Treasury yield (TNX): P&F trend turned positive again on 5 May, after turning negative during the week']);
    const flip = facts({ asOf: '2023-05-05', pnf: { TNX: tnx({ trend: 'negative', trendSince: '2023-05-03' }) } });
    expect(whatChanged(prev, flip).map((c) => c.text)).toEqual(['10-year Treasury yield (TNX): P&F trend turned negative on 3 May']);
    // the same trend since before the previous note is no change
    expect(whatChanged(prev, facts({ asOf: '2023-05-05', pnf: { TNX: tnx({ trend: 'positive', trendSince: '2023-04-17' }) } }))).toEqual([]);
  });

  it('reports RS column flips and RS signal flips on each chart', () => {
    const side = (column: string, signal: string) => ({ column, signal });
    const rs = (near: object, long: object) => ({ numeratorName: 'IWM', denominatorName: 'SPY', nearTerm: near, longTerm: long });
    const prev = facts({ rs: { IWM_vs_SPY: rs(side('O', 'sell'), side('X', 'sell')) } });
    const cur = facts({ rs: { IWM_vs_SPY: rs(side('X', 'sell'), side('X', 'buy')) } });
    expect(whatChanged(prev, cur)).toEqual([
      { kind: 'rs-flip', path: 'rs.IWM_vs_SPY.nearTerm.column', from: 'O', to: 'X', text: 'IWM vs SPY: near-term RS reversed into Xs' },
      { kind: 'rs-signal', path: 'rs.IWM_vs_SPY.longTerm.signal', from: 'sell', to: 'buy', text: 'IWM vs SPY: long-term RS buy signal' },
    ]);
  });

  it('dates a new RS signal (2024-05-31: "near-term RS buy signal" stood undated beside dated items)', () => {
    const rs = (signal: string, lastSignalDate: string) => ({ numeratorName: 'IVV', denominatorName: 'RSP', nearTerm: { column: 'X', signal, lastSignalDate }, longTerm: {} });
    const prev = facts({ asOf: '2024-05-24', rs: { IVV_vs_RSP: rs('sell', '2023-11-01') } });
    const cur = facts({ asOf: '2024-05-31', rs: { IVV_vs_RSP: rs('buy', '2024-05-29') } });
    expect(whatChanged(prev, cur).map((c) => c.text)).toEqual(['IVV vs RSP: near-term RS buy signal, given on 29 May']);
  });

  it('reports breadth status flips', () => {
    const prev = facts({ breadth: { SP600: { name: 'S&P 600', status: 'Bull Correction' } } });
    const cur = facts({ breadth: { SP600: { name: 'S&P 600', status: 'Bull Confirmed' } } });
    expect(whatChanged(prev, cur)).toEqual([
      { kind: 'status-flip', path: 'breadth.SP600.status', from: 'Bull Correction', to: 'Bull Confirmed', text: 'S&P 600 (SP600): Bull Confirmed (was Bull Correction)' },
    ]);
  });

  describe('score changes', () => {
    const week = (iwm: number, ivv: number) => facts({ score: { IWM: { value: iwm }, IVV: { value: ivv } } });

    it('reports a move of at least the threshold (0.5 by default) and ignores smaller ones', () => {
      // IWM 3.2 → 3.8 is +0.6 (reported); IVV 4.4 → 4.0 is −0.4 (not).
      expect(whatChanged(week(3.2, 4.4), week(3.8, 4.0))).toEqual([{ kind: 'score-change', path: 'score.IWM.value', from: 3.2, to: 3.8, text: 'IWM: score up from 3.2 to 3.8' }]);
    });

    it('counts a move equal to the threshold despite float noise', () => {
      // 0.6 − 0.1 = 0.49999999999999994 in floating point.
      expect(whatChanged(week(0.1, 1), week(0.6, 1)).map((c) => c.path)).toEqual(['score.IWM.value']);
    });

    it('takes another threshold', () => {
      expect(whatChanged(week(3.2, 4.4), week(3.8, 4.0), { score: 0.3 }).map((c) => c.text)).toEqual(['IWM: score up from 3.2 to 3.8', 'IVV: score down from 4.4 to 4.0']);
    });

    it('reads figures ({ value, unit, … }) as well as plain numbers', () => {
      const fig = (value: number | null) => ({ value, unit: 'points', from: null, to: null, inputs: [], method: 'm' });
      const prev = facts({ score: { IWM: fig(2), IVV: fig(null) } });
      const cur = facts({ score: { IWM: fig(3), IVV: fig(5) } });
      expect(whatChanged(prev, cur).map((c) => [c.path, c.from, c.to])).toEqual([['score.IWM.value', 2, 3]]);
    });

    it('rejects a negative threshold', () => {
      expect(() => whatChanged(week(1, 1), week(1, 1), { score: -1 })).toThrowErrorMatchingInlineSnapshot(
        `[RangeError: whatChanged: thresholds.score must be a number ≥ 0, got -1]`,
      );
    });
  });

  describe('missing data', () => {
    it('skips sections, series and fields absent on either side', () => {
      const prev = facts({ pnf: { RUT: { signal: 'sell' } }, score: { IWM: { value: 1 } } });
      const cur = facts({
        pnf: { RUT: { trend: 'positive', atAllTimeHigh: true }, SPX: pnf({ signal: 'buy' }) },
        breadth: { SP600: { status: 'Bull Alert' } },
        rs: { A_vs_B: { nearTerm: { column: 'X' } } },
        score: { IVV: { value: 4 } },
      });
      expect(whatChanged(prev, cur)).toEqual([]);
    });

    it('does not report a field that became null', () => {
      const prev = facts({ breadth: { SP600: { status: 'Bull Alert' } } });
      const cur = facts({ breadth: { SP600: { status: null } } });
      expect(whatChanged(prev, cur)).toEqual([]);
    });
  });

  it('lists changes in section order: P&F, RS, breadth, score', () => {
    const prev = facts({ score: { IWM: { value: 1 } }, breadth: { U: { status: 'a' } }, rs: { X_vs_Y: { nearTerm: { column: 'O' } } }, pnf: { R: { trend: 'negative' } } });
    const cur = facts({ score: { IWM: { value: 2 } }, breadth: { U: { status: 'b' } }, rs: { X_vs_Y: { nearTerm: { column: 'X' } } }, pnf: { R: { trend: 'positive' } } });
    expect(whatChanged(prev, cur).map((c) => c.kind)).toEqual(['trend-flip', 'rs-flip', 'status-flip', 'score-change']);
  });
});

describe('comparisonDate', () => {
  it('is the Friday of the week before the as-of date by default, across a month and a year end', () => {
    expect(comparisonDate('2025-12-12')).toBe('2025-12-05');
    expect(comparisonDate('2025-03-03')).toBe('2025-02-28'); // a Monday: the week so far, from last Friday
    expect(comparisonDate('2026-01-02')).toBe('2025-12-26');
  });

  it('uses the date given with --compare', () => {
    expect(comparisonDate('2025-12-12', '2025-11-28')).toBe('2025-11-28');
  });

  it('rejects a malformed date', () => {
    expect(() => comparisonDate('2025-12-12', '28/11/2025')).toThrow(/expected YYYY-MM-DD, got "28\/11\/2025"/);
  });
});
