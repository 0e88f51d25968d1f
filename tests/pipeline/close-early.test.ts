/**
 * A single build closes its browser as soon as the note is printed (`closeBrowserEarly`), while the last note's
 * PDF metadata and files are done: every file is still written whole, the browser is gone and its profile folder
 * removed, and closing it again (the CLI's own `finally`) is harmless.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNote } from '../../src/pipeline/build-note.js';
import { loadNote } from '../../src/note/load-note.js';
import { loadMarket } from '../../src/data/load-market.js';
import { BrowserSession } from '../../src/render/browser.js';
import { pdfText, tempDir } from '../helpers/cli.js';

describe('closeBrowserEarly', () => {
  it('writes the PDF with its metadata after the browser has ended, and a second close does nothing', async () => {
    const session = await BrowserSession.launch();
    const profile = session.profile;
    const out = tempDir();
    const built = await buildNote({ note: loadNote('weekly-outlook'), market: loadMarket(), asOf: '2025-12-12', formats: ['pdf', 'html'], outDir: out, browser: session, closeBrowserEarly: true });
    expect(session.alive).toBe(false);
    expect(existsSync(profile)).toBe(false);
    await session.close();
    const pdf = join(out, 'weekly-outlook-2025-12-12.pdf');
    expect(built.files).toContain(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Producer:\s+market-note \(Chromium\)/);
    expect(pdfText(pdf)).toMatch(/Russell 2000/);
  }, 120_000);
});
