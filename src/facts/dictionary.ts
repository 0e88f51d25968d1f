import { isFigure } from './provenance.js';

/** One row of the facts dictionary: a path templates can use, what it holds, and an example. */
export interface DictionaryEntry {
  path: string;
  kind: 'figure' | 'text' | 'number' | 'boolean' | 'list' | 'null';
  unit?: string;
  method?: string;
  example: string;
}

const MAX_LIST = 6;

function example(v: unknown): string {
  if (typeof v === 'number') return String(Math.round(v * 1e4) / 1e4);
  if (Array.isArray(v)) return v.length <= MAX_LIST ? JSON.stringify(v) : `[${v.length} items]`;
  return JSON.stringify(v);
}

/**
 * Walk a facts object and list every path a template can name, with its unit and method for figures.
 * Record keys that are series symbols stay as they are (e.g. `returns.ytd.RUT`): the dictionary describes one
 * note's facts. `charts` (chart data, not for wording) is summarised, not expanded.
 */
export function factsDictionary(facts: object): DictionaryEntry[] {
  const out: DictionaryEntry[] = [];
  const walk = (v: unknown, path: string): void => {
    if (isFigure(v)) {
      out.push({ path, kind: 'figure', unit: v.unit, method: v.method, example: example(v.value) });
      return;
    }
    if (v === null) return void out.push({ path, kind: 'null', example: 'null' });
    if (Array.isArray(v)) {
      if (v.length > 0 && typeof v[0] === 'object' && v[0] !== null) {
        out.push({ path, kind: 'list', example: `[${v.length} items]` });
        walk(v[0], `${path}.[0]`);
      } else out.push({ path, kind: 'list', example: example(v) });
      return;
    }
    if (typeof v === 'object') {
      if (path === 'charts') return void out.push({ path, kind: 'list', example: 'chart data (for the charts, not for wording)' });
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(child, path ? `${path}.${k}` : k);
      return;
    }
    out.push({ path, kind: typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'number' : 'text', example: example(v) });
  };
  walk(facts, '');
  return out;
}

/** The dictionary as a Markdown table. */
export function dictionaryMarkdown(entries: DictionaryEntry[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = entries.map((e) => `| \`${esc(e.path)}\` | ${e.kind}${e.unit ? ` (${esc(e.unit)})` : ''} | ${esc(e.example)} | ${esc(e.method ?? '')} |`);
  return ['| path | kind | example (demo market) | how it is computed |', '|---|---|---|---|', ...rows].join('\n');
}
