/**
 * Vega-Lite compiles a chart's spec to a Vega spec; with the data inlined, every note's chart is a new spec and is
 * compiled again, though only its data changed. Here each inline dataset (`data: { values }`) is given a name
 * and taken out, the rest of the spec keys a cache of compiled Vega specs, and the data goes back into the
 * compiled spec's named data sets. A chart whose spec differs in more than its data (a title, an axis) is
 * compiled on its own. The SVG is the same either way (checked in tests/charts/compile-cache.test.ts).
 */
import type { TopLevelSpec } from 'vega-lite';

type Json = unknown;
type Compile = (spec: TopLevelSpec) => { spec: object };

const PREFIX = 'market_note_inline_';
/** Compiled Vega specs by the spec without its data; a note type draws a handful of distinct charts. */
const cache = new Map<string, string>();
const MAX_ENTRIES = 64;

/** The spec with every inline dataset replaced by a named one, and those datasets in order. */
export function splitData(spec: TopLevelSpec): { shape: TopLevelSpec; datasets: unknown[][] } {
  const datasets: unknown[][] = [];
  const walk = (node: Json, key?: string): Json => {
    if (Array.isArray(node)) return node.map((n) => walk(n));
    if (!node || typeof node !== 'object') return node;
    const o = node as Record<string, Json>;
    if (key === 'data' && Array.isArray(o.values) && Object.keys(o).length === 1) {
      datasets.push(o.values as unknown[]);
      return { name: `${PREFIX}${datasets.length - 1}` };
    }
    const out: Record<string, Json> = {};
    for (const k of Object.keys(o)) out[k] = walk(o[k], k);
    return out;
  };
  return { shape: walk(spec) as TopLevelSpec, datasets };
}

/** The Vega spec of `spec`, compiled once per shape; the caller owns the returned object. `split`: `splitData(spec)`, when the caller has it. */
export function compileCached(spec: TopLevelSpec, compile: Compile, split: ReturnType<typeof splitData> = splitData(spec)): object {
  const { shape, datasets } = split;
  if (datasets.length === 0) return compile(spec).spec;
  const key = JSON.stringify(shape);
  let text = cache.get(key);
  if (text === undefined) {
    text = JSON.stringify(compile(shape).spec);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, text);
  }
  const vg = JSON.parse(text) as { data?: { name: string; values?: unknown }[] };
  const seen = new Set<number>();
  for (const d of vg.data ?? []) {
    if (!d.name.startsWith(PREFIX)) continue;
    const i = Number(d.name.slice(PREFIX.length));
    d.values = datasets[i];
    seen.add(i);
  }
  // a dataset the compiled spec does not carry by name: compile this chart as it is
  if (seen.size !== datasets.length) return compile(spec).spec;
  return vg;
}
