import { describe, expect, it } from 'vitest';
import { REAL, runCli } from '../helpers/cli.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';

if (!HAS_REAL) console.warn(`real data folder ${REAL} is absent: skipping the ten-year audit on real data`);

const TEN_MINUTES = 10 * 60_000;

/** Every sentence of every Friday's note is backed by its facts: no line on stdout, exit 0. */
async function expectNoViolations(args: string[]) {
  const r = await runCli(['audit', ...args]);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/ 0 violations /);
  expect(r.code).toBe(0);
}

describe('the truth audit over ten years of Fridays', () => {
  it('finds no violation in the weekly outlook on the demo market, 2016-01-01 … 2026-02-13', async () => {
    await expectNoViolations(['--from', '2016-01-01', '--to', '2026-02-13']);
  }, TEN_MINUTES);

  it.skipIf(!HAS_REAL)('finds no violation in the weekly outlook on the real data, 2016-01-01 … 2026-02-13', async () => {
    await expectNoViolations(['--data', writeRealMarketYaml(), '--from', '2016-01-01', '--to', '2026-02-13']);
  }, TEN_MINUTES);

  // the other notes use the same truth rules
  for (const note of ['rates-wrap', 'fund-snapshot']) {
    it(`finds no violation in the ${note} note on the demo market, 2016-01-01 … 2026-02-13`, async () => {
      await expectNoViolations(['--note', note, '--from', '2016-01-01', '--to', '2026-02-13']);
    }, TEN_MINUTES);

    it.skipIf(!HAS_REAL)(`finds no violation in the ${note} note on the real data, 2016-01-01 … 2025-12-12`, async () => {
      await expectNoViolations(['--note', note, '--data', writeRealMarketYaml(), '--from', '2016-01-01', '--to', '2025-12-12']);
    }, TEN_MINUTES);
  }

  it('audits a per-symbol note for the symbol asked for', async () => {
    await expectNoViolations(['--note', 'fund-snapshot', '--symbol', 'IJR', '--from', '2025-01-01', '--to', '2025-12-12']);
  }, TEN_MINUTES);
});
