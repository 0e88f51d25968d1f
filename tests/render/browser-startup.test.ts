/**
 * The browser a note prints in starts without what a desktop browser opens: no first tab (every page comes from
 * newPage), and no pop-up pages of the omnibox (WebUI pages a headless print never shows, which cost ~0.4 s of
 * CPU at every launch, taken from the facts and charts computed meanwhile). If a Chromium update renames a
 * feature or a switch, this test shows those pages again.
 */
import { describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/render/browser.js';

type Target = { type: string; url: string };

describe('Chromium as market-note launches it', () => {
  it('has no tab and no browser-UI page of its own: only the pages it is asked for', async () => {
    const session = await BrowserSession.launch();
    try {
      const targets = async (): Promise<Target[]> => {
        const cdp = await session.browser.target().createCDPSession();
        try {
          return ((await cdp.send('Target.getTargets', { filter: [{}] })) as { targetInfos: Target[] }).targetInfos;
        } finally {
          await cdp.detach();
        }
      };
      await new Promise((r) => setTimeout(r, 300)); // the pop-ups were created just after the launch
      const before = await targets();
      expect(before.filter((t) => t.type === 'browser_ui').map((t) => t.url)).toEqual([]);
      expect(before.filter((t) => t.type === 'page')).toEqual([]);
      const page = await session.newPage();
      await page.setContent('<p>note</p>');
      const after = await targets();
      expect(after.filter((t) => t.type === 'page')).toHaveLength(1);
      expect(after.filter((t) => t.type === 'browser_ui')).toEqual([]);
    } finally {
      await session.close();
    }
  }, 60_000);
});
