/** Sentence-level provenance: a build records what each section's text read, and `explain --section` shows it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

describe('claims: why does this sentence say that?', () => {
  it('writes, per section, the judgements and figures its text read into the facts file', async () => {
    const out = tempDir();
    const r = await runCli(['build', '--as-of', '2025-12-12', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    const facts = JSON.parse(readFileSync(join(out, 'weekly-outlook-2025-12-12.facts.json'), 'utf8'));
    expect(facts.claims.rates['judgements.rates.peak.state']).toBe(facts.judgements.rates.peak.state);
    expect(facts.claims.lead['judgements.lead.ytd.leader']).toBe(facts.judgements.lead.ytd.leader);
    expect(facts.claims.conclusion['judgements.verdict.standing']).toBe(facts.judgements.verdict.standing);
  }, 120_000);

  it('explain --section lists what a section read, and an unknown section is bad input', async () => {
    const r = await runCli(['explain', '--section', 'breadth', '--as-of', '2025-12-12']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^weekly-outlook 2025-12-12, section breadth: what its sentences read/);
    expect(r.stdout).toMatch(/judgements\.breadth\.status\.value = "[A-Za-z ]+"   \(a judgement/);
    expect(r.stdout).toMatch(/judgements\.breadth\.level\.value = [\d.]+   \(a judgement/);
    const bad = await runCli(['explain', '--section', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no section named "nope"/);
  }, 120_000);
});
