/**
 * Every sentence true: each defect class found by reading notes week after week has a test here. Each test
 * bends the demo facts into the situation that produced the false sentence, recomputes the judgements, renders
 * the narrative and checks what it says.
 */
import { describe, expect, it } from 'vitest';
import { placeholderFigures } from '../../src/charts/build-charts.js';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { judgeFacts } from '../../src/facts/judgements/index.js';
import type { Facts } from '../../src/facts/types.js';
import { loadNote } from '../../src/note/load-note.js';
import { compileNote } from '../../src/narrative/render-narrative.js';
import { templateContext } from '../../src/render/render-note.js';

const market = loadMarket();
const note = loadNote('weekly-outlook');
const render = compileNote(note);
const figures = placeholderFigures((id) => ({ id, svg: '', alt: id, source: 'demo' }));
const base = buildFacts(market, note.config, { asOf: '2025-12-12', compare: false });

/** The demo facts of 2025-12-12, changed by `edit`, with the judgements recomputed. */
function facts(edit: (f: Facts) => void): Facts {
  const f = structuredClone(base);
  edit(f);
  f.judgements = judgeFacts(f, f.thresholds);
  return f;
}

const text = (f: Facts) =>
  render(templateContext(f, figures, note)).replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

/** The text of one section (by its id), headline and figure title included. */
function section(f: Facts, id: string): string {
  const html = render(templateContext(f, figures, note));
  const m = new RegExp(`<section class="section[^"]*" id="${id}">([\\s\\S]*?)</section>`).exec(html);
  if (!m) throw new Error(`no section ${id}`);
  return m[1].replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');
}

