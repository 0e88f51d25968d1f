/**
 * A rate-sensitivity judgement from two 126-day correlations with yields (small caps', large caps'), as judgeRates reads
 * them with the default thresholds: a reading of ±0.2 or beyond is a tie, a difference under 0.1 is "similar".
 * @example ratesSensitivity(0.43, 0.32).moreNegative //=> 'large'
 */
export function ratesSensitivity(small: number, large: number) {
  const reading = (v: number) => (v <= -0.2 ? ('fallingHelps' as const) : v >= 0.2 ? ('risingHelps' as const) : ('weak' as const));
  const d = Math.round((small - large) * 100) / 100;
  return {
    small: { value: small, reading: reading(small) },
    large: { value: large, reading: reading(large) },
    moreNegative: Math.abs(d) < 0.1 ? ('similar' as const) : d < 0 ? ('small' as const) : ('large' as const),
  };
}
