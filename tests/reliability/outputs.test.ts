/**
 * Writing a note's files is all or nothing: a full disk, a folder where a file should go, or a rename that fails
 * half-way leave the folder as it was (no partial note, no hidden temp file) and print one error, never a stack.
 */
import { spawnSync } from 'node:child_process';
import * as realFs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarketNoteError } from '../../src/errors/market-note-error.js';
import { AtomicOutputs, outputError } from '../../src/pipeline/write-atomic.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { canMountTmpfs, errLines, listing } from './helpers.js';

// Faults injected into node:fs for the unit tests below: a rename or a write that fails on one path.
const faults = vi.hoisted(() => ({ renameFailsOn: '', writeFailsOn: '' }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const err = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });
  return {
    ...fs,
    renameSync: (from: realFs.PathLike, to: realFs.PathLike) => {
      if (faults.renameFailsOn && String(to) === faults.renameFailsOn) throw err('EACCES', 'rename', String(to));
      return fs.renameSync(from, to);
    },
    writeFileSync: (path: realFs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView) => {
      if (faults.writeFailsOn && String(path).includes(faults.writeFailsOn)) {
        fs.writeFileSync(path, String(data).slice(0, 10)); // half a file, then the disk is full
        throw err('ENOSPC', 'write', String(path));
      }
      return fs.writeFileSync(path, data);
    },
  };
});

afterEach(() => {
  faults.renameFailsOn = '';
  faults.writeFailsOn = '';
});

describe('AtomicOutputs', () => {
  it('puts every file back as it was when one rename fails half-way through the commit', () => {
    const dir = tempDir();
    for (const f of ['a.facts.json', 'a.html', 'a.pdf']) writeFileSync(join(dir, f), `old ${f}`);
    const out = new AtomicOutputs('this note');
    out.write(join(dir, 'a.facts.json'), 'new facts');
    out.write(join(dir, 'a.html'), 'new html');
    out.write(join(dir, 'a.pdf'), 'new pdf');
    out.write(join(dir, 'a.eml'), 'new eml'); // a file that did not exist before
    faults.renameFailsOn = join(dir, 'a.pdf');
    let error: unknown;
    try {
      out.commit();
    } catch (e) {
      error = e;
    }
    expect((error as NodeJS.ErrnoException).code).toBe('EACCES');
    expect(out.failedTarget).toBe(join(dir, 'a.pdf'));
    const e = outputError(error, out.failedTarget, 'this note') as MarketNoteError;
    expect([e.code, e.message]).toEqual(['OUTPUT', `cannot write ${join(dir, 'a.pdf')} (EACCES); nothing of this note was written`]);
    expect(listing(dir)).toEqual(['a.facts.json', 'a.html', 'a.pdf']);
    for (const f of ['a.facts.json', 'a.html', 'a.pdf']) expect(readFileSync(join(dir, f), 'utf8')).toBe(`old ${f}`);
  });

  it('removes a file cut short by a full disk, and the files written before it', () => {
    const dir = tempDir();
    const out = new AtomicOutputs('this note');
    out.write(join(dir, 'a.facts.json'), 'facts');
    faults.writeFailsOn = 'a.pdf';
    let error: unknown;
    try {
      out.write(join(dir, 'a.pdf'), 'x'.repeat(100));
    } catch (e) {
      error = e;
    }
    expect((outputError(error, out.failedTarget, 'this note') as Error).message).toBe(`cannot write ${join(dir, 'a.pdf')}: the disk is full (ENOSPC); nothing of this note was written`);
    expect(listing(dir)).toHaveLength(2); // the two temp files, one of them half written
    out.abort();
    expect(listing(dir)).toEqual([]);
  });

  it('refuses the whole set, before anything moves, when a target is a folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.facts.json'), 'old facts');
    mkdirSync(join(dir, 'a.html'));
    const out = new AtomicOutputs('this note');
    out.write(join(dir, 'a.facts.json'), 'new facts');
    out.write(join(dir, 'a.html'), 'new html');
    expect(() => out.commit()).toThrow(`${join(dir, 'a.html')} is a folder, so a file cannot be written there; nothing of this note was written`);
    expect(listing(dir)).toEqual(['a.facts.json', 'a.html']);
    expect(readFileSync(join(dir, 'a.facts.json'), 'utf8')).toBe('old facts');
  });

  it('replaces existing files and leaves no backup behind when all goes well', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.html'), 'old');
    const out = new AtomicOutputs();
    out.write(join(dir, 'a.html'), 'new');
    out.write(join(dir, 'a.pdf'), 'pdf');
    expect(out.commit()).toEqual([join(dir, 'a.html'), join(dir, 'a.pdf')]);
    expect(listing(dir)).toEqual(['a.html', 'a.pdf']);
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toBe('new');
  });
});

describe('market-note build when the output cannot be written', () => {
  it('a folder where the .html should go: one error, and not even the facts file is written', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'weekly-outlook-2025-12-12.html'));
    const r = await runCli(['build', '--as-of', '2025-12-12', '--out', out]);
    expect(r.code).toBe(1);
    expect(errLines(r.stderr)[0]).toBe(`market-note: ${join(out, 'weekly-outlook-2025-12-12.html')} is a folder, so a file cannot be written there; nothing of this note was written`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(listing(out)).toEqual(['weekly-outlook-2025-12-12.html']);
    expect(listing(r.tmp)).toEqual([]);
  }, 180_000);

  it.skipIf(!canMountTmpfs())('a full disk (a small tmpfs): one error naming the file, nothing left in the folder', async () => {
    const mnt = mkdtempSync(join(tmpdir(), 'market-note-full-'));
    // room for the facts and the HTML (≈ 0.5 MB), not for the PDF as well
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=600k', 'tmpfs', mnt]).status).toBe(0);
    try {
      const out = join(mnt, 'out');
      const r = await runCli(['build', '--as-of', '2025-12-12', '--out', out]);
      expect(r.code).toBe(1);
      expect(errLines(r.stderr)[0]).toMatch(new RegExp(`^market-note: cannot write ${out}/weekly-outlook-2025-12-12\\.(pdf|html|facts\\.json): the disk is full \\(ENOSPC\\); nothing of this note was written$`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(listing(out)).toEqual([]);
      expect(listing(r.tmp)).toEqual([]);
    } finally {
      spawnSync('umount', [mnt]);
    }
  }, 180_000);
});
