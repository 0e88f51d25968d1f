import { describe, expect, it } from 'vitest';
import { anchorLine, bridgePath, indexOnOrAfter, stepValues } from '../../../src/data/demo/bridge-path.js';

const dates = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'];

describe('bridgePath', () => {
  it('passes through every anchor, whatever the shocks', () => {
    const shocks = Float64Array.of(0, 3, -7, 2, 11);
    const path = bridgePath(dates, [{ date: '2025-01-02', value: 1 }, { date: '2025-01-06', value: 5 }, { date: '2025-01-08', value: 2 }], shocks);
    expect(path[0]).toBe(1);
    expect(path[2]).toBe(5);
    expect(path[4]).toBe(2);
  });

  it('between anchors is the straight line plus the walk minus its own straight line', () => {
    // walk: 0, 3, -4 → bridge term at day 1: 3 − ½·(−4) = 5; line: 1 + ½·(5 − 1) = 3.
    const path = bridgePath(dates, [{ date: '2025-01-02', value: 1 }, { date: '2025-01-06', value: 5 }], Float64Array.of(0, 3, -7, 0, 0));
    expect(path[1]).toBe(8);
  });

  it('places an anchor on a non-trading day at the next trading day', () => {
    const path = bridgePath(dates, [{ date: '2025-01-02', value: 0 }, { date: '2025-01-04', value: 9 }], new Float64Array(5));
    expect(path[2]).toBe(9);
  });
});

describe('indexOnOrAfter / stepValues / anchorLine', () => {
  it('finds the first date on or after a date', () => {
    expect(indexOnOrAfter(dates, '2025-01-04')).toBe(2);
    expect(indexOnOrAfter(dates, '2025-01-02')).toBe(0);
    expect(indexOnOrAfter(dates, '2026-01-01')).toBe(5);
  });
  it('holds each step value until the next step', () => {
    expect(stepValues(dates, [{ from: '2025-01-01', value: 1 }, { from: '2025-01-06', value: 2 }])).toEqual(Float64Array.of(1, 1, 2, 2, 2));
  });
  it('interpolates anchors linearly by trading day', () => {
    expect(anchorLine(dates, [{ date: '2025-01-02', value: 0 }, { date: '2025-01-08', value: 8 }])).toEqual(Float64Array.of(0, 2, 4, 6, 8));
  });
});
