/**
 * A file-system or resource failure that escaped as a plain Node error (ENOSPC while writing, ENOTDIR for --out,
 * EACCES, a string too long to build …) as the one line the CLI prints instead of a stack.
 */
import { fileSystemProblem } from '../errors/messages.js';

/**
 * The line for a Node system error (or a RangeError from an impossible allocation); `undefined` for anything else.
 * @example systemErrorLine(Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write', path: 'out/a.pdf' })) //=> 'out/a.pdf: cannot write the file: the disk is full (ENOSPC)\nFree some space …'
 */
export function systemErrorLine(e: unknown): string | undefined {
  const err = e as { code?: unknown; syscall?: unknown; path?: unknown; dest?: unknown; message?: unknown } | null;
  if (err === null || typeof err !== 'object') return undefined;
  if (typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code) && typeof err.syscall === 'string') {
    const writing = /^(write|mkdir|rename|copyfile|fsync|ftruncate)$/.test(err.syscall) || ['ENOSPC', 'EROFS', 'EDQUOT'].includes(err.code);
    const p = fileSystemProblem(err.code, writing ? 'write' : 'read');
    const where = typeof err.path === 'string' ? `${err.path}: ` : '';
    return `${where}${p.message}${p.hint ? `\n${p.hint}` : ''}`;
  }
  if (err.code === 'ERR_STRING_TOO_LONG' || (e instanceof RangeError && /Invalid (string|array buffer) length|Array buffer allocation failed/.test(String(err.message)))) {
    return 'out of memory: an input or output is too large to hold; nothing was written\nCheck the input files (see MARKET_NOTE_MAX_FILE_MB).';
  }
  return undefined;
}
