import type { HelperDelegate, TemplateDelegate } from 'handlebars';
import { MarketNoteError } from '../errors/market-note-error.js';
import { builtins, createHandlebars, helpers } from './register.js';
import type { NoteSource } from '../note/load-note.js';

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
  const hb = createHandlebars();
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
  // A missing partial is an error, never a silently dropped block (`{{#> figure}}…{{/figure}}` would render only its caption).
  const known = new Set(note.partials.map((p) => p.name));
  for (const t of [note.main, ...note.partials]) {
    const use = partialUses(hb.parse(t.text)).find((u) => !known.has(u.name));
    if (use) {
      throw new MarketNoteError('TEMPLATE', `the partial "${use.name}" does not exist`, {
        file: t.file,
        line: use.line,
        hint: `Add partials/${use.name}.hbs to the note folder (shared partials: ${[...known].filter((n) => note.partials.find((p) => p.name === n)?.shared).join(', ') || 'none'}).`,
      });
    }
  }
  return (context: object) => main(context);
}

/** Every `{{> name}}` and `{{#> name}}` of a template with a literal name, with its line. */
function partialUses(ast: hbs.AST.Program): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: { type?: string; original?: unknown }; loc?: { start: { line: number } } };
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression' && typeof n.name.original === 'string') {
      if (n.name.original !== '@partial-block') out.push({ name: n.name.original, line: n.loc?.start.line ?? 1 });
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'loc') continue;
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') walk(v);
    }
  };
  walk(ast);
  return out;
}
