/** CLI habits: --version, examples in every --help, `explain` of an unknown path is bad input (exit 1), progress on `lint --coverage`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCommand } from '../../src/cli/commands/lint.js';
import { startProgress } from '../../src/cli/progress.js';
import { ROOT, runCli } from '../helpers/cli.js';

const COMMANDS = ['build', 'preview', 'fetch', 'facts', 'explain', 'lint', 'send', 'demo-data'];

describe('market-note CLI habits', () => {
  it('--version prints the package version and exits 0', async () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    for (const flag of ['--version', '-V']) {
      const r = await runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('every --help ends with examples of that command', async () => {
    const results = await Promise.all(['', ...COMMANDS].map((c) => runCli(c ? [c, '--help'] : ['--help'])));
    results.forEach((r, i) => {
      expect(r.code).toBe(0);
      const after = r.stdout.split('\nExamples:\n')[1] ?? '';
      expect(after, `${COMMANDS[i - 1] ?? '(top)'} --help`).toMatch(/^ {2}\$ market-note /m);
      if (i > 0) expect(after).toContain(`market-note ${COMMANDS[i - 1]}`);
    });
  }, 60_000);

  it('explain with a path that is not a fact exits 1 (bad input), not 2 (usage)', async () => {
    const r = await runCli(['explain', 'foo', '--as-of', '2025-12-12']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no fact at "foo"\nUnder "\(root\)" there is: asOf, note, data/);
  });
});

describe('progress', () => {
  it('writes nothing when the stream is not a terminal, and passes result lines through', () => {
    const bar: string[] = [];
    const out: string[] = [];
    const p = startProgress(3, { out: (l) => out.push(l), stream: { isTTY: false, write: (s) => bar.push(s) } });
    p.update(1, 'a');
    p.print('/out/a.pdf');
    p.stop();
    expect(p.drawn).toBe(false);
    expect(bar).toEqual([]);
    expect(out).toEqual(['/out/a.pdf']);
  });

  it('lint --coverage draws a bar of the Fridays on a terminal', async () => {
    const screen: string[] = [];
    const tty = { isTTY: true, columns: 80, write: (s: string) => screen.push(s) };
    const io = { out: () => undefined, err: () => undefined };
    const code = await lintCommand({ coverage: true, from: '2025-10-01', to: '2025-12-12' }, io, tty);
    expect(code).toBe(0);
    const bars = screen.filter((s) => s.startsWith(' ['));
    expect(bars[0]).toMatch(/^ \[-{20}\] 0\/11 {2}2025-10-03$/);
    expect(bars.at(-1)).toMatch(/^ \[#{20}\] 11\/11/);
  }, 60_000);
});
