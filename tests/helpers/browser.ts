import { afterAll, beforeAll } from 'vitest';
import { BrowserSession } from '../../src/render/browser.js';

/**
 * One Chromium for the tests of the calling file (or describe block): launched before them, closed after them.
 * @example const browser = useBrowserSession(); it('prints', async () => { await browser().withPage(…) })
 */
export function useBrowserSession(): () => BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await BrowserSession.launch();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('useBrowserSession: the browser is used before beforeAll launched it');
    return session;
  };
}
