import { copyFileSync, linkSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MarketNoteError } from '../errors/market-note-error.js';
import * as msg from '../errors/messages.js';
import { onExitCleanup, sweepDeadOutputs, tempName } from '../render/exit-cleanup.js';

/**
 * A set of outputs written together, all or nothing:
 *
 *   write    each file goes to a hidden temp name beside its target (`.<name>.<pid>.tmp`); a write that fails
 *            half-way (a full disk) is removed with the others by `abort()`
 *   commit   1. every target is checked (a folder in the way fails the whole set before anything moves)
 *            2. each existing target gets a backup link (`.<name>.<pid>.old`)
 *            3. each temp file is renamed onto its target; if one rename fails, the targets already replaced are
 *               put back from their backups (or removed when they are new) and the error names the target
 *   always   unfinished temp files are registered for removal on exit and signals (exit-cleanup.ts), and the
 *            first write into a folder removes temp files that dead runs left there
 *
 * A folder in the way is a MarketNoteError `OUTPUT`; a system error (ENOSPC, EACCES …) is thrown as it is, after
 * the clean-up, with `failedTarget` naming the file it was for ({@link outputError} turns it into one message).
 */
export class AtomicOutputs {
  private pending: { tmp: string; final: string }[] = [];
  private release: (() => void) | undefined;
  /** The target being written or moved into place when the last error was thrown. */
  failedTarget: string | undefined;

  /** `what` names the set in messages ("nothing of this note was written"). */
  constructor(private readonly what = 'this set of files') {}

  /** Write `data` to a temp file beside `path`; it becomes `path` only on `commit()`. */
  write(path: string, data: string | Uint8Array): void {
    const dir = dirname(path);
    this.failedTarget = path;
    mkdirSync(dir, { recursive: true });
    sweepDeadOutputs(dir);
    const tmp = join(dir, tempName(basename(path), 'tmp'));
    // registered before writing: a write cut short (ENOSPC) leaves a truncated file that abort() removes
    this.pending.push({ tmp, final: path });
    this.release ??= onExitCleanup(() => this.abort());
    writeFileSync(tmp, data);
  }

  /** Move every temp file onto its target, all or none; returns the final paths. */
  commit(): string[] {
    const pending = this.pending;
    // 1. a folder where a file should go blocks the whole set
    for (const { final } of pending) {
      if (statOf(final)?.isDirectory()) {
        this.failedTarget = final;
        this.abort();
        throw outputError(Object.assign(new Error(`EISDIR: ${final}`), { code: 'EISDIR' }), final, this.what);
      }
    }
    const backups: { final: string; old: string }[] = [];
    const placed: { final: string; old?: string }[] = [];
    let current = '';
    try {
      // 2. a backup of every target that exists (a hard link, else a copy), so a failure can put it back
      for (const { final } of pending) {
        current = final;
        if (!statOf(final)) continue;
        const old = join(dirname(final), tempName(basename(final), 'old'));
        rmSync(old, { force: true });
        try {
          linkSync(final, old);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
          copyFileSync(final, old);
        }
        backups.push({ final, old });
      }
      // 3. the new files in place
      for (const { tmp, final } of pending) {
        current = final;
        renameSync(tmp, final);
        placed.push({ final, old: backups.find((b) => b.final === final)?.old });
      }
    } catch (e) {
      for (const { final, old } of placed.reverse()) {
        try {
          if (old) renameSync(old, final);
          else rmSync(final, { force: true });
        } catch {
          // best effort; the backup stays for the next run's sweep to put back
        }
      }
      for (const { old } of backups) rmSync(old, { force: true });
      this.abort();
      this.failedTarget = current;
      throw e;
    }
    for (const { old } of backups) rmSync(old, { force: true });
    this.pending = [];
    this.release?.();
    this.release = undefined;
    return placed.map((p) => p.final);
  }

  /** Remove every temp file (on failure): nothing half-written is left behind. */
  abort(): void {
    for (const { tmp } of this.pending) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // a folder that vanished or cannot be written: nothing to remove there
      }
    }
    this.pending = [];
    this.release?.();
    this.release = undefined;
  }
}

/**
 * A system error met while writing `path` as one MarketNoteError `OUTPUT` naming the file (what the user gave,
 * not the temp name) and the reason; anything else is returned as it is.
 * @example outputError(Object.assign(new Error('x'), { code: 'ENOSPC' }), 'out/a.pdf', 'this note').message //=> 'cannot write out/a.pdf: the disk is full (ENOSPC); nothing of this note was written'
 */
export function outputError(e: unknown, path: string | undefined, what = 'this set of files'): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (e instanceof MarketNoteError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || path === undefined) return e;
  const p = code === 'EISDIR' ? msg.targetIsFolder(path, what) : msg.outputNotWritten(path, code, what);
  return new MarketNoteError('OUTPUT', p.message, { hint: p.hint, cause: e });
}

function statOf(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
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
