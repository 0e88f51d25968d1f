/** The CLI around notes as data: init, a note folder outside the package, per-symbol builds, --symbol for lint. */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

describe('market-note init / build / lint with note folders and symbols', () => {
  it('init scaffolds a note folder outside the package that builds and lints like a built-in one', async () => {
    const cwd = tempDir();
    const init = await runCli(['init', 'my-notes/spx-weekly'], { cwd });
    expect(init.code).toBe(0);
    expect(init.stdout.trim()).toBe(join(cwd, 'my-notes/spx-weekly'));
    expect(readdirSync(join(cwd, 'my-notes/spx-weekly')).sort()).toEqual(['note.css', 'note.hbs', 'note.yaml', 'partials']);
    const lint = await runCli(['lint', '--note', './my-notes/spx-weekly'], { cwd });
    expect(lint.stdout.trim()).toBe('spx-weekly: no problems');
    const build = await runCli(['build', '--note', './my-notes/spx-weekly', '--format', 'html', '--out', 'out'], { cwd });
    expect(build.code).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['spx-weekly-2025-12-12.facts.json', 'spx-weekly-2025-12-12.html']);
  }, 120_000);

  it('init never writes into an existing folder', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'taken'));
    const r = await runCli(['init', 'taken'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/market-note: taken already exists/);
  });

  it('build --symbols with --from/--to writes every symbol × every date, named <note>-<symbol>-<as-of>', async () => {
    const out = tempDir();
    const r = await runCli(['build', '--note', 'fund-snapshot', '--symbols', 'IWM,IJR', '--from', '2025-12-01', '--to', '2025-12-12', '--format', 'html', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.html')).sort()).toEqual([
      'fund-snapshot-IJR-2025-12-05.html',
      'fund-snapshot-IJR-2025-12-12.html',
      'fund-snapshot-IWM-2025-12-05.html',
      'fund-snapshot-IWM-2025-12-12.html',
    ]);
  }, 120_000);

  it('build --symbols with --from/--to takes a member of a universe, as a single build does', async () => {
    const out = tempDir();
    const r = await runCli(['build', '--note', 'fund-snapshot', '--symbols', 'ADJ,IWM', '--from', '2025-12-05', '--to', '2025-12-12', '--format', 'html', '--out', out, '--quiet']);
    expect(r.stderr).not.toMatch(/needs ADJ/);
    expect(r.code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.html')).sort()).toEqual([
      'fund-snapshot-ADJ-2025-12-05.html',
      'fund-snapshot-ADJ-2025-12-12.html',
      'fund-snapshot-IWM-2025-12-05.html',
      'fund-snapshot-IWM-2025-12-12.html',
    ]);
    const unknown = await runCli(['build', '--note', 'fund-snapshot', '--symbols', 'NOPE', '--from', '2025-12-05', '--to', '2025-12-12', '--out', tempDir()]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/--symbols needs NOPE/);
  }, 120_000);

  it('refuses --symbols for a note that is not built per symbol', async () => {
    const r = await runCli(['build', '--note', 'rates-wrap', '--symbols', 'IWM,IJR', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the note "rates-wrap" is not built per symbol/);
  });

  it('lint takes --symbol, a member of a universe included', async () => {
    const r = await runCli(['lint', '--note', 'fund-snapshot', '--symbol', 'ADJ']);
    expect(r.stdout.trim()).toBe('fund-snapshot ADJ: no problems');
    expect(r.code).toBe(0);
    const weekly = await runCli(['lint', '--symbol', 'IWM']);
    expect(weekly.code).toBe(2);
    expect(weekly.stderr).toMatch(/--symbol: the note "weekly-outlook" is not built per symbol/);
  }, 60_000);
});
