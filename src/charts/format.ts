/** Number and date wording inside charts (labels, alt text, source lines): true minus signs, fixed decimals. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO date as it reads in a caption.
 * @example shortDate('2025-01-14') //=> '14 Jan 2025'
 */
export function shortDate(d: string): string {
  return `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/**
 * Signed with `decimals` decimals and a true minus sign; zero after rounding has no sign.
 * @example signed(-2) //=> '−2.0'
 */
export function signed(v: number, decimals = 1): string {
  const r = Number(v.toFixed(decimals));
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r).toFixed(decimals)}`;
}

/**
 * Fixed decimals with a true minus sign.
 * @example num(-0.256, 2) //=> '−0.26'
 */
export function num(v: number, decimals = 1): string {
  const r = Number(v.toFixed(decimals));
  return `${r < 0 ? '−' : ''}${Math.abs(r).toFixed(decimals)}`;
}
