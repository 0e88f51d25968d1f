import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTemplatesDoc } from '../../src/facts/templates-doc.js';
import { ROOT } from '../helpers/cli.js';

describe('docs/templates.md', () => {
  it('is the generated facts dictionary of the current facts (run node scripts/templates-doc.js to refresh)', () => {
    expect(readFileSync(join(ROOT, 'docs/templates.md'), 'utf8')).toBe(renderTemplatesDoc());
  });
});
