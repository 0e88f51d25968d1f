import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

/** The ```js examples of docs/api.md, with their section titles. */
function examples(): { title: string; code: string }[] {
  const doc = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
  const out: { title: string; code: string }[] = [];
  let title = '';
  for (const part of doc.split(/^(## .*)$/m)) {
    if (part.startsWith('## ')) title = part.slice(3);
    else for (const m of part.matchAll(/```js\n([\s\S]*?)```/g)) out.push({ title, code: m[1] });
  }
  return out;
}

const dist = pathToFileURL(join(ROOT, 'dist/index.js')).href;

/** Run one example as an ES module against the built package, in its own folder. */
function run(code: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = tempDir();
  const file = join(dir, 'example.mjs');
  writeFileSync(file, code.replaceAll("from 'market-note'", `from '${dist}'`));
  return new Promise((res) => {
    execFile('node', [file], { cwd: dir, maxBuffer: 16 << 20 }, (err, stdout, stderr) => res({ code: err ? 1 : 0, stdout, stderr }));
  });
}

describe.skipIf(!existsSync(join(ROOT, 'dist/index.js')))('docs/api.md', () => {
  const all = examples();
  it('has an example for each entry point', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    const code = all.map((e) => e.code).join('\n');
    for (const fn of ['buildFacts', 'buildNotes', 'buildNote', 'withMemberSeries', 'readEml']) expect(code).toContain(fn);
  });
  for (const { title, code } of all) {
    it(`runs the example "${title}"`, async () => {
      const r = await run(code);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).not.toBe('');
    }, 180_000);
  }
});
