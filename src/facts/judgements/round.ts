/**
 * The figure as the note prints it: rounded the way the narrative helpers round (`toFixed`), with −0 → 0.
 * Judgements decide on printed figures, so a sentence never says "ahead" beside two equal printed numbers.
 * @example printed(-24.85, 1) //=> -24.9
 */
export function printed(v: number, decimals: number): number {
  const r = Number(v.toFixed(decimals));
  return r === 0 ? 0 : r;
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
