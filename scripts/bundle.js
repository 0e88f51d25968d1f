// Bundles the compiled CLI (dist/) into a few files in dist/bundle/ with esbuild: a cold command then opens a
// handful of files instead of hundreds of modules. The bin shim uses the bundle when it is newer than dist/.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const out = 'dist/bundle';
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
});
const bytes = Object.values(result.metafile.outputs).reduce((a, o) => a + o.bytes, 0);
console.log(`bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB in ${out}/`);
