import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { leftoverChromium, pdfPages, pdfText, runCli, tempDir, withoutDemoNotice } from '../helpers/cli.js';

const AS_OF = '2025-12-12';

describe('market-note build (demo market, end to end)', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    out = tempDir();
    result = await runCli(['build', '--as-of', AS_OF, '--out', out]);
  }, 180_000);

  it('writes the PDF, HTML and facts and prints their paths', () => {
    expect(withoutDemoNotice(result.stderr)).toBe('');
    expect(result.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([`weekly-outlook-${AS_OF}.facts.json`, `weekly-outlook-${AS_OF}.html`, `weekly-outlook-${AS_OF}.pdf`]);
    const printed = result.stdout.trim().split('\n').map((l) => l.split('/').pop()).sort();
    expect(printed).toEqual(files);
  });

  it('prints the facts figures into the PDF text', () => {
    const facts = JSON.parse(readFileSync(join(out, `weekly-outlook-${AS_OF}.facts.json`), 'utf8'));
    const text = pdfText(join(out, `weekly-outlook-${AS_OF}.pdf`)).replace(/\s+/g, ' ');
    expect(text).toContain('Are small caps the star of next year?');
    expect(text).toContain('Data through Friday, 12 December 2025');
    const ytd = facts.lead.small.ytd.value as number;
    const sign = ytd > 0 ? '+' : ytd < 0 ? '−' : '';
    expect(text).toContain(`${sign}${Math.abs(ytd).toFixed(1)}%`);
    expect(text).toMatch(/page 1 of \d+/);
    expect(text).toContain('Figure 1.');
  });

  it('has a sensible number of A4 pages', () => {
    const pages = pdfPages(join(out, `weekly-outlook-${AS_OF}.pdf`));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(8);
  });

  it('leaves no Chromium process behind', () => {
    expect(leftoverChromium(result.tmp)).toEqual([]);
  });

  it('writes a self-contained HTML page (no external URLs, fonts inlined)', () => {
    const html = readFileSync(join(out, `weekly-outlook-${AS_OF}.html`), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('data:font/woff2;base64,');
    expect(html).not.toMatch(/(?:src|href)=["']https?:/);
  });
});

describe('market-note build failures', () => {
  it('exits 1 with one clear line and writes nothing when the data is bad', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'market.yaml'), 'series:\n  SPX: { file: SPX.csv }\n');
    writeFileSync(join(data, 'SPX.csv'), 'Date,Close\n2025-01-02,100\n2025-01-03,n/a\n');
    const out = join(dir, 'out');
    const r = await runCli(['build', '--data', data, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/SPX\.csv:3: .*n\/a/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('exits 2 on a usage error', async () => {
    const r = await runCli(['build', '--as-of', '2025-13-45']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected a date as YYYY-MM-DD/);
  });

  it('exits 1 when the as-of date is outside the data', async () => {
    const r = await runCli(['facts', '--as-of', '1990-01-05']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/1990-01-05/);
  });
});

describe('market-note facts', () => {
  it('prints only JSON on stdout', async () => {
    const r = await runCli(['facts', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.stdout);
    expect(facts.asOf).toBe(AS_OF);
    expect(facts.returns.ytd.RUT.method).toMatch(/prior calendar year/);
  });
});
