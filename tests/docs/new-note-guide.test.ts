import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

/** The steps of docs/templates.md "A new note in ten minutes": shell commands, and files written in full. */
function guideSteps(): ({ kind: 'run'; args: string[] } | { kind: 'file'; path: string; text: string })[] {
  const doc = readFileSync(join(ROOT, 'docs/templates.md'), 'utf8');
  const start = doc.indexOf('## A new note in ten minutes');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 3));
  const steps: ReturnType<typeof guideSteps> = [];
  const block = /(?:<!-- file: (\S+) -->\n)?```(\w+)\n([\s\S]*?)```/g;
  for (const m of section.matchAll(block)) {
    const [, file, lang, body] = m;
    if (file) steps.push({ kind: 'file', path: file, text: body });
    else if (lang === 'sh') {
      for (const line of body.split('\n').filter(Boolean)) {
        expect(line.startsWith('npx market-note ')).toBe(true);
        steps.push({ kind: 'run', args: line.slice('npx market-note '.length).split(/\s+/) });
      }
    }
  }
  return steps;
}

describe('docs/templates.md "A new note in ten minutes"', () => {
  it('works when followed to the letter: init, build, the edits, lint, the PDF', async () => {
    const cwd = tempDir();
    const steps = guideSteps();
    expect(steps.filter((s) => s.kind === 'run').length).toBeGreaterThanOrEqual(4);
    expect(steps.filter((s) => s.kind === 'file').length).toBeGreaterThanOrEqual(3);
    for (const step of steps) {
      if (step.kind === 'file') {
        mkdirSync(dirname(join(cwd, step.path)), { recursive: true });
        writeFileSync(join(cwd, step.path), step.text);
        continue;
      }
      const r = await runCli(step.args, { cwd });
      expect(r.stderr, `market-note ${step.args.join(' ')}`).not.toMatch(/market-note: /);
      expect(r.code, `market-note ${step.args.join(' ')}\n${r.stderr}`).toBe(0);
    }
    const out = readdirSync(join(cwd, 'out'));
    expect(out.some((f) => /^yield-note-\d{4}-\d{2}-\d{2}\.pdf$/.test(f))).toBe(true);
    const html = readFileSync(join(cwd, 'out', out.find((f) => f.startsWith('yield-note-') && f.endsWith('.html'))!), 'utf8');
    expect(html).toMatch(/The yield (rose|fell|was unchanged) /);
    expect(existsSync(join(cwd, 'my-notes/yield-note/partials/summary.hbs'))).toBe(true);
  }, 180_000);
});
