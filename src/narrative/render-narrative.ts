import type { HelperDelegate, TemplateDelegate } from 'handlebars';
import { MarketNoteError } from '../errors/market-note-error.js';
import { builtins, createHandlebars, helpers } from './register.js';
import type { NoteSource } from '../note/load-note.js';
import { factHelper, FACT_HELPER, strictPaths, type Claims } from './strict-paths.js';
import { assertNoOutsideResources } from './resource-check.js';
import { renderLimit } from './render-limit.js';
import { templateCache } from './template-cache.js';

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...Object.keys(helpers), ...builtins, FACT_HELPER].map((h) => [h, true])),
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

/** A compiled note: render context → HTML; `claims()` tells which facts each template read in the last render. */
export type CompiledNote = ((context: object) => string) & { claims: () => Claims };

/**
 * Compile every template of a note once. Every fact path is checked (see strict-paths.ts): an unknown path
 * anywhere — printed, in a condition, a `#with`/`#each`, a helper argument or a partial's hash — fails with the
 * template file and line; a partial the note does not have fails at compile time.
 */
export function compileNote(note: NoteSource, options: CompileNoteOptions = {}): CompiledNote {
  assertNoOutsideResources(note);
  const hb = createHandlebars();
  const limit = renderLimit(hb);
  const extra = options.extraHelpers ?? {};
  for (const [name, fn] of Object.entries(extra)) hb.registerHelper(name, fn);
  const sections = new Map<string, string>([[note.main.file, 'note'], ...note.partials.map((p) => [p.file, p.name] as [string, string])]);
  const facts = factHelper((file) => sections.get(file) ?? file);
  hb.registerHelper(FACT_HELPER, facts.helper as never);
  const compileOptions = {
    ...COMPILE_OPTIONS,
    knownHelpers: { ...COMPILE_OPTIONS.knownHelpers, ...Object.fromEntries(Object.keys(extra).map((k) => [k, true])) },
  };
  const helperNames = new Set([...Object.keys(helpers), ...builtins, ...Object.keys(extra)]);
  const partialNames = new Set(note.partials.map((p) => p.name));
  // A rewritten or extended compile (lint --coverage) is never cached.
  const cache = options.transform || options.extraHelpers
    ? null
    : templateCache({
        templates: [note.main, ...note.partials].map((t) => ({ file: t.file, text: t.text })),
        settings: { compileOptions, helpers: [...helperNames].sort(), partials: note.partials.map((p) => [p.name, p.file]) },
      });
  const cached = cache?.read();
  const compiledCode: Record<string, string> = {};
  const compileFile = (text: string, file: string): TemplateDelegate => {
    let fn: TemplateDelegate;
    try {
      let code = cached?.[file];
      if (code === undefined) {
        const ast = hb.parse(text);
        checkPartials(ast, file, partialNames);
        strictPaths(ast, file, helperNames);
        options.transform?.(ast, file);
        // Compiled now (not lazily, as hb.compile would) so errors surface with the file name; compiled once.
        code = hb.precompile(ast, compileOptions) as string;
      }
      compiledCode[file] = code;
      fn = hb.template(new Function(`return ${code}`)());
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
  if (cache && !cached) cache.write(compiledCode);
  const render = (context: object) => {
    facts.begin(context);
    limit.reset();
    const html = main(context);
    limit.checkSize(html.length);
    return html;
  };
  return Object.assign(render, { claims: facts.claims });
}

/** A `{{> name}}` or `{{#> name}}` of a partial the note does not have is an error (Handlebars would print the
 * block's fallback content, or nothing, instead of the figure). */
function checkPartials(ast: hbs.AST.Program, file: string, names: Set<string>): void {
  const visit = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if ((node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') && node.name.type === 'PathExpression') {
      const name: string = node.name.original;
      if (!name.startsWith('@') && !names.has(name)) {
        throw new MarketNoteError('TEMPLATE', `no partial named "${name}"`, {
          file,
          line: node.loc?.start.line,
          hint: `Add partials/${name}.hbs to the note folder, or fix the name (the note has: ${[...names].join(', ') || 'none'}).`,
        });
      }
    }
    for (const k of ['body', 'program', 'inverse']) {
      const c = node[k];
      if (Array.isArray(c)) c.forEach(visit);
      else if (c) visit(c);
    }
  };
  visit(ast);
}
