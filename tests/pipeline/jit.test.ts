import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET, jitFlag } from '../../src/pipeline/jit.js';

describe('jitFlag', () => {
  it("raises V8's interrupt budget", () => {
    expect(jitFlag({}, [])).toBe(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    expect(INTERRUPT_BUDGET).toBeGreaterThan(67_584); // V8's default in Node 20
  });

  it('keeps a budget the user gave Node, and V8 defaults when told to', () => {
    expect(jitFlag({}, ['--max-old-space-size=4096', '--interrupt-budget=50000'])).toBeNull();
    expect(jitFlag({}, ['--interrupt_budget=50000'])).toBeNull();
    expect(jitFlag({ MARKET_NOTE_V8_TUNING: 'off' }, [])).toBeNull();
    // a flag that only starts the same is another one
    expect(jitFlag({}, ['--interrupt-budget-for-feedback-allocation=940'])).toBe(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  });
});
