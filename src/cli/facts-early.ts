/**
 * The head start of `market-note facts --data market.yaml`, as a bundle of its own (dist/bundle/facts-early.cjs,
 * scripts/bundle.js): the bin shim runs it before it loads the command's bundle, so the universe worker starts ~50 ms
 * sooner; the command's copy of universe-early.ts takes the worker through their shared state.
 */
import { startUniversesFor } from '../data/universe-early.js';

startUniversesFor(process.argv.slice(2));
