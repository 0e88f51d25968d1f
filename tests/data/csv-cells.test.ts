import { describe, expect, it } from 'vitest';
import { numberCell } from '../../src/data/csv-cells.js';

/** The rule numberCell implements, written out slowly: trim, missing-value markers, then a plain decimal number. */
function slowNumberCell(raw: string): number | undefined {
  const cell = raw.trim();
  if (['', '.', 'null', 'NULL', 'nan', 'NaN'].includes(cell)) return NaN;
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(cell) ? Number(cell) : undefined;
}

describe('numberCell', () => {
  it('reads plain decimals, exponents and leading zeros as numbers', () => {
    expect(numberCell('4.25')).toBe(4.25);
    expect(numberCell('6827.41')).toBe(6827.41);
    expect(numberCell('1e5')).toBe(100000);
    expect(numberCell('2.5E-3')).toBe(0.0025);
    expect(numberCell('00012')).toBe(12);
    expect(numberCell('0')).toBe(0);
    expect(numberCell(' 4.25 ')).toBe(4.25);
    expect(numberCell('-1.5')).toBe(-1.5);
    expect(numberCell('.5')).toBe(0.5);
    expect(numberCell('1e999')).toBe(Infinity);
  });

  it('reads missing-value markers as NaN', () => {
    for (const m of ['', '.', 'null', 'NULL', 'nan', 'NaN', '  ']) expect(numberCell(m)).toBeNaN();
  });

  it('refuses what Number() would take but a price file must not hold: hex, binary, octal, Infinity, separators', () => {
    for (const bad of ['0x10', '0X1f', '0b11', '0o7', 'Infinity', '1_000', '1,5', '12abc', '1 2', '4.25.1', '--1', 'n/a']) expect(numberCell(bad)).toBeUndefined();
  });

  it('agrees with the rule written out slowly on every cell of a mixed list', () => {
    const cells = ['1', '12.5', '0.0', '007', '9e9', '1e-9', '3.', ' 3.', '3. ', '+3', '0x0', '0e0', '0E5', '10e', 'e10', '1.2.3', '٣', '１', '\t5\t', '5\r'];
    for (const c of cells) expect(numberCell(c), JSON.stringify(c)).toStrictEqual(slowNumberCell(c));
  });
});
