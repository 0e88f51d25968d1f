import type { HelperDelegate, TemplateDelegate } from 'handlebars';
import { MarketNoteError } from '../errors/market-note-error.js';
import { builtins, createHandlebars, helpers } from './register.js';
import { assertNoOutsideResources } from './resource-check.js';
import { renderLimit } from './render-limit.js';
import type { NoteSource } from './load-note.js';

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...Object.keys(helpers), ...builtins].map((h) => [h, true])),
  noEscape: false,
} as const;

/** Turn a Handlebars error ("… - 3:10", "Parse error on line 3") into one that names the template file and line. */
export function templateError(e: unknown, file: string): MarketNoteError {
  if (e instanceof MarketNoteError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  const m = /- (\d+):(\d+)\s*$/.exec(msg) ?? /on line (\d+)/.exec(msg) ?? /line (\d+)/.exec(msg);
  const line = m ? Number(m[1]) : undefined;
  const column = m && m[2] !== undefined ? Number(m[2]) + 1 : undefined;
  let text = msg.split('\n')[0].replace(/\s*- \d+:\d+\s*$/, '');
  text = text.replace(/ not defined in \[object Object\]/, ' is not a fact (no such path in the facts object)');
  return new MarketNoteError('TEMPLATE', text, {
    file,
    line,
    column,
    cause: e,
    hint: 'Check the name against docs/templates.md (the facts dictionary) or run `market-note lint`.',
  });
}

export interface CompileNoteOptions {
  /** Rewrite each template's syntax tree before it is compiled (used by `lint --coverage`). */
  transform?: (ast: hbs.AST.Program, file: string) => void;
  /** Extra helpers for the transformed templates. */
  extraHelpers?: Record<string, (...args: any[]) => unknown>;
}

/** Compile every template of a note once; returns a function from the render context to HTML. */
export function compileNote(note: NoteSource, options: CompileNoteOptions = {}): (context: object) => string {
  assertNoOutsideResources(note);
  const hb = createHandlebars();
  const limit = renderLimit(hb);
  const extra = options.extraHelpers ?? {};
  for (const [name, fn] of Object.entries(extra)) hb.registerHelper(name, fn);
  const compileOptions = {
    ...COMPILE_OPTIONS,
    knownHelpers: { ...COMPILE_OPTIONS.knownHelpers, ...Object.fromEntries(Object.keys(extra).map((k) => [k, true])) },
  };
  const compileFile = (text: string, file: string): TemplateDelegate => {
    let fn: TemplateDelegate;
    try {
      let input: string | hbs.AST.Program = text;
      if (options.transform) {
        input = hb.parse(text);
        options.transform(input, file);
      }
      fn = hb.compile(input, compileOptions);
      // Handlebars compiles lazily: force it now so syntax errors surface with the file name.
      hb.precompile(input, compileOptions);
    } catch (e) {
      throw templateError(e, file);
    }
    return ((ctx: unknown, opts?: unknown) => {
      try {
        return fn(ctx, opts as never);
      } catch (e) {
        throw templateError(e, file);
      }
    }) as TemplateDelegate;
  };
  for (const p of note.partials) hb.registerPartial(p.name, compileFile(p.text, p.file) as unknown as HelperDelegate);
  const main = compileFile(note.main.text, note.main.file);
  return (context: object) => {
    limit.reset();
    const html = main(context);
    limit.checkSize(html.length);
    return html;
  };
}
