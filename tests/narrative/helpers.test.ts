import { describe, expect, it } from 'vitest';
import { createHandlebars, helpers } from '../../src/narrative/register.js';
import { figure } from '../../src/facts/provenance.js';

const h = helpers as Record<string, (...a: any[]) => any>;
const render = (tpl: string, ctx: object = {}) => createHandlebars().compile(tpl, { strict: true })(ctx);
const f = (v: number | null) => figure(v, { unit: 'percent', inputs: ['X'], method: 'test' });

describe('pct / signedPct', () => {
  it('rounds to one decimal by default and takes decimals', () => {
    expect(h.pct(14.414)).toBe('14.4%');
    expect(h.pct(14.45, 2)).toBe('14.45%');
    expect(render('{{pct x 0}}', { x: 9.5 })).toBe('10%');
  });
  it('signs with + and a typographic minus; zero gets no sign', () => {
    expect(h.signedPct(3.21)).toBe('+3.2%');
    expect(h.signedPct(-3.21)).toBe('−3.2%');
    expect(h.signedPct(0.01)).toBe('0.0%');
    expect(h.signedPct(-0.04)).toBe('0.0%');
  });
  it('unwraps figures and prints n/a for missing values', () => {
    expect(h.pct(f(2.345))).toBe('2.3%');
    expect(h.pct(f(null))).toBe('n/a');
    expect(render('{{signedPct x}}', { x: f(-1.25) })).toBe('−1.3%');
  });
  it('rejects a string with a clear message', () => {
    expect(() => h.pct('12')).toThrowErrorMatchingInlineSnapshot(`[TypeError: pct: expected a number, got "12"]`);
  });
});

describe('bp / num', () => {
  it('prints basis points as a size, or signed', () => {
    expect(h.bp(-41.6)).toBe('42 bp');
    expect(h.signedBp(-41.6)).toBe('−42 bp');
    expect(h.signedBp(5)).toBe('+5 bp');
  });
  it('prints fixed decimals with thousands separators', () => {
    expect(h.num(4.4321, 2)).toBe('4.43');
    expect(h.num(6812.3)).toBe('6,812');
    expect(h.num(-1234.5, 1)).toBe('−1,234.5');
  });
});

