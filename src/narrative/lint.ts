import Handlebars from 'handlebars';
import type { Market } from '../data/types.js';
import { placeholderFigures, type Figures } from '../charts/build-charts.js';
import type { Facts } from '../facts/types.js';
import { instrumentedNote, type BranchCoverage } from './coverage.js';
import { buildFacts } from '../facts/build-facts.js';
import { MarketNoteError } from '../errors/market-note-error.js';
import { templateContext } from '../render/render-note.js';
import type { NoteSource } from '../note/load-note.js';
import { builtins, helpers } from './register.js';
import { compileNote } from './render-narrative.js';
import { checkNoteResources, type ResourceIssue } from './resource-check.js';
import { noteAssets } from '../note/local-assets.js';

/** One problem found in a note's templates. */
export interface LintIssue {
  code: 'unknown-path' | 'unknown-helper' | 'unused-partial' | 'unknown-partial' | 'render-error' | 'numeric-comparison' | 'asset-outside-note' | 'asset-missing' | ResourceIssue['code'];
  /** Errors fail `lint`; warnings are printed and do not. */
  severity?: 'error' | 'warning';
  message: string;
  template: string;
  line?: number;
  path?: string;
}

type Node = hbs.AST.Node & Record<string, any>;

interface Found {
  paths: { path: string; line: number }[];
  helpers: { name: string; line: number; numericArg: boolean }[];
  partials: { name: string; line: number; hashKeys: string[] }[];
}

/** Helpers that compare or classify numbers: in a template they make a decision that belongs in a judgement. */
const DECIDING_HELPERS = new Set(['gt', 'gte', 'lt', 'lte', 'degree', 'direction']);

/** Walk a template's AST: root-level fact paths, helper calls, partial references. */
function scan(ast: hbs.AST.Program): Found {
  const found: Found = { paths: [], helpers: [], partials: [] };
  const visit = (node: Node | undefined, depth: number): void => {
    if (!node || typeof node !== 'object') return;
    switch (node.type) {
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement':
      case 'DecoratorBlock': {
        const isCall = node.params.length > 0 || (node.hash && node.hash.pairs.length > 0) || node.type === 'SubExpression';
        const name = node.path.type === 'PathExpression' ? node.path.original : undefined;
        const isBlock = node.type === 'BlockStatement';
        if (name && (isCall || isBlock || name in helpers) && !name.includes('.')) {
          const numericArg = node.params.some((p: Node) => p.type === 'NumberLiteral');
          found.helpers.push({ name, line: node.loc.start.line, numericArg });
        } else visit(node.path, depth);
        for (const p of node.params) visit(p, depth);
        for (const pair of node.hash?.pairs ?? []) visit(pair.value, depth);
        const inner = isBlock && ['each', 'with'].includes(name ?? '') ? depth + 1 : depth;
        visit(node.program, inner);
        visit(node.inverse, depth);
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        if (node.name.type === 'PathExpression' && !node.name.original.startsWith('@')) {
          found.partials.push({ name: node.name.original, line: node.loc.start.line, hashKeys: (node.hash?.pairs ?? []).map((p: Node) => p.key) });
        }
        for (const p of node.params) visit(p, depth);
        for (const pair of node.hash?.pairs ?? []) visit(pair.value, depth);
        visit(node.program, depth);
        break;
      }
      case 'PathExpression':
        if (depth === 0 && !node.data && !node.original.startsWith('this') && node.parts.length > 0) {
          found.paths.push({ path: node.parts.join('.'), line: node.loc.start.line });
        }
        break;
      case 'Program':
        for (const s of node.body) visit(s, depth);
        break;
      case 'ContentStatement':
        break;
      default:
        break;
    }
  };
  visit(ast as Node, 0);
  return found;
}

function hasPath(obj: unknown, path: string): boolean {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || !Object.prototype.hasOwnProperty.call(cur, part)) return false;
    cur = (cur as Record<string, unknown>)[part];
  }
  return true;
}


