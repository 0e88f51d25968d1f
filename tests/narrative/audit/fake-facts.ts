import type { Facts } from '../../../src/facts/types.js';

/** A small hand-made facts object: only what the audit reads, every figure easy to check by eye. */
export function fakeFacts(over: Record<string, unknown> = {}): Facts {
  const base: Record<string, unknown> = {
    asOf: '2025-12-12',
    roles: { largeCap: 'SPX', smallCap: 'RUT', yield: 'TNX', smallFund: 'IWM', largeFund: 'IVV', marketBenchmark: 'RSP', universe: 'SP600' },
    keys: { rsSmallVsMarket: 'IWM_vs_RSP', rsLargeVsMarket: 'IVV_vs_RSP', rsSmallVsLarge: 'IWM_vs_IVV', scoreGap: 'IVV_IWM' },
    returns: {
      ytd: { RUT: { value: -25.12, unit: 'percent' }, SPX: { value: -24.84, unit: 'percent' } },
      h1: { RUT: { value: -10, unit: 'percent' }, SPX: { value: -12, unit: 'percent' } },
      h2: { RUT: { value: 3.02, unit: 'percent' }, SPX: { value: 3.0, unit: 'percent' } },
    },
    lead: { ytdLeader: 'large', ytdGap: { value: -0.28 }, inH2: true, h1Leader: 'small', h2Leader: 'tie' },
    pnf: {},
    rs: {},
    breadth: {},
    score: {},
    correlation: { window: 126, SPX: { latest: { value: -0.03 } }, RUT: { latest: { value: -0.28 } }, moreNegative: 'RUT', moreSensitive: 'RUT' },
    changes: { since: '2025-12-05', items: [] },
    charts: { ytd: [{ series: [{ date: '2025-03-03', value: 12.3 }] }] },
  };
  return { ...base, ...over } as unknown as Facts;
}

/** A rendered note: sections of paragraphs, as the shipped templates print them. */
export function note(sections: Record<string, string>): string {
  return Object.entries(sections).map(([id, body]) => `<section class="section" id="${id}">\n${body}\n</section>`).join('\n');
}
