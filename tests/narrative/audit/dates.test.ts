import { describe, expect, it } from 'vitest';
import { datesRule, printedDates } from '../../../src/narrative/audit/dates.js';
import { fakeFacts, note } from './fake-facts.js';

describe('audit rule: dates', () => {
  it('reads day-month, month-day, month-year and bare months after a time preposition', () => {
    expect(printedDates('On 3 May it broke out, since June 2024, on December 12, 2025, in March; May it hold?').map((d) => [d.text, d.month, d.day, d.year]))
      .toEqual([['3 May', 5, 3, undefined], ['June 2024', 6, undefined, 2024], ['December 12, 2025', 12, 12, 2025], ['March', 3, undefined, undefined]]);
  });

  it('a past date without its year is a violation on the first Friday of January', () => {
    // the signal was on 2024-11-06; the note of 2025-01-03 prints "On 6 November"
    const facts = fakeFacts({ asOf: '2025-01-03', pnf: { IWM: { lastSignalDate: '2024-11-06' } } });
    const v = datesRule(note({ fund: '<p>On 6 November it gave a buy signal at 240 (double top).</p>' }), facts);
    expect(v).toEqual([{
      date: '2025-01-03', section: 'fund', rule: 'dates',
      sentence: 'On 6 November it gave a buy signal at 240 (double top).',
      detail: '"6 November" has no year and is no date of 2025 in the facts',
    }]);
  });

  it('a date of the as-of year that the facts hold may leave its year out', () => {
    const facts = fakeFacts({ pnf: { IWM: { lastSignalDate: '2025-11-06' } } });
    expect(datesRule(note({ fund: '<p>On 6 November it gave a buy signal.</p>' }), facts)).toEqual([]);
  });

  it('a bare month needs a fact date in that month of the as-of year ("in June", "since March")', () => {
    const facts = fakeFacts({ pnf: { IWM: { trendSince: '2024-06-10' } } });
    const v = datesRule(note({ fund: '<p>The trend has been positive since June.</p><p>It turned in June 2024.</p>' }), facts);
    expect(v.map((x) => x.detail)).toEqual(['"June" has no year and is no date of 2025 in the facts']);
  });

  it('the period a figure covers counts: "since the end of June" cites the start of the second half', () => {
    const html = note({ lead: '<p>Since the end of June the Russell 2000 has gained 3.0%.</p>' });
    expect(datesRule(html, fakeFacts())).toHaveLength(1);
    const facts = fakeFacts({ returns: { h2: { RUT: { value: 3.0, from: '2025-06-30', to: '2025-12-12' } } } });
    expect(datesRule(html, facts)).toEqual([]);
  });

  it('chart data dates do not count as facts the prose can cite', () => {
    // fakeFacts' chart series holds 2025-03-03
    expect(datesRule(note({ lead: '<p>It peaked on 3 March.</p>' }), fakeFacts())).toHaveLength(1);
  });
});