describe('ordinal / countWord / plural / list', () => {
  it('spells first to tenth, then digits with suffixes', () => {
    expect([1, 2, 3, 4, 10].map((n) => h.ordinal(n))).toEqual(['first', 'second', 'third', 'fourth', 'tenth']);
    expect([11, 12, 13, 21, 22, 23, 101, 112].map((n) => h.ordinal(n))).toEqual(['11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '112th']);
  });
  it('spells counts up to ten', () => {
    expect(h.countWord(4)).toBe('four');
    expect(h.countWord(12)).toBe('12');
  });
  it('chooses singular or plural', () => {
    expect(render('{{plural 1 "signal"}} {{plural 2 "signal"}} {{plural 3 "box" "boxes"}}')).toBe('signal signals boxes');
  });
  it('joins lists with commas and "and"', () => {
    expect(h.list([2016])).toBe('2016');
    expect(h.list([2016, 2019])).toBe('2016 and 2019');
    expect(h.list(['A', 'B', 'C'])).toBe('A, B and C');
    expect(h.list([])).toBe('none');
  });
});

describe('date / since', () => {
  it('formats named and date-fns patterns', () => {
    expect(render('{{date d "long"}}', { d: '2025-12-12' })).toBe('Friday, 12 December 2025');
    expect(render('{{date d}}', { d: '2025-03-07' })).toBe('7 March 2025');
    expect(render('{{date d "MMM yy"}}', { d: '2025-03-07' })).toBe('Mar 25');
  });
  it('says "since <month year>" or the whole history', () => {
    expect(h.since('2023-02-17')).toBe('since February 2023');
    expect(h.since(null)).toBe('in the available history');
  });
  it('dates a bare date to the day within the recent days of the as-of date, and gives the year only when it is not this year', () => {
    const at = (d: string, asOf: string, thresholds?: object) => render('{{since d}}', { d, asOf, ...(thresholds ? { thresholds } : {}) });
    // 2022-07-08 snapshot: "The trend is negative, since June 2022" of 16 June
    expect(at('2022-06-16', '2022-07-08')).toBe('since 16 June');
    expect(at('2021-12-20', '2022-01-07')).toBe('since 20 December 2021');
    expect(at('2025-04-21', '2025-10-17')).toBe('since April');
    expect(at('2024-12-02', '2025-10-17')).toBe('since December 2024');
    expect(at('2025-07-18', '2025-10-17')).toBe('since 18 July'); // 91 days
    expect(at('2025-07-18', '2025-10-17', { recentDays: 30 })).toBe('since July');
  });
  it('rejects a non-date', () => {
    expect(() => h.date('12/12/2025')).toThrowErrorMatchingInlineSnapshot(`[TypeError: date: expected a YYYY-MM-DD date, got "12/12/2025"]`);
  });
});

describe('degree / direction / comparisons', () => {
  it('chooses words by size thresholds on |value|', () => {
    const w = (v: number) => h.degree(v, 2, 5, 'slightly', 'well', 'far');
    expect([0.5, -1.99, 2, 4.9, 5, -12].map(w)).toEqual(['slightly', 'slightly', 'well', 'well', 'far', 'far']);
  });
  it('chooses direction words by sign', () => {
    expect(render('{{direction a "rose" "fell" "held"}} {{direction b "rose" "fell" "held"}} {{direction c "rose" "fell" "held"}}', { a: 1, b: -1, c: 0 })).toBe('rose fell held');
  });
  it('compares numbers and figures for #if', () => {
    expect(render('{{#if (gt a b)}}yes{{else}}no{{/if}}', { a: f(2), b: 1 })).toBe('yes');
    expect(render('{{#if (eq a "buy")}}buy{{/if}}', { a: 'buy' })).toBe('buy');
    expect(render('{{#if (and a (not b))}}ok{{/if}}', { a: true, b: false })).toBe('ok');
  });
});

describe('at', () => {
  it('looks a key up and fails loudly when absent', () => {
    expect(render('{{pct (at r k)}}', { r: { RUT: 3 }, k: 'RUT' })).toBe('3.0%');
    expect(() => render('{{pct (at r k)}}', { r: { RUT: 3 }, k: 'SPX' })).toThrow(/"SPX" is not one of RUT/);
  });
});

describe('escaping', () => {
  it('prints data values as text, never as markup', () => {
    expect(render('<p>{{name}}</p>', { name: '<script>alert(1)</script>' })).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});

describe('article / level', () => {
  it('picks a or an by the first letter', () => {
    expect(h.article('ascending triple top')).toBe('an ascending triple top');
    expect(h.article('double top')).toBe('a double top');
  });
  it('reads a numeral by its first sound: an 8th, an 11th, an 18th, an 80th, but a 12th and a 110th', () => {
    expect(['8th', '11th', '18th', '80th', '12th', '110th', '1st'].map((w) => h.article(w))).toEqual(['an 8th', 'an 11th', 'an 18th', 'an 80th', 'a 12th', 'a 110th', 'a 1st']);
  });
  it('prints chart levels without padding zeros', () => {
    expect([256, 42.5, 5.25, 0.0625, 1010].map((v) => h.level(v))).toEqual(['256', '42.5', '5.25', '0.0625', '1,010']);
    expect(h.level(null)).toBe('n/a');
  });
});

describe('capitalize / lowercase', () => {
  it('changes the case of the first letter or of the whole name, and refuses a number', () => {
    expect(h.capitalize('second')).toBe('Second');
    expect(h.lowercase('Large caps')).toBe('large caps');
    expect(() => h.lowercase(3)).toThrow(/lowercase: expected text/);
  });
});
