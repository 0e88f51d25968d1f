/**
 * The universes a market.yaml lists, read the quick way: for the universe worker, which starts before the CLI loads
 * (universe-early.ts). No schema, so the worker loads neither zod nor the checked plan's modules. Its jobs are used
 * only when they equal the command's own checked plan (`sameJobs` in market-plan.ts), so a file this reads
 * differently, or not at all (it throws), only costs the head start.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import type { UniverseJob } from './market-plan.js';
import { MAX_ALIAS_COUNT } from './market-yaml-limits.js';
import { readInputFile } from './read-file.js';

export function quickUniverseJobs(file: string): UniverseJob[] {
  const doc = parse(readInputFile(file), { maxAliasCount: MAX_ALIAS_COUNT }) as { universes?: Record<string, { file?: unknown; name?: unknown } | null> | null } | null;
  const dir = dirname(file);
  return Object.entries(doc?.universes ?? {}).map(([key, entry]) => {
    if (typeof entry?.file !== 'string') throw new Error(`universes.${key}.file is not a string`);
    const target = isAbsolute(entry.file) ? entry.file : join(dir, entry.file);
    if (!existsSync(target)) throw new Error(`${target} does not exist`);
    return { key, name: typeof entry.name === 'string' ? entry.name : undefined, target };
  });
}
