import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A set of outputs written together: each goes to a hidden temp name first; `commit` renames them all. */
export class AtomicOutputs {
  private pending: { tmp: string; final: string }[] = [];

  /** Write `data` to a temp file beside `path`; it becomes `path` only on `commit()`. */
  write(path: string, data: string | Uint8Array): void {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      writeFileSync(tmp, data);
    } catch (e) {
      rmSync(tmp, { force: true }); // a full disk leaves a truncated temp file: remove it too
      throw e;
    }
    this.pending.push({ tmp, final: path });
  }

  /** Rename every temp file to its final name; returns the final paths. */
  commit(): string[] {
    const done = this.pending.map(({ tmp, final }) => {
      renameSync(tmp, final);
      return final;
    });
    this.pending = [];
    return done;
  }

  /** Remove every temp file (on failure): nothing half-written is left behind. */
  abort(): void {
    for (const { tmp } of this.pending) rmSync(tmp, { force: true });
    this.pending = [];
  }
}

/** Write one file atomically (temp name + rename). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const out = new AtomicOutputs();
  try {
    out.write(path, data);
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
}
