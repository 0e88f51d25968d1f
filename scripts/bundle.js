// Bundles the compiled CLI (dist/) into a few files in dist/bundle/ with esbuild: a cold command then opens a
// handful of files instead of hundreds of modules. The bin shim uses the bundle when it is newer than dist/.
// `facts` gets a bundle of its own, dist/bundle/facts-cli.cjs: one CommonJS file (V8's code cache is offered by
// Node 20 only for CommonJS scripts) holding the CLI without the other commands, and dist/bundle/facts-cli.cache,
// the bytecode a training run compiled (bin/code-cache.cjs loads both; V8 refuses a cache made by another Node or
// with other flags, and the bin then compiles as usual).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = 'dist/bundle';
// the yaml library's version, for the key of the YAML cache (config/yaml-cache.ts), so a run need not look it up
const define = { __MARKET_NOTE_YAML_VERSION__: JSON.stringify(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('yaml/package.json'), 'utf8')).version) };
rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    jit: 'dist/pipeline/jit.js',
    signals: 'dist/cli/signals.js',
    'early-browser': 'dist/pipeline/early-browser.js',
    main: 'dist/cli/main.js',
    trace: 'dist/cli/trace.js',
    'facts-worker': 'dist/pipeline/facts-worker.js',
    // worker entries are found beside the chunk that starts them (new URL('./…-worker.js', import.meta.url))
    'universe-worker': 'dist/data/universe-worker.js',
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ES module builds first: a CommonJS package imported with import() would only offer its default export
  mainFields: ['module', 'main'],
  chunkNames: '[name]-[hash]',
  external: ['sharp', 'nodemailer', 'juice', 'cheerio', 'html-to-text', 'undici'],
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
  // ASCII only (below): strings, regular expressions and names escaped
  charset: 'ascii',
  define,
});
const bytes = Object.values(result.metafile.outputs).reduce((a, o) => a + o.bytes, 0);
console.log(`bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB in ${out}/`);

/** One CommonJS bundle of `entry`: its modules find the package's files and the workers from their own URL, in these
 * bundles the bundle's. */
const commonJs = (entry, file, more = {}) =>
  build({
    entryPoints: [entry],
    outfile: `${out}/${file}`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    define: { ...define, 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
    metafile: true,
    // ASCII only (below): strings, regular expressions and names escaped
    charset: 'ascii',
    ...more,
  });

// The facts command's bundle: every other command (and Chromium) is a module that throws if it is ever imported,
// which the bin rules out by loading this bundle only for `facts`.
const facts = await commonJs('dist/cli/bundle-entry.js', 'facts-cli.cjs', {
  plugins: [
    {
      // commander loads node:child_process (with net, dgram and streams: ~2.5 ms of a cold run) for executable
      // subcommands, which market-note has none of: here it is loaded on first use
      name: 'lazy-child-process',
      setup(b) {
        b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (a) => {
          const text = await readFile(a.path, 'utf8');
          const eager = 'const childProcess = require(\'node:child_process\');';
          if (!text.includes(eager)) return undefined;
          return { contents: text.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
        });
      },
    },
    {
      name: 'facts-only',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (a) =>
          a.kind === 'dynamic-import' && !/\/commands\/facts\.js$|^csv-parse/.test(a.path) ? { path: a.path, namespace: 'not-in-facts' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'not-in-facts' }, (a) => ({
          contents: `throw new Error(${JSON.stringify(`market-note: ${a.path} is not in the facts command's bundle (scripts/bundle.js)`)});`,
          loader: 'js',
        }));
      },
    },
  ],
});
console.log(`bundle: ${out}/facts-cli.cjs, ${(Object.values(facts.metafile.outputs)[0].bytes / 1e6).toFixed(1)} MB`);

// The universe worker's bundle (data/universe-early.ts starts it with its code cache when it is there), and the small
// bundle the bin runs first for `facts`, which starts that worker before the command's bundle loads.
await commonJs('dist/data/universe-worker.js', 'universe-worker.cjs');
await commonJs('dist/cli/facts-early.js', 'facts-early.cjs');
// V8's tiering for the bin's `facts` path, which loads no ES module
await commonJs('dist/pipeline/jit.js', 'jit.cjs');
// Every bundle in ASCII only: one character above 127 anywhere in a file (a dash in a comment) makes V8 hold the whole
// source as two bytes a character, which a cold command reads, decodes and copies (for `facts`, ~440 fresh pages of
// memory, dear on a virtual machine). esbuild's `charset: 'ascii'` escapes strings, regular expressions and names; what
// it leaves is in comments, where an escape is only text.
for (const file of readdirSync(out).filter((f) => /\.c?js$/.test(f))) {
  const path = `${out}/${file}`;
  const text = readFileSync(path, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(path, ascii);
}

// Training: `facts` on a market.yaml of CSV files (the demo market written out), once with the universe worker (its
// cache) and once with every file read on the main thread, so the command's cache holds all the readers, the facts
// and the JSON.
const bin = new URL('../bin/market-note.js', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'market-note-cache-'));
try {
  execFileSync(process.execPath, [bin, 'demo-data', '--out', tmp], { stdio: 'ignore' });
  for (const overlap of ['always', 'never']) {
    const env = { ...process.env, MARKET_NOTE_CODE_CACHE: 'write', MARKET_NOTE_OVERLAP: overlap, MARKET_NOTE_TRACE: '0' };
    execFileSync(process.execPath, [bin, 'facts', '--data', join(tmp, 'market.yaml')], { env, stdio: 'ignore' });
  }
  console.log(`bundle: ${out}/facts-cli.cache and universe-worker.cache trained`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
