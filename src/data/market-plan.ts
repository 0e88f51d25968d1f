/**
 * A market.yaml → the files it lists, resolved and checked to exist (`planMarketYaml`). Shared by `loadMarket` and
 * the universe worker, which plans the market.yaml itself when the bin shim starts it before the CLI loads
 * (universe-early.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import * as msg from '../errors/messages.js';
import { raise } from './csv-cells.js';
import { parseMarketYaml, type SeriesEntry } from './market-yaml.js';
import { fsError, readInputFile } from './read-file.js';

/** One universe to read: its market.yaml key, display name and resolved path. */
export interface UniverseJob {
  key: string;
  name?: string;
  target: string;
  /** market.yaml's `adjusted` flag: the members' closes are dividend-adjusted. */
  adjusted?: boolean;
}

/** A market.yaml's files, resolved and checked to exist, in the file's order. */
export interface MarketPlan {
  series: (readonly [string, SeriesEntry, string])[];
  universes: UniverseJob[];
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (e) {
    throw fsError(e, path);
  }
}

export function planMarketYaml(file: string): MarketPlan {
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
  const series = Object.entries(config.series).map(([key, entry]) => [key, entry, resolve('series', key, entry.file)] as const);
  const universes = Object.entries(config.universes).map(([key, entry]) => ({ key, name: entry.name, target: resolve('universes', key, entry.file), ...(entry.adjusted !== undefined ? { adjusted: entry.adjusted } : {}) }));
  return { series, universes };
}

/** The market.yaml `path` names (the file, or the one in the folder), or undefined (anything else). */
export function marketYamlFile(path: string): string | undefined {
  try {
    if (!existsSync(path)) return undefined;
    if (isFolder(path)) return ['market.yaml', 'market.yml'].map((name) => join(path, name)).find((f) => existsSync(f));
    return /\.ya?ml$/i.test(path) ? path : undefined;
  } catch {
    return undefined; // loadMarket reports it
  }
}

/** The same universes, in the same order, with the same names and files. */
export function sameJobs(a: readonly UniverseJob[], b: readonly UniverseJob[]): boolean {
  return a.length === b.length && a.every((j, i) => j.key === b[i].key && j.name === b[i].name && j.target === b[i].target);
}
