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
const cache = new Map<string, ShapeEntry>();
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
  const entry = compiledShape(shape, compile);
  // a dataset the compiled spec does not carry by name: compile this chart as it is
  if (entry.named !== datasets.length) return compile(spec).spec;
  return withData(entry.text, datasets);
}

/** The compiled spec `text` as an object, each named inline data set given its values from `datasets`. */
function withData(text: string, datasets: unknown[][]): object {
  const vg = JSON.parse(text) as { data?: { name: string; values?: unknown }[] };
  for (const d of vg.data ?? []) if (d.name.startsWith(PREFIX)) d.values = datasets[Number(d.name.slice(PREFIX.length))];
  return vg;
}

/**
 * The Vega runtime spec of `spec` (what `vega.parse` returns), parsed once per shape: Vega's parser puts an inline
 * data set's values, untouched, into its collect operator (`$ingest`), so the parse of the shape with an empty
 * array in each data set's place, with each array put back at the place it was found, is the parse of the chart.
 * The caller owns the returned object. A shape whose data sets the parse does not carry as they are is parsed whole.
 */
export function parseCached(spec: TopLevelSpec, compile: Compile, parse: Parse, split: ReturnType<typeof splitData> = splitData(spec)): object {
  const { shape, datasets } = split;
  if (datasets.length === 0) return parse(compile(spec).spec);
  const entry = compiledShape(shape, compile);
  if (entry.named !== datasets.length) return parse(compile(spec).spec);
  if (entry.runtime === undefined) entry.runtime = runtimeOf(entry.text, datasets.length, parse);
  const cached = entry.runtime;
  if (cached === null) return parse(compileCached(spec, compile, split));
  const runtime = JSON.parse(cached.text) as Record<string, Json>;
  for (const { path, dataset } of cached.places) {
    let node: Json = runtime;
    for (let i = 0; i < path.length - 1; i++) node = (node as Record<string, Json>)[path[i]];
    (node as Record<string, Json>)[path[path.length - 1]] = datasets[dataset];
  }
  return runtime;
}

type Parse = (spec: object) => object;

/** Objects JSON would not give back as they are. */
const NOT_JSON: (abstract new (...args: never[]) => unknown)[] = [Date, RegExp, Map, Set, ArrayBuffer];

interface ShapeEntry {
  /** The compiled Vega spec of the shape, as JSON. */
  text: string;
  /** How many of the shape's data sets the compiled spec names. */
  named: number;
  /**
   * The parse of the shape as JSON and where each data set's values sit in it; null when they cannot be placed, or
   * when the parse holds a value JSON does not carry as it is.
   */
  runtime?: { text: string; places: { path: string[]; dataset: number }[] } | null;
}

function compiledShape(shape: TopLevelSpec, compile: Compile): ShapeEntry {
  const key = JSON.stringify(shape);
  let entry = cache.get(key);
  if (entry === undefined) {
    const vg = compile(shape).spec as { data?: { name: string }[] };
    const named = new Set((vg.data ?? []).filter((d) => d.name.startsWith(PREFIX)).map((d) => d.name)).size;
    entry = { text: JSON.stringify(vg), named };
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, entry);
  }
  return entry;
}

/**
 * Parse the compiled shape with a marker array per data set, and find each marker in the result by identity (the
 * markers are empty, so the parse's JSON has `[]` where a chart's data goes).
 */
function runtimeOf(text: string, count: number, parse: Parse): Exclude<ShapeEntry['runtime'], undefined> {
  const markers = Array.from({ length: count }, () => [] as unknown[]);
  const runtime = parse(withData(text, markers));
  const places: { path: string[]; dataset: number }[] = [];
  const found = new Set<number>();
  // what JSON carries as it is: Vega's operator entries are class instances of plain fields; an unset field
  // (undefined) of an object reads the same once dropped
  const walk = (node: Json, path: string[], inArray = false): boolean => {
    if (node === null || typeof node === 'string' || typeof node === 'boolean') return true;
    if (node === undefined) return !inArray;
    if (typeof node === 'number') return Number.isFinite(node);
    if (typeof node !== 'object') return false; // a function
    if (NOT_JSON.some((c) => node instanceof c) || ArrayBuffer.isView(node) || typeof (node as { toJSON?: unknown }).toJSON === 'function') return false;
    const i = markers.indexOf(node as unknown[]);
    if (i >= 0) {
      if (found.has(i)) return false; // placed twice: not the plain hand-over this cache relies on
      found.add(i);
      places.push({ path, dataset: i });
      return true;
    }
    const array = Array.isArray(node);
    for (const k of Object.keys(node)) if (!walk((node as Record<string, Json>)[k], [...path, k], array)) return false;
    return true;
  };
  if (!walk(runtime, []) || found.size !== count) return null;
  return { text: JSON.stringify(runtime), places };
}
