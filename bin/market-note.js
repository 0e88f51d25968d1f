#!/usr/bin/env node
// V8's tiering, then signals (a stop removes what the run made), then Chromium when the command will print (it starts before
// the heavy modules load), then the CLI. The modules come from dist/bundle/ (a few bundled files: a cold start
// opens far fewer files) when it is newer than the compiled dist/, else from dist/ itself.
// MARKET_NOTE_BUNDLE=off runs dist/ itself. MARKET_NOTE_TRACE=1 prints each stage's time on stderr (src/cli/trace.ts).
import { statSync } from 'node:fs';

if (process.env.MARKET_NOTE_TRACE === '1') process.env.MARKET_NOTE_T0 = String(performance.timeOrigin);
const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundled = process.env.MARKET_NOTE_BUNDLE !== 'off' && mtime('../dist/bundle/main.js') >= mtime('../dist/cli/main.js');
const from = (bundle, file) => (bundled ? `../dist/bundle/${bundle}.js` : `../dist/${file}.js`);

// V8's tiering for short runs first (pipeline/jit.ts), before any of the CLI's code runs
(await import(from('jit', 'pipeline/jit'))).tuneJit();
const { installSignalHandlers } = await import(from('signals', 'cli/signals'));
installSignalHandlers();
const { launchEarly, closeUntaken } = await import(from('early-browser', 'pipeline/early-browser'));
launchEarly(process.argv.slice(2));
const { run } = await import(from('main', 'cli/main'));
(await import(from('trace', 'cli/trace'))).trace(`CLI loaded${bundled ? ' (bundled)' : ''}`);
try {
  process.exitCode = await run(process.argv.slice(2));
} finally {
  await closeUntaken();
}
