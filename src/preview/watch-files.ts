/**
 * Watch files by polling their size and modification time: works the same on every platform and file system
 * (network mounts, containers, editors that save by renaming), and costs a few `stat` calls per tick.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FileWatcher {
  close(): void;
}

/**
 * Every file under `dir` (recursively, at most `depth` levels), skipping dot-entries and node_modules.
 * @example listFiles('templates/weekly-outlook') //=> ['templates/weekly-outlook/note.css', …, 'templates/weekly-outlook/partials/lead.hbs']
 */
export function listFiles(dir: string, depth = 4): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth > 0) out.push(...listFiles(p, depth - 1));
    } else out.push(p);
  }
  return out.sort();
}

function stamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return 'absent';
  }
}

/**
 * Call `onChange(paths)` when any file of `files()` appears, disappears or changes; `files` is called on every
 * tick, so new partials are picked up. Checks every `intervalMs` (default 250 ms).
 */
export function watchFiles(files: () => string[], onChange: (changed: string[]) => void, intervalMs = 250): FileWatcher {
  let seen = new Map<string, string>();
  const snapshot = (): Map<string, string> => new Map(files().map((p) => [p, stamp(p)]));
  seen = snapshot();
  const timer = setInterval(() => {
    const now = snapshot();
    const changed = new Set<string>();
    for (const [p, s] of now) if (seen.get(p) !== s) changed.add(p);
    for (const p of seen.keys()) if (!now.has(p)) changed.add(p);
    seen = now;
    if (changed.size) onChange([...changed].sort());
  }, intervalMs);
  timer.unref();
  return { close: () => clearInterval(timer) };
}
