import { afterAll, describe, expect, it } from 'vitest';
import { toSvg } from '../../src/charts/to-svg.js';
import { ytdLinesSpec } from '../../src/charts/ytd-lines.js';

const before = process.env.TZ;
afterAll(() => {
  if (before === undefined) delete process.env.TZ;
  else process.env.TZ = before;
});

const lines = [
  { key: 'SPX', name: 'S&P 500', role: 'largeCap' as const, ytd: 1, points: [{ date: '2024-12-31', value: 100 }, { date: '2025-01-31', value: 102 }, { date: '2025-02-28', value: 101 }, { date: '2025-03-31', value: 103 }, { date: '2025-04-30', value: 104 }] },
  { key: 'RUT', name: 'Russell 2000', role: 'smallCap' as const, ytd: -1, points: [{ date: '2024-12-31', value: 100 }, { date: '2025-01-31', value: 97 }, { date: '2025-02-28', value: 99 }, { date: '2025-03-31', value: 98 }, { date: '2025-04-30', value: 97 }] },
];

describe('dated charts and the time zone', () => {
  it("draw the same SVG whatever the machine's time zone (dates are read and labelled in UTC)", async () => {
    const svgs: string[] = [];
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo']) {
      process.env.TZ = tz;
      svgs.push(await toSvg(ytdLinesSpec(lines)));
    }
    expect(svgs[1]).toBe(svgs[0]);
    expect(svgs[2]).toBe(svgs[0]);
    // the January tick shows the year, February its month (four months: month ticks)
    const labels = [...svgs[0].matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(expect.arrayContaining(['2025', 'Feb']));
  });
});
