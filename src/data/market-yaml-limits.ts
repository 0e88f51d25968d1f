/** Alias expansions a market.yaml may make (a "billion laughs" file makes millions). */
export const MAX_ALIAS_COUNT = 100;
