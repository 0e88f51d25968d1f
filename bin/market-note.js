#!/usr/bin/env node
// V8's tiering, then signals (a stop removes what the run made), then Chromium when the command will print (it starts before
// the heavy modules load), then the CLI. The modules come from dist/bundle/ (a few bundled files: a cold start
// opens far fewer files) when it is newer than the compiled dist/, else from dist/ itself; `facts` from
// dist/bundle/facts-cli.cjs with V8's code cache (bin/code-cache.cjs; MARKET_NOTE_CODE_CACHE=write writes the cache
// after the run, as scripts/bundle.js's training run does).
// CommonJS (bin/package.json), so `facts` runs without Node's ES module loader (~10 ms of a cold run); every other
// command imports its ES modules.
// MARKET_NOTE_BUNDLE=off runs dist/ itself. MARKET_NOTE_TRACE=1 prints each stage's time on stderr (src/cli/trace.ts).
'use strict';
const { statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

if (process.env.MARKET_NOTE_TRACE === '1') process.env.MARKET_NOTE_T0 = String(performance.timeOrigin);
const path = (p) => join(__dirname, p);
const mtime = (p) => statSync(path(p), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundled = process.env.MARKET_NOTE_BUNDLE !== 'off' && mtime('../dist/bundle/main.js') >= mtime('../dist/cli/main.js');
const load = (bundle, file) => import(pathToFileURL(path(bundled ? `../dist/bundle/${bundle}.js` : `../dist/${file}.js`)).href);
// `facts` loads no printing, chart or template modules: it runs from its own CommonJS bundle with V8's code cache
const factsBundle = bundled && process.argv[2] === 'facts' && mtime('../dist/bundle/facts-cli.cjs') >= mtime('../dist/cli/main.js');

async function main() {
  let cli;
  let cache;
  if (factsBundle) {
    // V8's tiering for short runs first, and scavenges on one thread (pipeline/jit.ts), before any of the CLI's code is
    // compiled (V8 checks a code cache against its flags)
    const jit = require(path('../dist/bundle/jit.cjs'));
    jit.tuneJit();
    jit.scavengeOnOneThread();
    const { loadBundle } = require('./code-cache.cjs');
    // the universe worker starts first, from a small bundle of its own (src/cli/facts-early.ts)
    require(path('../dist/bundle/facts-early.cjs'));
    cache = loadBundle(path('../dist/bundle/facts-cli.cjs'), path('../dist/bundle/facts-cli.cache'));
    cli = cache.exports;
    cli.installSignalHandlers();
    cli.launchEarly(process.argv.slice(2));
  } else {
    (await load('jit', 'pipeline/jit')).tuneJit();
    const { installSignalHandlers } = await load('signals', 'cli/signals');
    installSignalHandlers();
    const { launchEarly, closeUntaken } = await load('early-browser', 'pipeline/early-browser');
    launchEarly(process.argv.slice(2));
    const { run } = await load('main', 'cli/main');
    cli = { run, closeUntaken, trace: (await load('trace', 'cli/trace')).trace };
  }
  cli.trace(`CLI loaded${factsBundle ? ` (facts bundle, code cache ${cache.rejected ? 'not used' : 'used'})` : bundled ? ' (bundled)' : ''}`);
  try {
    process.exitCode = await cli.run(process.argv.slice(2));
  } finally {
    await cli.closeUntaken();
    if (cache && process.env.MARKET_NOTE_CODE_CACHE === 'write') cache.writeCache();
  }
  if (factsBundle) {
    // `facts` is done once its JSON is out (the callback of an empty write comes after every earlier write's): leave
    // without Node freeing V8's heap a page at a time first (~100 pages, 10–20 ms on a virtual machine)
    await new Promise((resolve) => process.stdout.write('', resolve));
    process.exit();
  }
}

main();
