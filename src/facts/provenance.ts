import type { IsoDate } from '../data/types.js';

/**
 * A figure of the facts object: its value plus where it came from. Every number the note prints is one of
 * these, so `market-note explain <path>` can say how it was computed and from which rows.
 */
export interface Figure<T = number> {
  value: T | null;
  /** `percent`, `bp`, `percent-yield`, `level`, `points`, `count`, `date`, `ratio`, … */
  unit: string;
  /** First and last date of the rows the figure used. */
  from: IsoDate | null;
  to: IsoDate | null;
  /** Series keys (and files) the figure read. */
  inputs: string[];
  /** One sentence: how it was computed. */
  method: string;
  /** Why `value` is null, when it is. */
  reason?: string;
}

export interface FigureInit {
  unit: string;
  from?: IsoDate | null;
  to?: IsoDate | null;
  inputs: string[];
  method: string;
  reason?: string;
}

/** Build a figure; non-finite numbers become `null` so the JSON stays valid. */
export function figure<T>(value: T | null | undefined, init: FigureInit): Figure<T> {
  let v: T | null = value ?? null;
  if (typeof v === 'number' && !Number.isFinite(v)) v = null;
  const f: Figure<T> = {
    value: v,
    unit: init.unit,
    from: init.from ?? null,
    to: init.to ?? null,
    inputs: init.inputs,
    method: init.method,
  };
  if (v === null && init.reason) f.reason = init.reason;
  return f;
}

/** True for an object shaped like a Figure. */
export function isFigure(x: unknown): x is Figure<unknown> {
  return typeof x === 'object' && x !== null && 'value' in x && 'method' in x && 'unit' in x;
}

/** The plain value of a figure or of a plain value. */
export function valueOf<T>(x: Figure<T> | T | null | undefined): T | null {
  if (isFigure(x)) return (x as Figure<T>).value;
  return (x ?? null) as T | null;
}
