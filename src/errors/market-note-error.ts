/**
 * The one error class of market-note. The library throws it for bad input; the CLI prints it as
 * `file:line: message` followed by the hint, and exits 1 (or 2 for usage errors).
 */
export type ErrorCode =
  | 'BAD_CSV'
  | 'BAD_YAML'
  | 'BAD_DATA'
  | 'MISSING_FILE'
  | 'UNKNOWN_SYMBOL'
  | 'AS_OF_OUT_OF_RANGE'
  | 'TEMPLATE'
  | 'LINT'
  | 'BROWSER'
  | 'USAGE'
  | 'CONFIG'
  | 'SMTP'
  | 'FETCH'
  | 'UNKNOWN_FACT'
  | 'WARNINGS'
  | 'OUTPUT';

export interface MarketNoteErrorInit {
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
  cause?: unknown;
}

export class MarketNoteError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, init: MarketNoteErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'MarketNoteError';
    this.code = code;
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.hint = init.hint;
  }

  /** `file:line: message` — the one line the CLI prints first. */
  get place(): string {
    if (!this.file) return '';
    return this.line === undefined ? this.file : `${this.file}:${this.line}`;
  }

  format(): string {
    const head = this.place ? `${this.place}: ${this.message}` : this.message;
    return this.hint ? `${head}\n${this.hint}` : head;
  }
}

/** Throw a MarketNoteError; typed `never` so callers can use it in expressions. */
export function fail(code: ErrorCode, message: string, init?: MarketNoteErrorInit): never {
  throw new MarketNoteError(code, message, init);
}
