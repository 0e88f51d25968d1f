import { describe, expect, it } from 'vitest';
import { wantsBrowser } from '../../src/pipeline/early-browser.js';

describe('wantsBrowser', () => {
  it('starts Chromium early only for a single-note build that prints', () => {
    expect(wantsBrowser(['build'])).toBe(true);
    expect(wantsBrowser(['build', '--as-of', '2025-12-12', '--format', 'html,email'])).toBe(true);
    expect(wantsBrowser(['build', '--format=html'])).toBe(false);
    expect(wantsBrowser(['build', '--format', 'html', '--send'])).toBe(true);
    expect(wantsBrowser(['build', '--help'])).toBe(false);
    expect(wantsBrowser(['build', '--from', '2025-01-01'])).toBe(false);
    expect(wantsBrowser(['build', '--note', 'a,b'])).toBe(false);
    expect(wantsBrowser(['facts'])).toBe(false);
  });
});
