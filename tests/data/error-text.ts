import { MarketNoteError } from '../../src/errors/market-note-error.js';

/** What the CLI would print for the error `fn` throws, prefixed with the code: `[BAD_CSV] file:line: message\nhint`. */
export function errorText(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof MarketNoteError) return `[${err.code}] ${err.format()}`;
    throw err;
  }
  throw new Error('expected a MarketNoteError, but nothing was thrown');
}

/** The error `fn` throws (a MarketNoteError), for checking code/line/column fields. */
export function errorOf(fn: () => unknown): MarketNoteError {
  try {
    fn();
  } catch (err) {
    if (err instanceof MarketNoteError) return err;
    throw err;
  }
  throw new Error('expected a MarketNoteError, but nothing was thrown');
}
