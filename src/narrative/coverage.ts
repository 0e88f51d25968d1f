import Handlebars from 'handlebars';
import type { NoteSource } from '../note/load-note.js';
import { compileNote } from './render-narrative.js';

/** One conditional of a template: where it is and which ways it went over the dates tried. */
export interface BranchCoverage {
  id: string;
  template: string;
  line: number;
  column: number;
  helper: 'if' | 'unless';
  /** Source text of the condition, for the report. */
  condition: string;
  trueCount: number;
  falseCount: number;
}

type Node = hbs.AST.Node & Record<string, any>;

/**
 * A note compiled so that every `{{#if}}` / `{{#unless}}` (and each `{{else if}}`) records which branch it took.
 * The rewritten blocks behave exactly like Handlebars' own.
 */
export function instrumentedNote(note: NoteSource) {
  const branches = new Map<string, BranchCoverage>();
  const transform = (ast: hbs.AST.Program, file: string) => {
    const visit = (node: Node | undefined): void => {
      if (!node || typeof node !== 'object') return;
      if (node.type === 'BlockStatement' && node.path.type === 'PathExpression' && (node.path.original === 'if' || node.path.original === 'unless')) {
        const helper = node.path.original as 'if' | 'unless';
        const id = `${file}:${node.loc.start.line}:${node.loc.start.column}`;
        const cond = node.params[0];
        branches.set(id, {
          id, template: file, line: node.loc.start.line, column: node.loc.start.column + 1, helper,
          condition: cond ? print(cond) : '', trueCount: 0, falseCount: 0,
        });
        node.path = { ...node.path, original: `cov_${helper}`, parts: [`cov_${helper}`], head: `cov_${helper}` };
        node.params = [{ type: 'StringLiteral', value: id, original: id, loc: node.loc }, ...node.params];
      }
      for (const key of ['body', 'program', 'inverse', 'params']) {
        const child = node[key];
        if (Array.isArray(child)) child.forEach(visit);
        else if (child && typeof child === 'object') visit(child);
      }
    };
    visit(ast as Node);
  };
  const record = (id: string, truthy: boolean) => {
    const b = branches.get(id);
    if (b) truthy ? b.trueCount++ : b.falseCount++;
  };
  const truthy = (v: unknown, includeZero: boolean) => {
    const x = typeof v === 'function' ? (v as () => unknown)() : v;
    return !((!x && !(includeZero && x === 0)) || (Array.isArray(x) && x.length === 0));
  };
  const extraHelpers = {
    cov_if(this: unknown, id: string, cond: unknown, options: Handlebars.HelperOptions) {
      const t = truthy(cond, !!options.hash.includeZero);
      record(id, t);
      return t ? options.fn(this) : options.inverse(this);
    },
    cov_unless(this: unknown, id: string, cond: unknown, options: Handlebars.HelperOptions) {
      const t = truthy(cond, !!options.hash.includeZero);
      record(id, t);
      return t ? options.inverse(this) : options.fn(this);
    },
  };
  const render = compileNote(note, { transform, extraHelpers });
  return { render, branches: () => [...branches.values()] };
}

function print(n: Node): string {
  switch (n.type) {
    case 'SubExpression':
      return `(${[print(n.path), ...n.params.map(print)].join(' ')})`;
    case 'PathExpression':
      return n.original;
    case 'StringLiteral':
      return JSON.stringify(n.value);
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return String(n.value);
    default:
      return n.type;
  }
}