/** Static checks of every template plus one real render against the facts for `asOf` (charts are not drawn: they do not change wording). */
export async function lintNote(note: NoteSource, market: Market, asOf?: string, symbol?: string): Promise<LintIssue[]> {
  const facts = buildFacts(market, note.config, { asOf, symbol, noteName: note.name });
  return lintTemplates(note, facts, placeholderFigures(note.config.charts.map((c) => c.id)));
}

/** Static checks of every template plus one real render against these facts and figures (from the pipeline). */
export function lintTemplates(note: NoteSource, facts: Facts, figures: Figures): LintIssue[] {
  const issues: LintIssue[] = [];
  const context = templateContext(facts, figures, note);
  const known = new Set([...Object.keys(helpers), ...builtins]);
  const partialNames = new Set(note.partials.map((p) => p.name));
  const used = new Set<string>();
  const files = [{ name: 'note', file: note.main.file, text: note.main.text }, ...note.partials];
  const scanned: { f: (typeof files)[number]; found: Found }[] = [];
  for (const f of files) {
    try {
      scanned.push({ f, found: scan(Handlebars.parse(f.text)) });
    } catch (e) {
      const m = /line (\d+)/.exec((e as Error).message);
      issues.push({ code: 'render-error', message: (e as Error).message.split('\n')[0], template: f.file, line: m ? Number(m[1]) : undefined });
    }
  }
  // A partial's context is its caller's hash (`{{#> figure fig=figures.ytd}}`): `fig.id` inside it is not a root path.
  const hashKeys = new Map<string, Set<string>>();
  for (const { found } of scanned) {
    for (const p of found.partials) for (const k of p.hashKeys) (hashKeys.get(p.name) ?? hashKeys.set(p.name, new Set()).get(p.name)!).add(k);
  }
  // a shared partial (assets/partials) that no template of this note calls is not part of the note
  const called = new Set(scanned.flatMap(({ found }) => found.partials.map((p) => p.name)));
  for (const { f, found } of scanned) {
    if ('shared' in f && f.shared && !called.has(f.name)) continue;
    const local = hashKeys.get(f.name) ?? new Set<string>();
    for (const p of found.paths) {
      if (local.has(p.path.split('.')[0])) continue;
      if (!hasPath(context, p.path)) issues.push({ code: 'unknown-path', message: `"${p.path}" is not a fact`, template: f.file, line: p.line, path: p.path });
    }
    for (const h of found.helpers) {
      if (!known.has(h.name)) issues.push({ code: 'unknown-helper', message: `unknown helper "${h.name}"`, template: f.file, line: h.line });
      else if (DECIDING_HELPERS.has(h.name) || (h.numericArg && ['eq', 'ne'].includes(h.name))) {
        issues.push({
          code: 'numeric-comparison',
          severity: 'warning',
          message: `"${h.name}" decides on a number in the template; choose words from a judgement in the facts instead (docs/metrics.md, "Judgements")`,
          template: f.file,
          line: h.line,
        });
      }
    }
    for (const p of found.partials) {
      used.add(p.name);
      if (!partialNames.has(p.name)) issues.push({ code: 'unknown-partial', message: `no partial named "${p.name}"`, template: f.file, line: p.line });
    }
  }
  for (const r of checkNoteResources(note)) issues.push({ code: r.code, message: r.message, template: r.file, line: r.line });
  for (const a of noteAssets(note).problems) issues.push({ code: a.code, message: a.message, template: a.file, line: a.line });
  for (const p of note.partials) {
    if (!used.has(p.name) && !p.shared) issues.push({ code: 'unused-partial', message: `partial "${p.name}" is never used`, template: p.file });
  }
  if (lintErrors(issues).length === 0) {
    try {
      compileNote(note)(context);
    } catch (e) {
      if (!(e instanceof MarketNoteError)) throw e;
      issues.push({ code: 'render-error', message: e.message, template: e.file ?? note.main.file, line: e.line });
    }
  }
  return issues;
}

