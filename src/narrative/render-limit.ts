/**
 * A bound on what one render of a note may do, so a template that runs away (an `{{#each}}` nested over
 * thousands of items) stops with one clear error instead of eating the memory and the time of the machine:
 * at most `MAX_EACH_ITERATIONS` block iterations per render, and at most `MAX_RENDER_CHARS` of output.
 * The weekly note makes a few hundred iterations and about 0.3 MB of HTML (charts included).
 */
import type Handlebars from 'handlebars';
import { fail } from '../errors/market-note-error.js';
import { renderTooLarge } from '../errors/messages.js';

/** Iterations of `{{#each}}` blocks in one render. */
export const MAX_EACH_ITERATIONS = 100_000;
/** Characters of HTML one render may produce (about 50 MB). */
export const MAX_RENDER_CHARS = 50_000_000;

type HelperOptions = Handlebars.HelperOptions;

/**
 * Wraps the `each` helper of `hb` with a counter; `reset()` before each render, `checkSize()` after it.
 * @example const limit = renderLimit(hb); limit.reset(); template(context); limit.checkSize(html.length)
 */
export function renderLimit(hb: typeof Handlebars): { reset(): void; checkSize(chars: number): void } {
  let iterations = 0;
  let chars = 0;
  const each = hb.helpers.each as (this: unknown, context: unknown, options: HelperOptions) => string;
  const tooMuch = (what: string): never => {
    const p = renderTooLarge(what);
    return fail('TEMPLATE', p.message, { hint: p.hint });
  };
  hb.registerHelper('each', function (this: unknown, context: unknown, options: HelperOptions) {
    const fn = options.fn;
    const counted = Object.assign((ctx: unknown, o?: Handlebars.RuntimeOptions) => {
      if (++iterations > MAX_EACH_ITERATIONS) tooMuch(`more than ${MAX_EACH_ITERATIONS.toLocaleString('en-US')} {{#each}} iterations`);
      const part = fn(ctx, o);
      chars += part.length;
      if (chars > MAX_RENDER_CHARS) tooMuch(`more than ${MAX_RENDER_CHARS / 1_000_000} million characters`);
      return part;
    }, fn);
    return each.call(this, context, { ...options, fn: counted });
  });
  return {
    reset() {
      iterations = 0;
      chars = 0;
    },
    checkSize(n: number) {
      if (n > MAX_RENDER_CHARS) tooMuch(`more than ${MAX_RENDER_CHARS / 1_000_000} million characters`);
    },
  };
}