describe('issue 13: sentences agree with their facts', () => {
  it('names the more rate-sensitive index the way the facts do, in the text and the chart title alike', () => {
    const f = facts((x) => {
      (x.correlation[x.roles.smallCap] as { latest: { value: number } }).latest.value = -0.32;
      (x.correlation[x.roles.largeCap] as { latest: { value: number } }).latest.value = -0.04;
    });
    const t = section(f, 'rates');
    expect(f.judgements.rates!.sensitivity.moreNegative).toBe('small');
    expect(t).toContain('Small caps are the more tied to falling yields');
    expect(t).toContain('Over that window small caps have tended to rise when yields fall, while large caps have shown little tie to yields');
    expect(t).not.toMatch(/small caps are the less tied/i);
    const g = facts((x) => {
      (x.correlation[x.roles.smallCap] as { latest: { value: number } }).latest.value = 0.05;
      (x.correlation[x.roles.largeCap] as { latest: { value: number } }).latest.value = -0.3;
    });
    expect(section(g, 'rates')).toContain('Large caps are the more tied to falling yields');
    expect(section(g, 'rates')).not.toContain('Small caps are the more tied');
  });

  it('lists among the sources every series the figures read: the score peers and the size groups too', () => {
    const peers = Object.values(base.score!).flatMap((v) => (v as { peerGroup?: { keys?: string[] } }).peerGroup?.keys ?? []);
    const groups = base.ranking!.sizeGroups.flatMap((g) => g.members);
    expect(peers.length + groups.length).toBeGreaterThan(0);
    for (const k of [...peers, ...groups]) expect(Object.keys(base.data.series), k).toContain(k);
  });

  it("reports in the what-changed box only the P&F charts the note's text reads (the fund's and the yield's)", () => {
    // the index charts (RUT, SPX) and the large-cap fund's are drawn with other boxes: their signals and trends can
    // differ from the fund's the body describes, which read as contradictions in the box
    const weeks = ['2020-02-28', '2025-12-12', '2016-04-29'].map((asOf) => buildFacts(market, note.config, { asOf }));
    const charts = new Set(weeks.flatMap((w) => w.changes!.items.filter((c) => c.path.startsWith('pnf.')).map((c) => c.path.split('.')[1])));
    expect([...charts].every((k) => k === base.roles.smallFund || k === base.roles.yield)).toBe(true);
    expect(charts.size).toBeGreaterThan(0);
  });

  it("calls a yield high at the very start of its window the window's high, in the heading, the figure and the key figure", () => {
    const f = facts((x) => {
      const p = x.rates!.peak;
      p.date.value = p.date.from; // the highest close of the window is its first day,
      p.priorHigh.value = p.level.value! + 0.1; // and the yield closed higher in the month before: it was already falling
      p.changeBp.value = -120;
      p.current.value = p.level.value! - 1.2; // the yields the note prints, 120 bp apart
    });
    const j = f.judgements.rates!.peak;
    expect([j.atWindowStart, j.state]).toEqual([true, 'falling']);
    // the same high, risen into from below (every close of the month before lower): a turning point, said as a peak
    const risen = facts((x) => {
      const p = x.rates!.peak;
      p.date.value = p.date.from;
      p.priorHigh.value = p.level.value! - 0.3;
    });
    expect(risen.judgements.rates!.peak.atWindowStart).toBe(false);
    expect(section(risen, 'rates')).not.toContain("window's edge");
    const t = section(f, 'rates');
    const days = f.rates!.peak.windowDays;
    expect(t).toContain(`Yields are 120 bp below their ${days}-day high`);
    expect(t).toContain(`The yield is 120 bp below its ${days}-day high`);
    expect(t).not.toMatch(/off their peak|fallen .* from its peak/);
    expect(text(f)).toContain(`−120 bp vs ${days}-day high`);
  });

  it('explains the verdict by its weighted points, so the counts of readings cannot seem to contradict it', () => {
    const v = base.judgements.verdict;
    expect(v.forWeight - v.againstWeight).toBe(v.net);
    const t = section(base, 'lead');
    expect(t).toContain(`${v.forWeight} ${v.forWeight === 1 ? 'point' : 'points'} for small caps against ${v.againstWeight}`);
    expect(t).toContain(Math.abs(v.net) >= 4 ? `a margin of ${Math.abs(v.net)}, at least the 4 points a lead needs` : `a margin of ${Math.abs(v.net)}, short of the 4 points either side needs to lead`);
    // 17 June 2022 (demo): net −7 for large caps (the score gap, narrower than six months before, has widened again
    // since May, so it counts against), but small caps are ahead on the year: no lead, and the lead says why
    const f = buildFacts(market, note.config, { asOf: '2022-06-17', compare: false });
    expect([f.judgements.verdict.net, f.judgements.verdict.yearVeto, f.judgements.verdict.state]).toEqual([-7, true, 'contender']);
    expect(section(f, 'lead')).toContain("a side leads only when the year's returns agree, and here the year's own returns point the other way");
  });

  it('says so when the higher-scoring fund changed sides over six months, rather than that the gap "has not narrowed"', () => {
    const f = facts((x) => {
      const sm = x.score![x.roles.smallFund].value as { value: number };
      const lg = x.score![x.roles.largeFund].value as { value: number };
      [sm.value, lg.value] = [2.0, 2.2];
      // the lead as of today: its run begins on the as-of date (a run weeks old is dated, reading 74)
      for (const g of Object.values(x.score!.gap)) [g.value.value, g.before.value, g.leaderSince.value] = [0.2, -0.4, x.asOf];
    });
    const j = f.judgements.score!;
    expect([j.higher, j.before.higher, j.before.gapSize, j.leaderChanged]).toEqual(['large', 'small', 0.4, true]);
    const t = section(f, 'score');
    expect(t).toContain('large caps have moved ahead, whereas six months ago IWM led by 0.4 points');
    // a new lead under 1 point has edged ahead (reading eighteen: "moved ahead" over 0.2 and 0.4 points the text calls too small to count)
    expect(t).toContain('Large caps have edged ahead on the score');
    expect(t).not.toContain('has not narrowed');
  });

  it('does not count a second half of a few days in the streak of second halves', () => {
    const f = facts((x) => {
      x.lead.h2Days = 14;
    });
    const h = f.judgements.seasonal!.h2;
    expect([h.early, h.current, h.includesCurrent]).toEqual([true, null, false]);
    expect(h.streakYears).toEqual(f.seasonal!.h2StreakCompletedYears);
    expect(h.streakYears).not.toContain(2025);
    expect(section(f, 'seasonality')).toContain('over only 14 trading days: too few to count');
    // a second half long enough counts as before
    const g = base.judgements.seasonal!.h2;
    expect(g.early).toBe(false);
  });

  it('does not call a yield standing at its high on the as-of date a peak', () => {
    const f = facts((x) => {
      const p = x.rates!.peak;
      p.date.value = x.asOf;
      p.changeBp.value = 0;
      p.current.value = p.level.value;
    });
    expect(f.judgements.rates!.peak.state).toBe('atPeak');
    const t = section(f, 'rates');
    const days = f.rates!.peak.windowDays;
    expect(t).toContain(`stands at its high of the last ${days} trading days`);
    expect(t).toContain('no peak has formed yet');
    expect(t).toContain('The yield is at its high of the window');
    expect(t).not.toMatch(/peaked at|at that peak/);
    expect(text(f)).toContain(`at its ${days}-day high`);
  });

  it('reads a correlation inside ±0.2 (within the noise of 126 daily pairs) as no tie to yields (0.10 and 0.01 printed "tend to rise with yields")', () => {
    const f = facts((x) => {
      (x.correlation[x.roles.smallCap] as { latest: { value: number } }).latest.value = 0.01;
      (x.correlation[x.roles.largeCap] as { latest: { value: number } }).latest.value = 0.1;
    });
    const j = f.judgements.rates!.sensitivity;
    expect([j.small.reading, j.large.reading, j.closeLean]).toEqual(['weak', 'weak', null]);
    expect(section(f, 'rates')).toContain('Neither index moves much with yields');
    expect(section(f, 'rates')).not.toMatch(/tend to rise with yields|lean the same way/);
  });

  it('does not contrast two correlations the figure calls similar (−0.21 against −0.19)', () => {
    const f = facts((x) => {
      (x.correlation[x.roles.smallCap] as { latest: { value: number } }).latest.value = -0.21;
      (x.correlation[x.roles.largeCap] as { latest: { value: number } }).latest.value = -0.19;
    });
    const j = f.judgements.rates!.sensitivity;
    expect([j.small.reading, j.large.reading, j.moreNegative]).toEqual(['fallingHelps', 'weak', 'similar']);
    expect(j.closeLean).toEqual({ side: 'small', reading: 'fallingHelps' });
    const t = section(f, 'rates');
    expect(t).toContain('Over that window small caps have tended to rise when yields fall, and large caps have leaned the same way a little less: the two correlations are close.');
    expect(t).not.toContain('while large caps have shown little tie');
    expect(t).toContain('Small and large caps have similar correlations with rates');
    // a weak correlation on the other side of zero is no shared lean: the contrast stands
    const g = facts((x) => {
      (x.correlation[x.roles.smallCap] as { latest: { value: number } }).latest.value = -0.2;
      (x.correlation[x.roles.largeCap] as { latest: { value: number } }).latest.value = -0.11;
    });
    expect(g.judgements.rates!.sensitivity.closeLean).toEqual({ side: 'small', reading: 'fallingHelps' });
    const h = facts((x) => {
      (x.correlation[x.roles.smallCap] as { latest: { value: number } }).latest.value = -0.22;
      (x.correlation[x.roles.largeCap] as { latest: { value: number } }).latest.value = 0.0;
    });
    expect(h.judgements.rates!.sensitivity.moreNegative).toBe('small');
    expect(h.judgements.rates!.sensitivity.closeLean).toBeNull();
  });

  it('warns of a rebound in yields only when small caps rose since the peak and move against yields', () => {
    const warn = 'a rebound in yields would be a headwind';
    const rose = facts((x) => {
      x.rates.peak.returnSince[x.roles.smallCap].value = 12;
      (x.correlation[x.roles.smallCap] as { latest: { value: number } }).latest.value = -0.3;
    });
    expect(rose.judgements.rates!.peak.state).toBe('falling');
    expect(section(rose, 'conclusion')).toContain(warn);
    const fell = facts((x) => {
      x.rates.peak.returnSince[x.roles.smallCap].value = -4;
      (x.correlation[x.roles.smallCap] as { latest: { value: number } }).latest.value = -0.3;
    });
    expect(section(fell, 'conclusion')).not.toContain(warn);
    const positive = facts((x) => {
      x.rates.peak.returnSince[x.roles.smallCap].value = 12;
      (x.correlation[x.roles.smallCap] as { latest: { value: number } }).latest.value = 0.2;
    });
    expect(section(positive, 'conclusion')).not.toContain(warn);
  });

  it('places the bullish percent on the right side of the 50% line whatever its column', () => {
    const f = facts((x) => {
      const b = x.breadth[x.roles.universe!];
      b.bullishPercent.value = 68.9;
      b.column = 'O';
      b.status = 'Bull Correction';
    });
    const t = section(f, 'breadth');
    expect(t).toContain('68.9%');
    expect(t).toContain('above the 50% line');
    expect(t).not.toContain('below the 50% line');
    const low = facts((x) => {
      x.breadth[x.roles.universe!].bullishPercent.value = 24.2;
    });
    expect(section(low, 'breadth')).toContain('in the oversold zone below 30%');
  });

  it('names no size-group leader on a tie, and none at all when no group holds a signal', () => {
    const none = facts((x) => {
      for (const g of x.ranking.sizeGroups) g.tally = 0;
    });
    const t = section(none, 'conclusion');
    expect(t).toContain('No size group holds a long-term relative-strength buy signal');
    expect(t).not.toMatch(/hold the most (long-term )?relative-strength buy signals/);
    const tie = facts((x) => {
      for (const g of x.ranking.sizeGroups) g.tally = 3;
    });
    expect(section(tie, 'conclusion')).toMatch(/share the most long-term relative-strength buy signals/);
    expect(section(tie, 'conclusion')).not.toMatch(/Conclusion: .* lead the size ranking/);
  });

  it('says an RS chart has no signal yet when the facts have none, never "still on an RS sell signal"', () => {
    const f = facts((x) => {
      const rs = x.rs[x.keys.rsSmallVsMarket];
      rs.nearTerm.column = 'X';
      rs.nearTerm.signal = null;
      rs.nearTerm.lastSignalDate = null;
    });
    const t = section(f, 'fund');
    expect(t).toContain('has given no RS signal yet');
    expect(t).not.toContain('still on an RS sell signal');
  });

  it('lists the years after a second-half win, not the win years', () => {
    expect(base.judgements.seasonal!.lean.yearsAfterWin).toEqual(base.seasonal.nextYear.afterH2Beat.years.map((y) => y + 1));
  });

  it('calls a second half level when the printed returns are equal, in the headline and the body', () => {
    const f = facts((x) => {
      x.lead.small.h2.value = 5.02;
      x.lead.large.h2.value = 4.98;
    });
    expect(f.judgements.lead.h2.leader).toBe('tie');
    const s = section(f, 'seasonality');
    expect(s).toContain("This year's second half is level so far");
    expect(s).not.toMatch(/Large caps (won|lead) .*second half/);
    expect(s).not.toMatch(/Small caps (won|lead) .*second half/);
    expect(section(f, 'lead')).toContain('The second half is level so far');
  });

  it('says "lately" only of an event within three months', () => {
    const old = facts((x) => {
      const rs = x.rs[x.keys.rsSmallVsLarge];
      rs.nearTerm.column = 'X';
      rs.nearTerm.lastColumnChange = '2014-03-07';
    });
    expect(section(old, 'lead')).not.toMatch(/Lately/);
    expect(section(old, 'lead')).toContain('since March 2014');
    const recent = facts((x) => {
      const rs = x.rs[x.keys.rsSmallVsLarge];
      rs.nearTerm.column = 'X';
      rs.nearTerm.lastColumnChange = '2025-11-03';
      x.lead.small.ytd.value = 20;
      x.lead.large.ytd.value = 10;
    });
    expect(section(recent, 'lead')).toContain('Lately small caps have had the upper hand');
  });

  it('calls a highest box new only when it was first printed after the previous note', () => {
    const p = base.pnf[base.roles.smallFund];
    const old = facts((x) => {
      const q = x.pnf[x.roles.smallFund];
      q.atAllTimeHigh = true;
      q.highestBoxDate = '2025-10-02';
    });
    expect(section(old, 'fund')).not.toMatch(/new highest box/);
    expect(section(old, 'fund')).toContain('first reached on 2 October');
    const fresh = facts((x) => {
      const q = x.pnf[x.roles.smallFund];
      q.atAllTimeHigh = true;
      q.highestBoxDate = '2025-12-10';
    });
    expect(section(fresh, 'fund')).toContain('new highest box');
    expect(p).toBeDefined();
  });

  it('prints the year of a past date outside the as-of year', () => {
    const f = facts((x) => {
      const q = x.pnf[x.roles.smallFund];
      q.atAllTimeHigh = false;
      q.lastSignalDate = '2024-11-20';
    });
    expect(section(f, 'fund')).toContain('On 20 November 2024');
  });

  it('prints a gap that agrees with the two rounded figures beside it', () => {
    const f = facts((x) => {
      x.lead.small.ytd.value = -25.12;
      x.lead.large.ytd.value = -24.84;
    });
    const t = section(f, 'lead');
    expect(t).toContain('down 25.1%');
    expect(t).toContain('−24.8%');
    expect(t).toContain('trail by 0.3 percentage points');
  });

  it('uses the same judgement in the score headline, text and chart title', () => {
    const f = facts((x) => {
      x.score[x.roles.smallFund].value.value = 3.4;
      x.score[x.roles.largeFund].value.value = 3.4;
    });
    const t = section(f, 'score');
    expect(t.match(/score the same/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text(f)).not.toMatch(/Large caps score higher/);
  });
});
