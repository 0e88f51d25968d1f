import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

/** `2025-12-12 lead "sentence…" numbers: detail` */
const LINE = /^\d{4}-\d{2}-\d{2} [\w-]+ ".+" (numbers|dates|recency|judgements|contradictions): .+$/;

/** A note folder with the shipped note.yaml and a one-paragraph template. */
function noteWith(name: string, template: string): string {
  const dir = join(tempDir('market-note-audit-'), name);
  mkdirSync(dir);
  cpSync(join(ROOT, 'templates/weekly-outlook/note.yaml'), join(dir, 'note.yaml'));
  writeFileSync(join(dir, 'note.css'), '');
  writeFileSync(join(dir, 'note.hbs'), template);
  return dir;
}
const honestNote = () => noteWith('honest', '<section class="section" id="lead"><p>The {{lead.small.name}} is {{signedPct lead.small.ytd}} this year.</p></section>\n');
/** Figures typed into the template instead of taken from the facts. */
const lyingNote = () => noteWith('lying', '<section class="section" id="lead"><p>Small caps are down 25.1%, against −24.8% for large caps. They trail by 0.2 percentage points.</p></section>\n');

describe('market-note audit', () => {
  it('prints one line per violation on stdout, the summary with the wall time on stderr, and exits 1', async () => {
    const r = await runCli(['audit', '--note', lyingNote(), '--from', '2025-12-01', '--to', '2025-12-12']);
    expect(r.code).toBe(1);
    const first = 'Small caps are down 25.1%, against −24.8% for large caps.';
    const second = 'They trail by 0.2 percentage points.';
    const expected = ['2025-12-05', '2025-12-12'].flatMap((d) => [
      `${d} lead "${first}" numbers: 25.1% is no fact at 1 decimal`,
      `${d} lead "${first}" numbers: −24.8% is no fact at 1 decimal`,
      // (0.2 itself is some fact of the demo market; the difference of the printed figures is 0.3)
      `${d} lead "${second}" numbers: 0.2 points ≠ 25.1 − 24.8`,
    ]);
    expect(r.stdout.trim().split('\n')).toEqual(expected);
    for (const l of expected) expect(l).toMatch(LINE);
    expect(r.stderr).toMatch(/^lying: 2 dates, 6 violations \(numbers 6, dates 0, recency 0, judgements 0, contradictions 0\) in \d+\.\d s$/m);
    expect(r.stderr).not.toContain('\r'); // no progress bar when stderr is not a terminal
  });

  it('exits 0 with no output on stdout when every sentence is backed', async () => {
    const r = await runCli(['audit', '--note', honestNote(), '--from', '2025-11-01', '--to', '2025-12-12']);
    expect(r.stderr).toMatch(/honest: 6 dates, 0 violations/);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('usage errors exit 2: no --from, --to before --from, a bad --every', async () => {
    expect((await runCli(['audit'])).code).toBe(2);
    const back = await runCli(['audit', '--from', '2025-12-12', '--to', '2025-12-01']);
    expect(back.code).toBe(2);
    expect(back.stderr).toContain('--from 2025-12-12 is after --to 2025-12-01');
    expect((await runCli(['audit', '--from', '2025-12-01', '--every', 'fortnight'])).code).toBe(2);
  });
});

describe('market-note audit progress', () => {
  it('draws a progress bar on a terminal only, and never on stdout', async () => {
    const { auditCommand } = await import('../../src/cli/commands/audit.js');
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    const drawn: string[] = [];
    const args = { note: honestNote(), from: '2025-12-01', to: '2025-12-12', every: 'friday' as const };
    expect(await auditCommand(args, io, { isTTY: true, columns: 100, write: (s: string) => drawn.push(s) })).toBe(0);
    expect(drawn.join('')).toContain('2/2  honest 2025-12-12');
    drawn.length = 0;
    expect(await auditCommand(args, io, { isTTY: false, write: (s: string) => drawn.push(s) })).toBe(0);
    expect(drawn).toEqual([]);
    expect(out).toEqual([]);
  });
});
