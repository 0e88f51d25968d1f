/**
 * Reading an input file safely: only regular files (a FIFO, a device such as /dev/zero or a folder is refused
 * before anything is read), at most `maxInputBytes()` bytes (read in chunks, so a /proc file that claims size 0
 * but streams more is cut too), and text only (a NUL byte means a binary file, which is refused without echoing
 * any of it). File-system errors (EACCES, ELOOP, EISDIR, ENOENT …) become one `MarketNoteError` line.
 */
import { isAscii } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fail, MarketNoteError } from '../errors/market-note-error.js';
import * as msg from '../errors/messages.js';

/** Default size limit of one input file, in MB (10^6 bytes); raise it with MARKET_NOTE_MAX_FILE_MB. */
export const DEFAULT_MAX_FILE_MB = 256;
/** The environment variable that raises (or lowers) the input size limit, in MB; decimals allowed. */
export const MAX_FILE_ENV = 'MARKET_NOTE_MAX_FILE_MB';
/** Hard ceiling: a JavaScript string cannot hold much more than this. */
const CEILING_BYTES = 500_000_000;

/**
 * The input size limit in bytes, from MARKET_NOTE_MAX_FILE_MB (default 256 MB, at most 500 MB).
 * @example maxInputBytes({ MARKET_NOTE_MAX_FILE_MB: '1.5' }) //=> 1500000
 */
export function maxInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[MAX_FILE_ENV]?.trim();
  if (raw === undefined || raw === '') return DEFAULT_MAX_FILE_MB * 1_000_000;
  const mb = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(mb > 0)) {
    const p = msg.badSizeLimit(MAX_FILE_ENV, raw);
    fail('CONFIG', p.message, { hint: p.hint });
  }
  return Math.min(CEILING_BYTES, Math.round(mb * 1_000_000));
}

/**
 * Turns a file-system error into one clear `MarketNoteError` about `file` (other errors are returned as they are).
 * @example fsError(Object.assign(new Error('x'), { code: 'EACCES' }), 'a.csv').message //=> 'cannot read the file: permission denied (EACCES)'
 */
export function fsError(e: unknown, file: string, action: 'read' | 'write' = 'read'): unknown {
  if (e instanceof MarketNoteError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return e;
  const p = msg.fileSystemProblem(code, action);
  return new MarketNoteError(code === 'ENOENT' ? 'MISSING_FILE' : 'BAD_DATA', p.message, { file, hint: p.hint, cause: e });
}

/**
 * Reads a regular text file of at most `limit` bytes as UTF-8; anything else throws one `MarketNoteError`.
 * @example readInputFile('data/GSPC.csv').startsWith('Date,') //=> true
 */
export function readInputFile(file: string, limit: number = maxInputBytes()): string {
  const bytes = readInputBytes(file, limit);
  if (bytes.includes(0)) binaryFileError(file);
  return decodeText(bytes);
}

/** The error of a file that holds a NUL byte: a binary file, refused without echoing any of it. */
export function binaryFileError(file: string): never {
  const p = msg.binaryFile();
  return fail('BAD_DATA', p.message, { file, hint: p.hint });
}

/**
 * The text of a file's bytes, as UTF-8. ASCII (the usual CSV) decodes the same either way; as Latin-1 it is a plain
 * copy, about twice as fast as UTF-8's decoder on the 11 MB S&P 600 file.
 */
export function decodeText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Files up to this size are read into the one buffer {@link readInputScratch} keeps; larger ones into their own. */
const SCRATCH_MAX_BYTES = 16 << 20;
let scratch: Buffer | undefined;

/**
 * The bytes of a regular file of at most `limit` bytes, as {@link readInputBytes} reads them, but in a buffer kept for
 * the next call (when the file is at most 16 MB): the bytes are good only until then. Reading the series files of a
 * market one after the other, only the largest takes fresh memory (on a virtual machine, each fresh 4 KB page costs
 * about as much as parsing a few hundred cells).
 */
export function readInputScratch(file: string, limit: number = maxInputBytes()): Buffer {
  return withInputFile(file, limit, (read, size) => {
    let buf = scratch !== undefined && scratch.length > size ? scratch : Buffer.allocUnsafeSlow(Math.min(Math.max(size + 1, 1 << 16), limit + 1));
    let filled = 0;
    for (let n; (n = read(buf, filled)) > 0; ) {
      filled += n;
      // a file that grows as it is read: a larger buffer, the bytes so far copied
      if (filled === buf.length) buf = Buffer.concat([buf], Math.min(buf.length * 2, limit + 1));
    }
    if (buf.length <= SCRATCH_MAX_BYTES && buf !== scratch) scratch = buf;
    return buf.subarray(0, filled);
  });
}

/**
 * The bytes of a regular file of at most `limit` bytes (any content); anything else throws one `MarketNoteError`.
 * @example readInputBytes('output/weekly-outlook-2025-12-12.eml').subarray(0, 5).toString() //=> 'From:'
 */
export function readInputBytes(file: string, limit: number = maxInputBytes()): Buffer {
  return withInputFile(file, limit, (read, size) => {
    // One buffer of the size fstat gives plus a byte (a file that does not grow is read into it without a
    // copy), then chunks for whatever more comes (a growing file, a /proc file that claims size 0).
    const chunks: Buffer[] = [];
    let total = 0;
    for (let length = Math.min(size + 1, limit + 1); ; length = Math.min(1 << 20, limit + 1 - total)) {
      const buf = Buffer.allocUnsafe(length);
      let filled = 0;
      let n = 0;
      while (filled < buf.length && (n = read(buf, filled)) > 0) filled += n;
      total += filled;
      if (filled > 0) chunks.push(filled === buf.length ? buf : buf.subarray(0, filled));
      if (n === 0) break;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  });
}

/**
 * Reads more of a file into `buf` from `offset` (up to its end): how many bytes it put there, 0 at the end of the
 * file. Throws one `MarketNoteError` when the file grows beyond the size limit.
 */
export type ReadMore = (buf: Buffer, offset: number) => number;

/**
 * Runs `use` on a regular file of at most `limit` bytes, read piece by piece with `read` (so a large file need not
 * sit in memory whole); `size` is what fstat gave. Anything but a regular file, and any file-system error, throws
 * one `MarketNoteError`, as {@link readInputBytes} does; the file is closed afterwards either way.
 * @example withInputFile('data/GSPC.csv', maxInputBytes(), (read) => read(Buffer.alloc(5), 0)) //=> 5
 */
export function withInputFile<T>(file: string, limit: number, use: (read: ReadMore, size: number) => T): T {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever before the type check.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const p = msg.notARegularFile(st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a pipe (FIFO)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file');
      fail('BAD_DATA', p.message, { file, hint: p.hint });
    }
    if (st.size > limit) tooBig(file, limit);
    const open = fd;
    let total = 0;
    const read: ReadMore = (buf, offset) => {
      const n = readSync(open, buf, offset, buf.length - offset, null);
      total += n;
      if (total > limit) tooBig(file, limit);
      return n;
    };
    return use(read, st.size);
  } catch (e) {
    throw fsError(e, file);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooBig(file: string, limit: number): never {
  const p = msg.fileTooBig(limit, MAX_FILE_ENV);
  return fail('BAD_DATA', p.message, { file, hint: p.hint });
}
