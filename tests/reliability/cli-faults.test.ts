/**
 * File-system faults and wrong paths at the command line: each is one line on stderr and exit 1, never a stack,
 * and nothing half-written is left. ENOSPC and EACCES are simulated (the tests may run as root, on a roomy disk)
 * by making node:fs fail the way the kernel would.
 */
import { execFileSync } from 'node:child_process';
import * as realFs from 'node:fs';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { systemErrorLine } from '../../src/cli/system-error.js';
import { runCli, tempDir } from '../helpers/cli.js';

/** Paths (by substring) whose writes fail with `code`, and paths whose opens fail with `code`. */
const faults = { write: new Map<string, string>(), open: new Map<string, string>() };
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const failing = (map: Map<string, string>, path: unknown, syscall: string) => {
    for (const [part, code] of map) {
      if (String(path).includes(part)) throw Object.assign(new Error(`${code}: simulated, ${syscall} '${String(path)}'`), { code, syscall, path: String(path), errno: -28 });
    }
  };
  const writeFileSync = (path: realFs.PathOrFileDescriptor, ...rest: unknown[]) => {
    // as the kernel does on a full disk: part of the data reaches the file, then the write fails
    if ([...faults.write.keys()].some((part) => String(path).includes(part))) fs.writeFileSync(path, 'partial');
    failing(faults.write, path, 'write');
    return (fs.writeFileSync as (...a: unknown[]) => void)(path, ...rest);
  };
  const openSync = (path: realFs.PathLike, ...rest: unknown[]) => {
    failing(faults.open, path, 'open');
    return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
  };
  return { ...fs, default: { ...fs, writeFileSync, openSync }, writeFileSync, openSync };
});

afterEach(() => {
  faults.write.clear();
  faults.open.clear();
});

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(...t.split('\n')) });
  return { code, out, err };
}

describe('one line, never a stack', () => {
  it('a full disk (ENOSPC) while writing: one line naming the file, and no temp file left', async () => {
    const dir = tempDir();
    faults.write.set('.SPX.csv.', 'ENOSPC');
    const r = await cli(['demo-data', '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(new RegExp(`^market-note: ${dir}/\\.SPX\\.csv\\.\\d+\\.tmp: cannot write the file: the disk is full \\(ENOSPC\\)$`));
    expect(r.err[1]).toBe('Free some space (or choose another --out folder) and run again; nothing was left half-written.');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file it may not read (EACCES): one line naming the file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'SPX.csv'), 'Date,Close\n2025-12-12,6827.41\n');
    faults.open.set(join(dir, 'SPX.csv'), 'EACCES');
    const r = await cli(['facts', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`market-note: ${join(dir, 'SPX.csv')}: cannot read the file: permission denied (EACCES)`, 'Check the permissions of the file and its folders, or choose another path.']);
  });

  it('--out naming a file (ENOTDIR): one line, exit 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken'), 'x');
    const r = await runCli(['demo-data', '--out', join(dir, 'taken', 'sub')]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^market-note: .*taken.*: cannot write the file: a part of the path is a file, not a folder \(ENOTDIR\)$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('send --eml <folder>: one line, exit 1', async () => {
    const dir = tempDir();
    const r = await cli(['send', '--eml', dir, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`market-note: ${dir}: this is a folder, not a message file`, 'Give the .eml file itself, as written by `market-note build --format email`.']);
  });

  it('send --eml <FIFO>: refused without blocking', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'note.eml')]);
    const r = await cli(['send', '--eml', join(dir, 'note.eml'), '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe(`market-note: ${join(dir, 'note.eml')}: cannot read a pipe (FIFO): only regular files are read`);
  });

  it('a series too short for a section: a data error naming the series, not a template error', async () => {
    const dir = tempDir();
    await cli(['demo-data', '--out', dir]);
    const lines = realFs.readFileSync(join(dir, 'IJR.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, 'IJR.csv'), [lines[0], ...lines.slice(-60)].join('\n') + '\n');
    const r = await cli(['facts', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe(`market-note: ${join(dir, 'IJR.csv')}: IJR has 60 closes up to 2025-12-12; the score section needs at least 252`);
  });

  it('a yield too short for the rates section: the same kind of error', async () => {
    const dir = tempDir();
    await cli(['demo-data', '--out', dir]);
    const lines = realFs.readFileSync(join(dir, 'TNX.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, 'TNX.csv'), [lines[0], ...lines.slice(-30)].join('\n') + '\n');
    const r = await cli(['facts', '--data', dir]);
    expect(r.err[0]).toBe(`market-note: ${join(dir, 'TNX.csv')}: TNX has 30 closes up to 2025-12-12; the rates and correlation sections need at least 127`);
  });

  it('turns other system errors and impossible allocations into one line, and leaves programming errors alone', () => {
    expect(systemErrorLine(Object.assign(new Error('x'), { code: 'EROFS', syscall: 'open', path: '/ro/x.pdf' }))).toBe(
      '/ro/x.pdf: cannot write the file: the file system is read-only (EROFS)\nCheck the permissions of the file and its folders, or choose another path.',
    );
    expect(systemErrorLine(new RangeError('Invalid string length'))).toMatch(/^out of memory: an input or output is too large to hold; nothing was written/);
    expect(systemErrorLine(new TypeError('x is not a function'))).toBeUndefined();
  });
});

describe('no partial output', () => {
  it('demo-data into a folder that cannot be created writes nothing anywhere', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'b'), 'file');
    const r = await cli(['demo-data', '--out', join(dir, 'a', 'b', 'c')]);
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, 'a'))).toEqual(['b']);
  });
});
