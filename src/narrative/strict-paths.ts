/**
 * Strict paths everywhere. Handlebars' own `strict` mode checks a path printed on its own (`{{a.b}}`) but not a
 * path inside `#if`, `#with`, `#each`, a helper argument or a partial's hash: there a typo reads as `undefined`
 * and silently takes the else-branch or prints a blank. This rewrite turns every fact path in a template into a
 * call of the `__fact` helper, which walks the path one key at a time and fails with the template file, line and
 * path on the first key that does not exist. Facts are JSON, so `undefined` can only mean "no such path"; a fact a
 * note may lack is present as `null`, and a path through a `null` reads as `null`.
 *
 * Every lookup is also recorded, per template, with the canonical facts path it reached and the value it read:
 * the note's claims, which say which judgements and figures each section's sentences used.
 */
import { MarketNoteError } from '../errors/market-note-error.js';

type Node = hbs.AST.Node & Record<string, any>;

/** Name of the helper every fact path is rewritten into. */
export const FACT_HELPER = '__fact';

/** Section (template name) → canonical facts path → the value read there (objects and arrays as their kind). */
export type Claims = Record<string, Record<string, string | number | boolean | null>>;

/** Data variables that are always defined inside their blocks (`@index`, `@first`, …): left alone. */
const isPlainData = (p: Node) => p.data && p.parts[0] !== 'root';

function literal(value: string | number, loc: any): Node {
  return typeof value === 'number'
    ? { type: 'NumberLiteral', value, original: value, loc }
    : { type: 'StringLiteral', value, original: value, loc };
}

/** `a.b.c` → `(__fact a "b.c" "<template>" line "a.b.c")`, keeping `../`, `this` and `@root` on the head. */
function factCall(path: Node, template: string): Node {
  const parts: string[] = path.parts;
  const depth: number = path.depth ?? 0;
  // `this.a.b` (or `../this.a`): the head is the context itself and the whole path is walked from it; otherwise the
  // head is the first name (a block parameter, a context key, or `@root`), so Handlebars still resolves it
  const isThis = !path.data && /^(\.\.\/)*this([./]|$)/.test(path.original);
  const head: Node = {
    type: 'PathExpression',
    data: path.data,
    depth,
    parts: isThis ? [] : parts.slice(0, 1),
    original: path.data ? `@${parts[0]}` : `${'../'.repeat(depth)}${isThis ? 'this' : parts[0]}`,
    loc: path.loc,
  };
  const tail = (isThis ? parts : parts.slice(1)).join('.');
  return {
    type: 'SubExpression',
    path: { type: 'PathExpression', data: false, depth: 0, parts: [FACT_HELPER], original: FACT_HELPER, loc: path.loc },
    params: [head, literal(tail, path.loc), literal(template, path.loc), literal(path.loc?.start?.line ?? 0, path.loc), literal(path.original, path.loc)],
    hash: { type: 'Hash', pairs: [], loc: path.loc },
    loc: path.loc,
  };
}

/** Is this path a fact lookup (not a data variable such as @index, not a bare `this`)? */
function isFactPath(p: Node | undefined): boolean {
  if (!p || p.type !== 'PathExpression') return false;
  if (isPlainData(p)) return false;
  if (!p.data && p.parts.length === 0) return false; // `this`, `..`
  return true;
}

/** Rewrite a template's syntax tree in place: every fact path becomes a checked, recorded `__fact` lookup. */
export function strictPaths(ast: hbs.AST.Program, template: string, helperNames: Set<string>): void {
  const wrapParams = (node: Node) => {
    node.params = (node.params ?? []).map((p: Node) => (isFactPath(p) ? factCall(p, template) : (visit(p), p)));
    for (const pair of node.hash?.pairs ?? []) {
      if (isFactPath(pair.value)) pair.value = factCall(pair.value, template);
      else visit(pair.value);
    }
  };
  const visit = (node: Node | undefined): void => {
    if (!node || typeof node !== 'object') return;
    switch (node.type) {
      case 'Program':
        node.body.forEach(visit);
        return;
      case 'MustacheStatement': {
        const name = node.path.type === 'PathExpression' ? node.path.original : '';
        const isCall = node.params.length > 0 || (node.hash && node.hash.pairs.length > 0) || helperNames.has(name);
        if (!isCall && isFactPath(node.path)) {
          // `{{a.b}}` → `{{__fact a "b" …}}`: same output, escaped the same way.
          const call = factCall(node.path, template);
          node.path = call.path;
          node.params = call.params;
          node.hash = call.hash;
        } else wrapParams(node);
        return;
      }
      case 'SubExpression':
      case 'BlockStatement':
      case 'DecoratorBlock':
        wrapParams(node);
        visit(node.program);
        visit(node.inverse);
        return;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        wrapParams(node);
        visit(node.program);
        return;
      default:
        return;
    }
  };
  visit(ast as Node);
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function summary(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'value' in v && 'method' in v) return summary((v as { value: unknown }).value);
  return Array.isArray(v) ? `[array of ${v.length}]` : '[object]';
}

/**
 * The `__fact` helper of one compiled note and the claims it records. `pathOf` gives the canonical facts path of
 * an object of the render context (so `j.ytd.leader` inside `{{#with judgements.lead as |j|}}` is recorded as
 * `judgements.lead.ytd.leader`).
 */
export function factHelper(sectionOf: (template: string) => string) {
  let claims: Claims = {};
  let pathOf = new WeakMap<object, string>();
  const helper = (base: unknown, rest: string, template: string, line: number, original: string) => {
    const fail = (what: string): never => {
      throw new MarketNoteError('TEMPLATE', `"${original}" is not a fact: ${what}`, {
        file: template,
        line,
        hint: 'Check the name against docs/templates.md (the facts dictionary) or run `market-note lint`.',
      });
    };
    if (base === undefined) fail(`nothing is named "${original.split('.')[0]}" here`);
    let cur: unknown = base;
    let canonical = typeof base === 'object' && base !== null ? pathOf.get(base) : undefined;
    for (const key of rest ? rest.split('.') : []) {
      if (cur === null) break;
      if (typeof cur !== 'object' && typeof cur !== 'string') fail(`"${key}" is looked up in a ${typeof cur}`);
      if (!hasOwn(Object(cur), key)) {
        const keys = typeof cur === 'object' ? Object.keys(cur as object).slice(0, 12).join(', ') : '';
        fail(`no "${key}" here${keys ? ` (there is: ${keys})` : ''}`);
      }
      cur = (cur as Record<string, unknown>)[key];
      canonical = canonical === undefined ? undefined : canonical === '' ? key : `${canonical}.${key}`;
    }
    const section = sectionOf(template);
    (claims[section] ??= {})[canonical ?? original] = summary(cur);
    return cur;
  };
  return {
    helper,
    /** Start a render: index the context's objects by their path, clear the claims. */
    begin(context: object) {
      claims = {};
      pathOf = indexPaths(context);
    },
    claims: () => claims,
  };
}

/** Canonical path of every object in the context, skipping bulky chart data (it is never narrated). */
function indexPaths(context: object): WeakMap<object, string> {
  const map = new WeakMap<object, string>();
  const walk = (o: unknown, path: string) => {
    if (typeof o !== 'object' || o === null || map.has(o)) return;
    map.set(o, path);
    if (Array.isArray(o)) {
      if (o.length && typeof o[0] === 'object') o.forEach((v, i) => walk(v, `${path}.${i}`));
      return;
    }
    for (const [k, v] of Object.entries(o)) {
      if (k === 'charts' || k === 'figures' || k === 'svg') continue;
      walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(context, '');
  return map;
}
