// The bin runs the esbuild bundle (dist/bundle/, made by `npm run build`; for `facts`, its CommonJS bundle with V8's
// code cache) when it is newer than dist/, else dist/ itself. Both must make the same files; the trace says which ran.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const hasBundle = existsSync(join(ROOT, 'dist/bundle/main.js'));

describe.skipIf(!hasBundle)('the bundled CLI (dist/bundle)', () => {
  it("holds the yaml library's installed version (the YAML cache's key), and facts does not load commander's child_process", () => {
    const version = (createRequire(join(ROOT, 'package.json'))('yaml/package.json') as { version: string }).version;
    const facts = readFileSync(join(ROOT, 'dist/bundle/facts-cli.cjs'), 'utf8');
    expect(facts).toMatch(new RegExp(`yamlVersion = .*${JSON.stringify(version).replace(/\./g, "\\.")}`));
    expect(facts).not.toContain('__MARKET_NOTE_YAML_VERSION__');
    expect(facts).not.toMatch(/childProcess = require\(/);
    const main = readdirSync(join(ROOT, 'dist/bundle')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(ROOT, 'dist/bundle', f), 'utf8')).join('\n');
    expect(main).not.toContain('__MARKET_NOTE_YAML_VERSION__');
  });

  it('builds the same note, byte for byte, as the compiled modules it was bundled from', async () => {
    const runs = [];
    for (const bundle of ['on', 'off']) {
      const out = tempDir();
      const r = await runCli(['build', '--as-of', '2025-12-05', '--format', 'html', '--out', out], { env: { MARKET_NOTE_TRACE: '1', MARKET_NOTE_BUNDLE: bundle } });
      expect(r.code, r.stderr).toBe(0);
      runs.push({ out, stderr: r.stderr });
    }
    // the trace names the modules that ran
    expect(runs[0].stderr).toMatch(/CLI loaded \(bundled\)/);
    expect(runs[1].stderr).toMatch(/CLI loaded  \(/);
    expect(runs[1].stderr).not.toMatch(/bundled/);
    const files = readdirSync(runs[0].out).sort();
    expect(files).toEqual(['weekly-outlook-2025-12-05.facts.json', 'weekly-outlook-2025-12-05.html']);
    expect(readdirSync(runs[1].out).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(runs[0].out, f), 'utf8'), f).toBe(readFileSync(join(runs[1].out, f), 'utf8'));
  }, 120_000);

  it('runs the facts worker from the bundle: the trace shows the early worker and the facts it computed', async () => {
    const r = await runCli(['build', '--as-of', '2025-12-12', '--format', 'html', '--out', tempDir()], { env: { MARKET_NOTE_TRACE: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/worker\] early worker: note and market loaded/);
    expect(r.stderr).toMatch(/worker\] facts @2025-12-12/);
    expect(r.stderr).toMatch(/main  \] facts received 2025-12-12/);
  }, 120_000);

  it('runs the universe worker from the bundle when asked (MARKET_NOTE_OVERLAP=always)', async () => {
    const dir = tempDir();
    expect((await runCli(['demo-data', '--out', dir])).code).toBe(0);
    const r = await runCli(['facts', '--data', join(dir, 'market.yaml'), '--as-of', '2025-12-12'], { env: { MARKET_NOTE_TRACE: '1', MARKET_NOTE_OVERLAP: 'always' } });
    expect(r.code, r.stderr).toBe(0);
    // `facts` runs from its own CommonJS bundle with the code cache the build trained (scripts/bundle.js)
    expect(r.stderr).toMatch(/CLI loaded \(facts bundle, code cache used\)/);
    expect(r.stderr).toMatch(/universes read in the universe worker/);
  }, 120_000);

  it('runs `facts` on a market.yaml without the ES module loader or node:crypto (the bin is CommonJS; the demo cache loads crypto only when used)', async () => {
    const dir = tempDir();
    expect((await runCli(['demo-data', '--out', dir])).code).toBe(0);
    // a preload that writes the main thread's list of loaded Node modules at exit
    const preload = join(dir, 'modules.cjs');
    const list = join(dir, 'modules.json');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));`);
    const r = await runCli(['facts', '--data', join(dir, 'market.yaml'), '--as-of', '2025-12-12'], { env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).asOf).toBe('2025-12-12');
    const loaded: string[] = JSON.parse(readFileSync(list, 'utf8'));
    expect(loaded).toContain('NativeModule worker_threads'); // the list is the run's
    expect(loaded.filter((m) => /esm\/(translators|module_job)$|^NativeModule crypto$/.test(m))).toEqual([]);
  }, 120_000);

  it('reads the same package files as the compiled modules: `init` copies the scaffold, `facts` prints the same JSON', async () => {
    const dir = tempDir();
    const init = await runCli(['init', join(dir, 'my-note')]);
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(dir, 'my-note', 'note.yaml'))).toBe(true);
    const a = await runCli(['facts', '--as-of', '2025-12-12']);
    const b = await runCli(['facts', '--as-of', '2025-12-12'], { env: { MARKET_NOTE_BUNDLE: 'off' } });
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).asOf).toBe('2025-12-12');
  }, 120_000);
});
