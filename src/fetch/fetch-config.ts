/**
 * The fetch config (YAML): which series to download, from which source, into which file.
 *
 * ```yaml
 * baseUrl:                      # optional: where each source lives (tests point these at a local server)
 *   fred: https://fred.stlouisfed.org/graph/fredgraph.csv
 *   stooq: https://stooq.com/q/d/l/
 * series:
 *   TNX: { source: fred, id: DGS10, file: DGS10.csv }
 *   SPX: { source: stooq, symbol: ^spx, file: GSPC.csv }
 * ```
 */
import { isAbsolute, posix, win32 } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { fail } from '../errors/market-note-error.js';
import * as msg from './fetch-messages.js';

export type FetchSource = 'fred' | 'stooq';

/** Where each source is downloaded from, unless the config says otherwise. */
export const DEFAULT_BASE_URLS: Record<FetchSource, string> = {
  fred: 'https://fred.stlouisfed.org/graph/fredgraph.csv',
  stooq: 'https://stooq.com/q/d/l/',
};

/** One series to download: its key, the CSV file it is kept in (relative to --out) and the full URL. */
export interface FetchSeries {
  key: string;
  source: FetchSource;
  /** FRED series id or stooq symbol. */
  id: string;
  file: string;
  url: string;
}

export interface FetchConfig {
  series: FetchSeries[];
}

const url = z.string().url();
const entry = z.discriminatedUnion('source', [
  z.object({ source: z.literal('fred'), id: z.string().min(1), file: z.string().min(1).optional(), baseUrl: url.optional() }).strict(),
  z.object({ source: z.literal('stooq'), symbol: z.string().min(1), file: z.string().min(1).optional(), baseUrl: url.optional() }).strict(),
]);
const schema = z
  .object({
    baseUrl: z.object({ fred: url.optional(), stooq: url.optional() }).strict().optional(),
    series: z.record(z.string().regex(/^[A-Za-z0-9^][A-Za-z0-9_.^-]*$/, 'use letters, digits, "-", "_" or "."'), entry),
  })
  .strict();

/**
 * The download URL of a series.
 * @example sourceUrl('fred', 'DGS10', DEFAULT_BASE_URLS.fred) //=> 'https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10'
 * @example sourceUrl('stooq', '^spx', DEFAULT_BASE_URLS.stooq) //=> 'https://stooq.com/q/d/l/?s=%5Espx&i=d'
 */
export function sourceUrl(source: FetchSource, id: string, baseUrl: string): string {
  const u = new URL(baseUrl);
  if (source === 'fred') u.searchParams.set('id', id);
  else {
    u.searchParams.set('s', id);
    u.searchParams.set('i', 'd');
  }
  return u.toString();
}

function issueText(issue: z.ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key ${JSON.stringify(issue.keys[0])}`;
  if (issue.code === 'invalid_union_discriminator') return `source must be ${issue.options.map((o) => JSON.stringify(o)).join(' or ')}`;
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is missing';
  return issue.message.toLowerCase();
}

/**
 * Whether a `file:` of the config stays inside the --out folder: relative, and no `..` step out of it.
 * @example staysInside('rates/DGS10.csv') //=> true
 * @example staysInside('../elsewhere/x.csv') //=> false
 */
export function staysInside(file: string): boolean {
  if (isAbsolute(file) || win32.isAbsolute(file) || file.includes('\0')) return false;
  const norm = posix.normalize(file.replaceAll('\\', '/'));
  return norm !== '..' && !norm.startsWith('../') && norm !== '.' && norm !== '';
}

/**
 * Parse and check a fetch config; `file` is the path shown in errors (`fetch.yaml:4: series.TNX: …`).
 * @example parseFetchConfig('series:\n  TNX: { source: fred, id: DGS10 }\n', 'fetch.yaml').series[0].file //=> 'TNX.csv'
 */
export function parseFetchConfig(text: string, file: string): FetchConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) fail('BAD_YAML', `cannot read the YAML: ${syntax.message.split('\n')[0]}`, { file, line: lc.linePos(syntax.pos[0]).line });
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const p = msg.tooManyAliases();
    fail('BAD_YAML', p.message, { file, hint: p.hint });
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    const p = msg.configNotAMapping();
    fail('CONFIG', p.message, { file, hint: p.hint });
  }
  const parsed = schema.safeParse(root);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    let line: number | undefined;
    for (let depth = issue.path.length; depth >= 0 && line === undefined; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(issue.path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) line = lc.linePos(range[0]).line;
    }
    const p = msg.configProblem(issue.path.join('.'), issueText(issue));
    fail('CONFIG', p.message, { file, line, hint: p.hint });
  }
  const cfg = parsed.data;
  const entries = Object.entries(cfg.series);
  if (entries.length === 0) {
    const p = msg.configNoSeries();
    fail('CONFIG', p.message, { file, hint: p.hint });
  }
  const lineOf = (path: string[]): number | undefined => {
    const range = (doc.getIn(path, true) as { range?: [number, number, number] } | undefined)?.range;
    return range ? lc.linePos(range[0]).line : undefined;
  };
  const byFile = new Map<string, string>();
  const series = entries.map(([key, e]): FetchSeries => {
    const id = e.source === 'fred' ? e.id : e.symbol;
    const out = e.file ?? `${key.replace(/^\^/, '')}.csv`;
    if (!staysInside(out)) {
      const p = msg.fileOutsideOut(out);
      fail('CONFIG', p.message, { file, line: lineOf(['series', key, 'file']), hint: p.hint });
    }
    const other = byFile.get(out);
    if (other) {
      const p = msg.configSameFile(out, other, key);
      fail('CONFIG', p.message, { file, hint: p.hint });
    }
    byFile.set(out, key);
    const base = e.baseUrl ?? cfg.baseUrl?.[e.source] ?? DEFAULT_BASE_URLS[e.source];
    return { key, source: e.source, id, file: out, url: sourceUrl(e.source, id, base) };
  });
  return { series };
}
