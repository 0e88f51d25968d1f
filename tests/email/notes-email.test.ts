import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { readEml } from '../../src/email/smtp.js';
import { loadNote } from '../../src/note/load-note.js';
import { buildNotes } from '../../src/pipeline/build-notes.js';
import { tempDir } from '../helpers/cli.js';
import { useBrowserSession } from '../helpers/browser.js';

describe('the e-mail edition of notes without an email.hbs of their own', () => {
  const browser = useBrowserSession();

  it('uses the shared e-mail shell, whose preheader reads no weekly-outlook fact', async () => {
    const market = loadMarket();
    for (const [name, run] of [['rates-wrap', { asOf: '2025-12-12' }], ['fund-snapshot', { asOf: '2025-12-12', symbol: 'IJR' }]] as const) {
      const r = await buildNotes(loadNote(name), market, [run], { outDir: tempDir(), formats: ['email'], browser: browser(), factsWorker: false, email: { from: 'research@example.com', to: ['desk@example.com'] } });
      expect(r.failures.map((f) => f.message)).toEqual([]);
      const eml = r.built[0].files.find((f) => f.endsWith('.eml'))!;
      const m = readEml(readFileSync(eml), eml);
      expect(m.subject).toBe(loadNote(name).config.title);
      expect(readFileSync(eml, 'utf8')).toMatch(/Content-Type: image\/png/);
    }
  }, 120_000);
});
