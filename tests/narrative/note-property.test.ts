import { describe, expect, it } from 'vitest';
import { placeholderFigures } from '../../src/charts/build-charts.js';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { loadNote } from '../../src/note/load-note.js';
import { compileNote } from '../../src/narrative/render-narrative.js';
import { formatCoverage, fridays, lintCoverage } from '../../src/narrative/lint.js';
import { templateContext } from '../../src/render/render-note.js';

const market = loadMarket();
const note = loadNote('weekly-outlook');
const render = compileNote(note);
const figures = placeholderFigures((id) => ({ id, svg: '', alt: id, source: 'demo' }));

/** mulberry32: a seeded generator so the 100 dates are the same on every run. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the weekly outlook on 100 random dates of the demo market', () => {
  const dates = market.series.SPX.dates.filter((d) => d >= '2016-01-01');
  const rand = rng(20251212);
  const sample = Array.from({ length: 100 }, () => dates[Math.floor(rand() * dates.length)]);

  it('builds without error and never prints a missing value or an unfilled sentence', () => {
    for (const asOf of sample) {
      const facts = buildFacts(market, note.config, { asOf });
      const t = text(render(templateContext(facts, figures, note)));
      expect(t, asOf).not.toMatch(/\bn\/a\b|undefined|NaN|\[object Object\]/);
      expect(t, asOf).toContain(facts.note.title);
      // The section headings of all seven sections are there.
      for (const s of ['The year so far.', 'Relative strength.', 'Breadth.', 'Trend and relative strength.', 'The 10-year yield.', 'What came next.', 'What would change the view.']) {
        expect(t, `${asOf}: ${s}`).toContain(s);
      }
    }
  }, 300_000);

  it('states the YTD leader the facts give', () => {
    for (const asOf of sample.slice(0, 30)) {
      const facts = buildFacts(market, note.config, { asOf });
      const t = text(render(templateContext(facts, figures, note)));
      const leader = facts.judgements.lead.ytd.leader;
      if (facts.judgements.calendar.earlyYear) {
        expect(t, asOf).toMatch(new RegExp(`In ${facts.judgements.calendar.lastYear.year} the `));
        continue;
      }
      // the text and Figure 1's title (the page-1 heading gives the verdict, the note's answer)
      // a gap under 2 points (2022-10-14: 0.3) is "slightly ahead" in the title as in the text, not "have done better"
      const slight = facts.judgements.lead.ytd.strength === 'slight';
      if (leader === 'small') expect(t, asOf).toMatch(slight ? /That puts small caps slightly ahead[\s\S]*Small caps slightly ahead of large caps this year/ : /That puts small caps (clearly |well )ahead[\s\S]*Small caps have done better than large caps this year/);
      if (leader === 'large') expect(t, asOf).toMatch(slight ? /Small caps trail by [\d.]+ percentage points, a narrow gap[\s\S]*Large caps slightly ahead of small caps this year/ : /Small caps trail by [\s\S]*Large caps have done better than small caps this year/);
      if (leader === 'tie') expect(t, asOf).toMatch(/The two stand level to a tenth of a point[\s\S]*Small and large caps are level this year/);
      expect(t, asOf).toContain(
        {
          smallLead: 'Small caps lead',
          smallEdge: 'Small caps: a contender, not yet the leader',
          level: 'Small caps: a contender, level with large caps',
          largeEdge: 'The evidence leans to large caps, not decisively',
          largeLead: 'Large caps lead',
        }[facts.judgements.verdict.standing],
      );
    }
  });
});

describe('lint --coverage', () => {
  it('lists Fridays rolled back to trading days', () => {
    expect(fridays(['2025-12-01', '2025-12-04', '2025-12-12'], '2025-12-01', '2025-12-14')).toEqual(['2025-12-04', '2025-12-12']);
  });

  it('finds no template error over a year of Fridays and reports branches never taken', async () => {
    const report = await lintCoverage(note, market, '2024-12-01', '2025-12-12');
    expect(report.dates.length).toBeGreaterThanOrEqual(52);
    expect(report.failures).toEqual([]);
    expect(report.branches.length).toBeGreaterThan(50);
    const taken = report.branches.filter((b) => b.trueCount > 0 && b.falseCount > 0);
    expect(taken.length).toBeGreaterThan(10);
    for (const line of formatCoverage(report)) expect(line).toMatch(/\[untaken-branch\]$/);
  }, 120_000);

  it('reports the date and template line when a template fails on some dates only', async () => {
    const broken = {
      ...note,
      partials: note.partials.map((p) =>
        p.name === 'lead' ? { ...p, text: `${p.text}\n{{#if (eq lead.ytdLeader "small")}}{{lead.noSuchFact}}{{/if}}` } : p,
      ),
    };
    const report = await lintCoverage(broken, market, '2025-11-01', '2025-12-12');
    expect(report.failures.length).toBeGreaterThan(0);
    expect(report.failures[0].template).toMatch(/lead\.hbs$/);
    expect(report.failures[0].message).toMatch(/noSuchFact/);
  }, 60_000);
});
