/**
 * `--data PATH` → a `Market`. PATH is a market.yaml, a folder holding one, or a folder of `<SYMBOL>.csv` files;
 * no PATH means the built-in synthetic demo market. The only place (with the readers it calls) that reads
 * input files.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import * as msg from '../errors/messages.js';
import { raise } from './csv-cells.js';
import { demoMarket } from './demo-market.js';
import { SYMBOL, parseMarketYaml } from './market-yaml.js';
import { csvLayout, readSeriesCsv, readUniverseCsv } from './read-csv.js';
import { fsError, readInputFile } from './read-file.js';
import type { DataWarning, Market, Series, Universe } from './types.js';

/** Symbols whose files hold yields (in percent) rather than prices, when a folder of CSVs is loaded. */
const YIELD_SYMBOLS = /^(TNX|TYX|FVX|IRX|DGS\d+(MO)?|US\d+[YM])$/i;

/**
 * Loads the market data at `path` (see the module comment), or the demo market when `path` is undefined.
 * @example loadMarket().series.SPX.dates.at(-1) //=> '2025-12-12'
 */
export function loadMarket(path?: string): Market {
  if (path === undefined) return demoMarket();
  if (!existsSync(path)) raise('MISSING_FILE', msg.dataPathMissing(path), path);
  if (isFolder(path)) {
    for (const name of ['market.yaml', 'market.yml']) {
      if (existsSync(join(path, name))) return loadMarketYaml(join(path, name), path);
    }
    return loadCsvFolder(path);
  }
  if (/\.ya?ml$/i.test(path)) return loadMarketYaml(path, path);
  return raise('BAD_DATA', msg.dataPathNotMarket(path), path);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (e) {
    throw fsError(e, path);
  }
}

function withWarnings(market: Market): Market {
  const warnings: DataWarning[] = [...Object.values(market.series), ...Object.values(market.universes)].flatMap((s) => s.warnings ?? []);
  if (warnings.length) market.warnings = warnings;
  return market;
}

function loadMarketYaml(file: string, source: string): Market {
  const { config, lineOf } = parseMarketYaml(readInputFile(file), file);
  const dir = dirname(file);
  const resolve = (group: 'series' | 'universes', key: string, ref: string): string => {
    const target = isAbsolute(ref) ? ref : join(dir, ref);
    if (!existsSync(target)) {
      raise('MISSING_FILE', msg.referencedFileMissing(`${group}.${key}.file`, ref, target), file, lineOf([group, key, 'file']));
    }
    return target;
  };
  // Every referenced file must exist before any is read, so a missing file is reported first.
  const seriesFiles = Object.entries(config.series).map(([key, entry]) => [key, entry, resolve('series', key, entry.file)] as const);
  const universeFiles = Object.entries(config.universes).map(([key, entry]) => [key, entry, resolve('universes', key, entry.file)] as const);
  const series: Record<string, Series> = {};
  for (const [key, entry, target] of seriesFiles) {
    series[key] = readSeriesCsv(readInputFile(target), target, key, { name: entry.name, kind: entry.kind, column: entry.column });
    if (entry.adjusted !== undefined) series[key].adjusted = entry.adjusted;
    if (entry.index !== undefined) series[key].index = entry.index;
  }
  const universes: Record<string, Universe> = {};
  for (const [key, entry, target] of universeFiles) {
    universes[key] = readUniverseCsv(readInputFile(target), target, key, entry.name);
  }
  return withWarnings({ source, series, universes });
}

function loadCsvFolder(dir: string): Market {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw fsError(e, dir);
  }
  const files = names
    .filter((f) => extname(f).toLowerCase() === '.csv')
    .sort();
  if (files.length === 0) raise('MISSING_FILE', msg.dataFolderEmpty(dir), dir);
  const series: Record<string, Series> = {};
  const universes: Record<string, Universe> = {};
  const fileOf: Record<string, string> = {};
  for (const name of files) {
    const target = join(dir, name);
    // yfinance names index files after the ticker: ^GSPC.csv → GSPC.
    const key = basename(name, extname(name)).replace(/^\^/, '');
    if (!SYMBOL.test(key)) raise('BAD_DATA', msg.badSymbol(key), target);
    if (fileOf[key]) raise('BAD_DATA', msg.csvSymbolTwice(key, fileOf[key], target), target);
    fileOf[key] = target;
    const text = readInputFile(target);
    if (csvLayout(text) === 'wide') universes[key] = readUniverseCsv(text, target, key);
    else series[key] = readSeriesCsv(text, target, key, { kind: YIELD_SYMBOLS.test(key) ? 'yield' : 'price' });
  }
  return withWarnings({ source: dir, series, universes });
}
