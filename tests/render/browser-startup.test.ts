/**
 * The browser a note prints in starts without the pop-up pages of a desktop browser: the omnibox's WebUI pages,
 * which a headless print never shows, cost ~0.4 s of CPU at every launch (taken from the facts and charts computed
 * meanwhile). If a Chromium update renames the feature, this test shows them again.
 */
import { describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/render/browser.js';

describe('Chromium as market-note launches it', () => {
  it('has no browser-UI pages: only the page it prints on', async () => {
    const session = await BrowserSession.launch();
    try {
      const page = await session.newPage();
      await new Promise((r) => setTimeout(r, 300)); // the pop-ups are created just after the launch
      const cdp = await session.browser.target().createCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] })) as { targetInfos: { type: string; url: string }[] };
      expect(targetInfos.filter((t) => t.type === 'browser_ui').map((t) => t.url)).toEqual([]);
      expect(targetInfos.some((t) => t.type === 'page')).toBe(true);
      await page.close();
    } finally {
      await session.close();
    }
  }, 60_000);
});
