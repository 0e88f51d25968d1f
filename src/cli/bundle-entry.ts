/**
 * What the bin shim needs from the CLI, in one module: the entry of the `facts` command's CommonJS bundle
 * (dist/bundle/facts-cli.cjs, scripts/bundle.js), which the shim loads with V8's code cache (bin/code-cache.cjs).
 */
export { installSignalHandlers } from './signals.js';
export { launchEarly, closeUntaken } from '../pipeline/early-browser.js';
export { run } from './main.js';
export { trace } from './trace.js';
