/**
 * market.yaml → a checked `MarketYaml`. The YAML is parsed with line positions kept, validated with zod, and
 * the first problem (by position in the file) is thrown as `market.yaml:LINE: series.TNX.kind must be …`,
 * naming the key path.
 */
import { isMap, isPair, isScalar, type Document, type LineCounter } from 'yaml';
import { z } from 'zod';
import * as msg from '../errors/messages.js';
import type { Problem } from '../errors/messages.js';
import { raise } from './csv-cells.js';
import { cachedYamlValue } from '../config/yaml-cache.js';

export { MAX_ALIAS_COUNT } from './market-yaml-limits.js';
import { MAX_ALIAS_COUNT } from './market-yaml-limits.js';

/** Series and universe keys: they end up in facts paths such as `returns.ytd.SPX`. */
export const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const seriesEntry = z
  .object({
    file: z.string().min(1),
    name: z.string().min(1).optional(),
    kind: z.enum(['price', 'yield']).optional(),
    column: z.string().min(1).optional(),
    /** The closes are dividend-adjusted even when the column is called `Close` (an `Adj Close` column says so itself). */
    adjusted: z.boolean().optional(),
    /** The index the fund tracks; two funds declaring the same index are clones (never each other's score peer). */
    index: z.string().min(1).optional(),
  })
  .strict();

const universeEntry = z
  .object({
    file: z.string().min(1),
    layout: z.enum(['wide']).optional(),
    name: z.string().min(1).optional(),
    /** The members' closes are dividend-adjusted (a per-member note says so, as it does of an adjusted series). */
    adjusted: z.boolean().optional(),
  })
  .strict();

const marketYaml = z
  .object({
    series: z.record(z.string().regex(SYMBOL), seriesEntry).nullish(),
    universes: z.record(z.string().regex(SYMBOL), universeEntry).nullish(),
  })
  .strict();

/** One `series:` entry: a CSV file (relative to market.yaml), an optional name, kind, value column, `adjusted` flag and tracked `index`. */
export type SeriesEntry = z.infer<typeof seriesEntry>;
/** One `universes:` entry: a wide CSV file, an optional name and `adjusted` flag. */
export type UniverseEntry = z.infer<typeof universeEntry>;

/** The checked content of a market.yaml. */
export interface MarketYaml {
  series: Record<string, SeriesEntry>;
  universes: Record<string, UniverseEntry>;
}

/** A checked market.yaml plus the line of any key path in it (for errors found later, e.g. a missing file). */
export interface ParsedMarketYaml {
  config: MarketYaml;
  lineOf(path: readonly (string | number)[]): number | undefined;
}

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  root: ['series', 'universes'],
  series: Object.keys(seriesEntry.shape),
  universes: Object.keys(universeEntry.shape),
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

const TYPE_WORDS: Record<string, string> = { object: 'a mapping', string: 'a string (quote it)', number: 'a number', array: 'a list' };

/** The user-facing problem for one zod issue. */
function problemOf(issue: z.ZodIssue, root: unknown): Problem {
  const path = issue.path.join('.');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const where = issue.path.length === 0 ? 'root' : String(issue.path[0]);
      return msg.yamlUnknownKey(path, issue.keys[0], ALLOWED_KEYS[where] ?? []);
    }
    case 'invalid_type':
      if (issue.received === 'undefined') return msg.yamlMissingKey(path);
      if (issue.path.length === 0) return msg.yamlNotAMapping();
      return msg.yamlWrongType(path, TYPE_WORDS[issue.expected] ?? issue.expected, describe(valueAt(root, issue.path)));
    case 'invalid_enum_value':
      return msg.yamlBadChoice(path, issue.options.map(String), describe(issue.received));
    case 'invalid_string':
      return msg.badSymbol(String(issue.path[issue.path.length - 1]));
    case 'too_small':
      return msg.yamlEmptyValue(path);
    default:
      return { message: `${path}: ${issue.message}` };
  }
}

/** Line of the node at `path` (for a missing key: of its parent; for `key` in an unknown-key issue: of that key). */
function nodeLine(doc: Document, lc: LineCounter, path: readonly (string | number)[], key?: string): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (node === undefined || node === null) continue;
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      if (pair && isScalar(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]).line;
    }
    const range = (node as { range?: [number, number, number] }).range;
    if (range) return lc.linePos(range[0]).line;
  }
  return undefined;
}

/**
 * Parses and checks market.yaml text; `file` is the path shown in errors.
 * @example parseMarketYaml('series:\n  SPX: { file: GSPC.csv }\n', 'market.yaml').config.series.SPX.file //=> 'GSPC.csv'
 */
export function parseMarketYaml(text: string, file: string): ParsedMarketYaml {
  const { value: root, document } = cachedYamlValue(text, `market.yaml, unique keys, ${MAX_ALIAS_COUNT} aliases`, { prettyErrors: false, uniqueKeys: true }, ({ doc, lines }) => {
    const syntax = doc.errors[0];
    if (syntax) raise('BAD_YAML', msg.yamlSyntax(syntax.message), file, lines.linePos(syntax.pos[0]).line);
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      if (e instanceof ReferenceError) raise('BAD_YAML', msg.yamlTooManyAliases(), file);
      throw e;
    }
  });
  const lineAt = (path: readonly (string | number)[], key?: string): number | undefined => nodeLine(document().doc, document().lines, path, key);
  if (root === null || root === undefined || typeof root !== 'object' || Array.isArray(root)) raise('BAD_YAML', msg.yamlNotAMapping(), file, 1);

  const result = marketYaml.safeParse(root);
  if (!result.success) {
    // Report the problem that comes first in the file.
    const located = result.error.issues.map((issue) => {
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const path = issue.path as (string | number)[];
      return { issue, line: lineAt(path, key) ?? 0 };
    });
    located.sort((a, b) => a.line - b.line);
    const { issue, line } = located[0];
    raise('BAD_YAML', problemOf(issue, root), file, line || undefined);
  }
  const config: MarketYaml = { series: result.data.series ?? {}, universes: result.data.universes ?? {} };
  if (Object.keys(config.series).length + Object.keys(config.universes).length === 0) raise('BAD_YAML', msg.yamlNothingListed(), file, 1);
  for (const key of Object.keys(config.universes)) {
    if (key in config.series) raise('BAD_YAML', msg.symbolTwice(key), file, lineAt(['universes', key]));
  }
  return { config, lineOf: (path) => lineAt(path) };
}
