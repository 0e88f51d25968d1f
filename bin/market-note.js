#!/usr/bin/env node
// Start Chromium (when the command will print) before the heavy modules load, then run the CLI.
const { launchEarly, closeUntaken } = await import('../dist/pipeline/early-browser.js');
launchEarly(process.argv.slice(2));
const { run } = await import('../dist/cli/main.js');
try {
  process.exitCode = await run(process.argv.slice(2));
} finally {
  await closeUntaken();
}
