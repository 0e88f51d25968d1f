/**
 * The figure as the note prints it: rounded the way the narrative helpers round (`toFixed`), with −0 → 0.
 * Judgements decide on printed figures, so a sentence never says "ahead" beside two equal printed numbers.
 * @example printed(-24.85, 1) //=> -24.9
 */
export function printed(v: number, decimals: number): number {
  const r = Number(v.toFixed(decimals));
  return r === 0 ? 0 : r;
}

/**
 * A chart level as the note prints it (the `level` helper): no padding zeros, at least `decimals` decimals for a chart
 * whose boxes have them, a minus sign for a negative level. Never fewer decimals than the level has: a traditional
 * scale's 8.5 box stays 8.5 (its `levelDecimals` is 0, the decimals its larger boxes need). The level is first taken
 * to 4 decimals (`toFixed`), then printed with thousands separators, as `Intl.NumberFormat('en-US')` prints it
 * (written out: creating a number format loads ICU's locale data, ~20 ms of a cold `facts` run).
 * @example levelText(8.5) //=> '8.5'
 * @example levelText(14, 1) //=> '14.0'
 * @example levelText(12345.6) //=> '12,345.6'
 */
export function levelText(v: number, decimals = 0): string {
  const x = Number(v.toFixed(4));
  let s = Math.abs(x).toFixed(Math.max(decimals, 4));
  const point = s.indexOf('.');
  let end = s.length;
  while (end - point - 1 > decimals && s.charCodeAt(end - 1) === 48) end--; // trailing zeros beyond `decimals`
  if (end === point + 1) end = point;
  let whole = s.slice(0, point);
  for (let i = whole.length - 3; i > 0; i -= 3) whole = `${whole.slice(0, i)},${whole.slice(i)}`;
  s = whole + s.slice(point, end);
  return v < 0 ? `\u2212${s}` : s; // a level that rounds to 0 keeps its sign, as Intl's −0
}

/**
 * A distance to go as printed, never printed as 0: the smallest printed step when it rounds to 0, with `lessThan`
 * set ("less than 0.1%").
 * @example printedAtLeast(0.04, 1) //=> { size: 0.1, lessThan: true }
 */
export function printedAtLeast(v: number, decimals: number): { size: number; lessThan: boolean } {
  const p = printed(Math.abs(v), decimals);
  const least = 10 ** -decimals;
  return { size: Math.max(p, least), lessThan: p < least };
}

/** The printed difference of two printed figures (so "by 0.3 points" beside −25.1% and −24.8%). */
export function printedGap(a: number, b: number, decimals: number): number {
  return printed(printed(a, decimals) - printed(b, decimals), decimals);
}

/**
 * A yield's move from `from` to `to` in whole basis points, as the difference of the two yields printed at
 * `yieldDecimals` ("1.75% … 1.65%": −10 bp), so it agrees with the figures printed beside it.
 * @example printedMoveBp(1.6549, 1.7451, 2) //=> -10
 */
export function printedMoveBp(to: number, from: number, yieldDecimals: number): number {
  return printed(printedGap(to, from, yieldDecimals) * 100, 0);
}

export type Direction = 'up' | 'down' | 'flat';

/** Direction of a printed figure: flat when it prints as zero. */
export function direction(v: number, decimals: number): Direction {
  const p = printed(v, decimals);
  return p > 0 ? 'up' : p < 0 ? 'down' : 'flat';
}
