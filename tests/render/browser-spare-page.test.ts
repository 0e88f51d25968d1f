import { describe, expect, it } from 'vitest';
import { PAGE_USES } from '../../src/render/browser.js';
import { useBrowserSession } from '../helpers/browser.js';

// The spare page (BrowserSession.borrowPage): kept open between uses, replaced when it is worn, failed or gone.
describe('the browser session’s spare page', () => {
  const browser = useBrowserSession();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('is the same page from one borrow to the next', async () => {
    const a = await browser().borrowPage();
    a.done(true);
    const b = await browser().borrowPage();
    b.done(true);
    expect(b.page).toBe(a.page);
    expect(b.page.isClosed()).toBe(false);
  });

  it('lends a page of its own, closed when given back, to a second borrower while the spare is out', async () => {
    const first = await browser().borrowPage();
    const second = await browser().borrowPage();
    expect(second.page).not.toBe(first.page);
    second.done(true);
    first.done(true);
    await settle();
    expect(second.page.isClosed()).toBe(true);
    expect(first.page.isClosed()).toBe(false);
  });

  it('is replaced after a failed use, after its uses run out, and when it has closed', async () => {
    const failed = await browser().borrowPage();
    failed.done(false);
    const next = await browser().borrowPage();
    next.done(true);
    expect(next.page).not.toBe(failed.page);
    await settle();
    expect(failed.page.isClosed()).toBe(true);

    let worn = next.page;
    for (let i = 1; i < PAGE_USES; i++) {
      const lent = await browser().borrowPage();
      expect(lent.page).toBe(worn);
      lent.done(true);
    }
    const fresh = await browser().borrowPage();
    fresh.done(true);
    expect(fresh.page).not.toBe(worn);

    worn = fresh.page;
    await worn.close(); // as a renderer that went away
    const after = await browser().borrowPage();
    after.done(true);
    expect(after.page).not.toBe(worn);
    expect(after.page.isClosed()).toBe(false);
  }, 60_000);
});
