import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET, jitFlag, scavengeFlag } from '../../src/pipeline/jit.js';

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

describe('scavengeFlag', () => {
  it('runs scavenges on one thread unless told not to tune V8 or the user chose for Node', () => {
    expect(scavengeFlag({}, [])).toBe('--no-parallel-scavenge');
    expect(scavengeFlag({ MARKET_NOTE_V8_TUNING: 'off' }, [])).toBeNull();
    expect(scavengeFlag({}, ['--parallel-scavenge'])).toBeNull();
    expect(scavengeFlag({}, ['--no-parallel_scavenge'])).toBeNull();
    expect(scavengeFlag({}, ['--parallel-scavenge-task-count=2'])).toBe('--no-parallel-scavenge');
  });
});

describe('capYoungGeneration', () => {
  // run in a Node process of its own: the cap changes a V8 flag of the whole process
  const script = (env: string) => `
    const { getHeapSpaceStatistics } = require('node:v8');
    const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 21;
    import(${JSON.stringify(new URL('../../dist/pipeline/jit.js', import.meta.url).href)}).then(({ capYoungGeneration, SEMI_SPACE_CAP_MB }) => {
      const env = ${env};
      const out = { first: capYoungGeneration(env), before: young() };
      const keep = [];
      let i = 0;
      // allocate (keeping a share alive, as a run does) until the semi-spaces reached the cap, then capping holds them there
      while (young() < SEMI_SPACE_CAP_MB && i < 5e7) { const o = { i, s: 'x' + i }; if (i++ % 3 === 0) keep.push(o); }
      out.reached = young();
      out.capped = capYoungGeneration(env);
      for (let j = 0; j < 3e6; j++) { const o = { j, s: 'y' + j }; if (j % 3 === 0) keep.push(o); }
      out.after = young();
      out.cap = SEMI_SPACE_CAP_MB;
      console.log(JSON.stringify(out));
    });`;
  const run = (env: string) => JSON.parse(execFileSync(process.execPath, ['-e', script(env)], { encoding: 'utf8' }));

  it('waits for the semi-spaces to reach the cap, then keeps them there', () => {
    const r = run('{}');
    expect(r.first).toBe(false); // a fresh heap is smaller than the cap: not yet
    expect(r.before).toBeLessThan(r.cap);
    expect(r.reached).toBeGreaterThanOrEqual(r.cap);
    expect(r.capped).toBe(true);
    expect(r.after).toBe(r.reached); // without the cap V8 grows them to 16 MB under this load
  });

  it('leaves V8 alone when told to, and in a run that writes the code caches', () => {
    for (const env of ["{ MARKET_NOTE_V8_TUNING: 'off' }", "{ MARKET_NOTE_CODE_CACHE: 'write' }"]) {
      const r = run(env);
      expect(r.capped, env).toBe(false);
      expect(r.after, env).toBeGreaterThan(r.reached);
    }
  });
});
