/**
 * The fast reader for wide universe files (date + one close column per member, ~600 columns × ~3,000 rows).
 * It scans the text once, character by character, and converts plain decimals itself (`decimalValue`: digits
 * that make a safe integer, over a power of ten, one correctly rounded division of two exact doubles, hence the
 * same double `Number(cell)` gives). Anything unusual (signs, exponents, missing markers, junk) goes through the strict rules
 * in `csv-cells.ts`, so errors read exactly as they do for other files. Text with quotes is not handled here.
 */
import * as msg from '../errors/messages.js';
import { checkDateOrder, dateCell, decimalValue, raise, strictPrice } from './csv-cells.js';
import type { IsoDate } from './types.js';

/** The parsed body of a wide file. */
export interface WideTable {
  header: string[];
  dates: IsoDate[];
  /** columns[m][d]: value of member m (header[m + 1]) on dates[d]. */
  columns: Float64Array[];
}

/**
 * Checks a wide header (date column first, then distinct, non-empty member names) and returns the members.
 * @example wideMembers(['date', 'AAA', 'BBB'], 'sp600.csv', 1) //=> ['AAA', 'BBB']
 */
export function wideMembers(header: readonly string[], file: string, line: number): string[] {
  const members = header.slice(1);
  if (members.length === 0) raise('BAD_CSV', msg.noMembers(), file, line);
  const firstColumn = new Map<string, number>();
  members.forEach((m, k) => {
    if (m === '') raise('BAD_CSV', msg.emptyMemberName(k + 2), file, line, k + 2);
    const first = firstColumn.get(m);
    if (first !== undefined) raise('BAD_CSV', msg.duplicateMember(m, first, k + 2), file, line, k + 2);
    firstColumn.set(m, k + 2);
  });
  return members;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const ch = text.charCodeAt(p);
    if (ch !== 32 && ch !== 9 && ch !== 13) return false;
  }
  return true;
}

/**
 * Scans an unquoted wide CSV (BOM already removed). Empty cells are `NaN`; values must be numbers above zero.
 * @example scanWideCsv('date,AAA\n2025-12-12,10.5\n', 'sp600.csv').columns[0] //=> Float64Array [10.5]
 */
export function scanWideCsv(text: string, file: string): WideTable {
  const n = text.length;
  let pos = 0;
  let line = 1;
  // Header: the first non-blank line.
  let header: string[] | undefined;
  let headerLine = 0;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (!isBlank(text, pos, stop)) {
      header = text.slice(pos, stop).split(',').map((h) => h.trim());
      headerLine = line;
    }
    pos = end + 1;
    line++;
    if (header) break;
  }
  if (!header) raise('BAD_CSV', msg.emptyFile(), file);
  const members = wideMembers(header, file, headerLine);
  const width = header.length;

  // Rows still to come (an upper bound: blank lines count too).
  let capacity = text.charCodeAt(n - 1) === 10 ? 0 : 1;
  for (let p = text.indexOf('\n', pos); p >= 0; p = text.indexOf('\n', p + 1)) capacity++;
  const columns = members.map(() => new Float64Array(capacity));
  const dates: IsoDate[] = [];
  const lines: number[] = [];

  for (; pos < n; pos++, line++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (isBlank(text, pos, stop)) {
      pos = end;
      continue;
    }
    let p = text.indexOf(',', pos);
    if (p < 0 || p > stop) p = stop;
    const rawDate = text.slice(pos, p);
    const date = dateCell(rawDate);
    if (date === undefined && /^[\s,]*$/.test(text.slice(pos, stop))) {
      pos = end; // a row of empty cells (",,,,") carries nothing
      continue;
    }
    const cellCount = (): number => text.slice(pos, stop).split(',').length;
    if (p === stop && width > 1) raise('BAD_CSV', msg.wrongCellCount(1, width), file, line);
    if (date === undefined) raise('BAD_CSV', msg.notADate(header[0] || 'date', rawDate.trim()), file, line, 1);
    checkDateOrder(date, dates, lines, line, file, 1);
    const d = dates.length;
    for (let c = 1; c < width; c++) {
      if (p >= stop) raise('BAD_CSV', msg.wrongCellCount(cellCount(), width), file, line);
      p++; // skip the comma
      const start = p;
      let mantissa = 0;
      let digits = 0;
      let decimals = -1;
      let plain = true;
      for (; p < stop; p++) {
        const ch = text.charCodeAt(p);
        if (ch === 44) break;
        if (ch >= 48 && ch <= 57) {
          mantissa = mantissa * 10 + (ch - 48);
          digits++;
          if (decimals >= 0) decimals++;
        } else if (ch === 46 && decimals < 0) decimals = 0;
        else plain = false;
      }
      // an empty cell is NaN; a plain decimal that decimalValue cannot read exactly (-1) goes the strict way
      let v = p === start ? NaN : plain && digits > 0 && mantissa > 0 ? decimalValue(mantissa, decimals < 0 ? 0 : decimals) : -1;
      if (v < 0) v = strictPrice(text.slice(start, p), header[c], file, line, c + 1);
      columns[c - 1][d] = v;
    }
    if (p < stop) raise('BAD_CSV', msg.wrongCellCount(cellCount(), width), file, line);
    dates.push(date);
    lines.push(line);
    pos = end;
  }
  if (dates.length === 0) raise('BAD_CSV', msg.noDataRows(), file, headerLine);
  return { header, dates, columns: dates.length === capacity ? columns : columns.map((col) => col.subarray(0, dates.length).slice()) };
}
