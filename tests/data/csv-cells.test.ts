import { describe, expect, it } from 'vitest';
import { decimalValue, numberCell, plainNumber } from '../../src/data/csv-cells.js';
import { scanWideCsv } from '../../src/data/wide-csv.js';

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

describe('decimals read without a string for the cell (plainNumber, the wide scanner)', () => {
  it('reads digits that make a safe integer over a power of ten as Number reads them, and leaves the rest to Number', () => {
    expect(decimalValue(1765999984741211, 14)).toBe(17.65999984741211);
    expect(decimalValue(425, 2)).toBe(4.25);
    expect(decimalValue(2 ** 53, 2)).toBe(-1); // past the safe integers: not exact
    expect(decimalValue(5, 23)).toBe(-1); // 1e23 is not a double
    // yfinance's float32 closes printed as doubles: 16 and 17 significant digits
    for (const cell of ['17.65999984741211', '168.97000122070312', '4.916999816894531', '0.0030000000000000001', '9007199254740991', '9007199254740993', '1.7976931348623157', '00.5', '5.0', '000000000123456789.25', '0000000000000000001.5', '123456789012345678', '1234567890123456789', '999999999.999999999', '1000000000']) {
      expect(plainNumber(`x,${cell},y`, 2, 2 + cell.length), cell).toBe(Number(cell));
    }
  });

  it('agrees with Number on 20,000 random decimals of 1 to 19 digits, in a series cell and in a wide file', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cells: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const digits = 1 + Math.floor(rand() * 19);
      let d = String(1 + Math.floor(rand() * 9));
      for (let k = 1; k < digits; k++) d += String(Math.floor(rand() * 10));
      const point = Math.floor(rand() * (digits + 1));
      cells.push(point === 0 || point === digits ? d : `${d.slice(0, point)}.${d.slice(point)}`);
    }
    for (const c of cells) expect(plainNumber(c, 0, c.length), c).toBe(Number(c));
    const wide = scanWideCsv(`date,${cells.map((_, k) => `M${k}`).join(',')}\n2025-12-12,${cells.join(',')}\n`, 'w.csv');
    cells.forEach((c, k) => expect(wide.columns[k][0], c).toBe(Number(c)));
  });
});
