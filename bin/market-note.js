#!/usr/bin/env node
// Signals first (a stop removes what the run made), then Chromium when the command will print (it starts before
// the heavy modules load), then the CLI.
const { installSignalHandlers } = await import('../dist/cli/signals.js');
installSignalHandlers();
const { launchEarly, closeUntaken } = await import('../dist/pipeline/early-browser.js');
launchEarly(process.argv.slice(2));
const { run } = await import('../dist/cli/main.js');
try {
  process.exitCode = await run(process.argv.slice(2));
} finally {
  await closeUntaken();
}
