/**
 * The built-in synthetic demo market: made-up but plausible prices, the same every run (seeded, no clock).
 *
 *   calendar (weekdays minus Jan 1, Jul 4, Dec 25) → demoIndexes (anchored paths, yield, funds, OHLC)
 *     → demoUniverse (600 S&P 600-like members driven by the small-cap factor) → Market
 *
 * `demoMarketFiles()` writes the same market as market.yaml + CSVs; `loadMarket(<folder of those files>)`
 * gives back exactly `demoMarket()` (apart from `source` and each `file`).
 */
import { businessDays } from './calendar.js';
import { cachedMarket } from './demo-cache.js';
import { demoIndexes } from './demo/demo-indexes.js';
import { demoUniverse } from './demo/demo-universe.js';
import type { Market, Series } from './types.js';
import { seriesCsv, universeCsv } from './write-csv.js';

/** First and last day of the demo indexes, and first day of the demo universe. */
export const DEMO_START = '2001-01-02';
export const DEMO_END = '2025-12-12';
export const DEMO_UNIVERSE_START = '2015-01-02';
const DEMO_MEMBERS = 600;

/** The demo series: key (also the file name), display name, kind, decimals written. */
export const DEMO_SERIES: readonly { key: string; name: string; kind: 'price' | 'yield'; decimals: number }[] = [
  { key: 'SPX', name: 'S&P 500 (demo)', kind: 'price', decimals: 2 },
  { key: 'RUT', name: 'Russell 2000 (demo)', kind: 'price', decimals: 2 },
  { key: 'TNX', name: '10-year Treasury yield (demo)', kind: 'yield', decimals: 3 },
  { key: 'IVV', name: 'iShares Core S&P 500 ETF (demo)', kind: 'price', decimals: 2 },
  { key: 'SPY', name: 'SPDR S&P 500 ETF (demo)', kind: 'price', decimals: 2 },
  { key: 'RSP', name: 'S&P 500 Equal Weight ETF (demo)', kind: 'price', decimals: 2 },
  { key: 'IJH', name: 'iShares Core S&P Mid-Cap ETF (demo)', kind: 'price', decimals: 2 },
  { key: 'MDY', name: 'SPDR S&P MidCap 400 ETF (demo)', kind: 'price', decimals: 2 },
  { key: 'IWM', name: 'iShares Russell 2000 ETF (demo)', kind: 'price', decimals: 2 },
  { key: 'IJR', name: 'iShares Core S&P Small-Cap ETF (demo)', kind: 'price', decimals: 2 },
];
export const DEMO_UNIVERSE = { key: 'SP600', name: 'S&P 600 (demo)', decimals: 2 } as const;

/**
 * The synthetic demo market: read from the on-disk cache when it holds this generator's market, else generated
 * ({@link generateDemoMarket}) and cached (see demo-cache.ts). Fresh objects every call.
 * @example demoMarket().series.SPX.dates[0] //=> '2001-01-02'
 */
export function demoMarket(): Market {
  return cachedMarket(generateDemoMarket);
}

/**
 * The synthetic demo market, built in memory (no cache).
 * @example generateDemoMarket().series.SPX.dates[0] //=> '2001-01-02'
 */
export function generateDemoMarket(): Market {
  const dates = businessDays(DEMO_START, DEMO_END);
  const { bars, smallFactor } = demoIndexes(dates);
  const series: Record<string, Series> = {};
  for (const { key, name, kind } of DEMO_SERIES) {
    const b = bars[key];
    series[key] = { key, name, kind, file: `${key}.csv`, priceField: 'Close', dates: [...dates], close: b.close, open: b.open, high: b.high, low: b.low };
    if (b.volume) series[key].volume = b.volume;
  }
  const start = dates.indexOf(DEMO_UNIVERSE_START);
  const universeDates = dates.slice(start);
  const { members, closes } = demoUniverse(universeDates, smallFactor.slice(start), DEMO_MEMBERS);
  const { key, name } = DEMO_UNIVERSE;
  return { source: 'demo', series, universes: { [key]: { key, name, file: `${key}.csv`, dates: universeDates, members, closes } } };
}

/**
 * The demo market as files: market.yaml plus one CSV per series and the wide universe CSV (same bytes every run).
 * @example demoMarketFiles()[0].path //=> 'market.yaml'
 */
export function demoMarketFiles(): { path: string; content: string }[] {
  const market = demoMarket();
  const yaml = [
    '# Synthetic demo market written by market-note: made-up prices for trying the tool, not market data.',
    'series:',
    ...DEMO_SERIES.map(
      (s) => `  ${s.key}: { file: ${s.key}.csv, name: ${JSON.stringify(s.name)}${s.kind === 'yield' ? ', kind: yield' : ''} }`,
    ),
    'universes:',
    `  ${DEMO_UNIVERSE.key}: { file: ${DEMO_UNIVERSE.key}.csv, layout: wide, name: ${JSON.stringify(DEMO_UNIVERSE.name)} }`,
    '',
  ].join('\n');
  return [
    { path: 'market.yaml', content: yaml },
    ...DEMO_SERIES.map((s) => ({ path: `${s.key}.csv`, content: seriesCsv(market.series[s.key], s.decimals) })),
    { path: `${DEMO_UNIVERSE.key}.csv`, content: universeCsv(market.universes[DEMO_UNIVERSE.key], DEMO_UNIVERSE.decimals) },
  ];
}
