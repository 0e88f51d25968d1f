import { fail } from '../errors/market-note-error.js';
import { isFigure } from './provenance.js';

/** Every dotted path of a facts object that ends at a Figure or a plain value (arrays are leaves). */
export function factPaths(obj: unknown, prefix = ''): string[] {
  if (isFigure(obj) || typeof obj !== 'object' || obj === null || Array.isArray(obj)) return prefix ? [prefix] : [];
  return Object.entries(obj).flatMap(([k, v]) => factPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** The value at a dotted path, or an error listing what exists at the deepest level reached. */
export function resolvePath(facts: object, path: string): unknown {
  let cur: unknown = facts;
  const done: string[] = [];
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || !Object.prototype.hasOwnProperty.call(cur, part)) {
      const options = typeof cur === 'object' && cur !== null ? Object.keys(cur).join(', ') : '(a plain value)';
      fail('UNKNOWN_FACT', `no fact at "${path}"`, { hint: `Under "${done.join('.') || '(root)'}" there is: ${options}` });
    }
    cur = (cur as Record<string, unknown>)[part];
    done.push(part);
  }
  return cur;
}

const show = (v: unknown): string => (typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : JSON.stringify(v));

/** How a figure was computed, in plain words. */
export function explainFact(facts: object, path: string): string {
  const v = resolvePath(facts, path);
  if (isFigure(v)) {
    const lines = [
      `${path} = ${v.value === null ? 'no value' : show(v.value)}${v.value !== null && v.unit ? ` ${v.unit}` : ''}`,
      `  how:  ${v.method}`,
      `  from: ${v.inputs.join('; ')}`,
      `  rows: ${v.from ?? '?'} → ${v.to ?? '?'}`,
    ];
    if (v.reason) lines.push(`  why no value: ${v.reason}`);
    return lines.join('\n');
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const children = factPaths(v, path);
    const own = v as Record<string, unknown>;
    const lines = [`${path} holds ${children.length} figures:`];
    if (typeof own.method === 'string') lines.push(`  how:  ${own.method}`);
    for (const c of children.slice(0, 40)) lines.push(`  ${c}`);
    if (children.length > 40) lines.push(`  … and ${children.length - 40} more`);
    return lines.join('\n');
  }
  return `${path} = ${show(v)}`;
}