/** `templates/weekly-outlook/partials/lead.hbs:12: "lead.x" is not a fact [unknown-path]` */
export function formatLintIssue(i: LintIssue): string {
  return `${i.template}${i.line ? `:${i.line}` : ''}: ${i.severity === 'warning' ? 'warning: ' : ''}${i.message} [${i.code}]`;
}

/** Issues that fail `lint` (warnings do not). */
export function lintErrors(issues: LintIssue[]): LintIssue[] {
  return issues.filter((i) => i.severity !== 'warning');
}

/** What `lint --coverage` found over a range of dates. */
export interface CoverageReport {
  dates: string[];
  failures: { date: string; template?: string; line?: number; message: string }[];
  branches: BranchCoverage[];
  /** Conditionals that went only one way (or never ran) on every date tried. */
  untaken: { branch: BranchCoverage; missing: 'true' | 'false' | 'both' }[];
}

/** Every Friday from `from` to `to`, each rolled back to the last trading day ≤ it (duplicates dropped). */
export function fridays(tradingDates: string[], from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ((5 - d.getUTCDay() + 7) % 7));
  let j = 0;
  for (; d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 7)) {
    const day = d.toISOString().slice(0, 10);
    while (j + 1 < tradingDates.length && tradingDates[j + 1] <= day) j++;
    const t = tradingDates[j];
    if (t && t <= day && t >= from && out[out.length - 1] !== t) out.push(t);
  }
  return out;
}

/**
 * Build the facts for every Friday in [from, to], render the note on each, and report template errors by date
 * and every conditional branch that was never taken. Charts are not drawn (they do not change wording).
 */
export async function lintCoverage(
  note: NoteSource,
  market: Market,
  from: string,
  to: string,
  options: { onDate?: (done: number, total: number, date: string) => void; symbol?: string } = {},
): Promise<CoverageReport> {
  const { render, branches } = instrumentedNote(note);
  const r = note.config.roles;
  const symbol = options.symbol;
  const dayKey = r.largeCap ?? (symbol && note.config.each ? symbol : Object.values(r).find((k) => market.series[k]));
  const trading = (dayKey && market.series[dayKey]?.dates) || [];
  const dates = fridays(trading, from, to);
  const failures: CoverageReport['failures'] = [];
  const figures = placeholderFigures(note.config.charts.map((c) => c.id));
  for (const [i, date] of dates.entries()) {
    options.onDate?.(i, dates.length, date);
    try {
      const facts = buildFacts(market, note.config, { asOf: date, symbol: options.symbol, noteName: note.name });
      render(templateContext(facts, figures, note));
    } catch (e) {
      if (!(e instanceof MarketNoteError)) throw e;
      failures.push({ date, template: e.file, line: e.line, message: e.message });
    }
  }
  options.onDate?.(dates.length, dates.length, '');
  const all = branches();
  const untaken = all
    .filter((b) => b.trueCount === 0 || b.falseCount === 0)
    .map((b) => ({ branch: b, missing: (b.trueCount === 0 && b.falseCount === 0 ? 'both' : b.trueCount === 0 ? 'true' : 'false') as 'true' | 'false' | 'both' }));
  return { dates, failures, branches: all, untaken };
}

/** Report lines: failures first, then branches never taken. */
export function formatCoverage(r: CoverageReport): string[] {
  const lines = r.failures.map((f) => `${f.template ?? '?'}${f.line ? `:${f.line}` : ''}: fails on ${f.date}: ${f.message} [render-error]`);
  for (const u of r.untaken) {
    const what = u.missing === 'both' ? 'never evaluated' : `never ${u.missing}`;
    lines.push(`${u.branch.template}:${u.branch.line}: {{#${u.branch.helper} ${u.branch.condition}}} ${what} over ${r.dates.length} dates [untaken-branch]`);
  }
  return lines;
}
