import type { TopLevelSpec } from 'vega-lite';
import type { ChartData } from '../facts/types.js';
import { datedRows, lastRow } from './dated-rows.js';
import { dateX, END_LABEL, labelOnWhite } from './encodings.js';
import { shortDate, signed } from './format.js';
import { niceDomain } from './scales.js';
import { COLORS, FONT_SIZE, PANEL_HEIGHT, REFERENCE_RULE, SCHEMA, vlConfig, WIDTH } from './theme.js';

export type RatesData = NonNullable<ChartData['rates']>;

/** Width (px) kept left of the plots for the y axis and right of them for the end labels, the same in both panels. */
const LEFT_AXIS = 46;
const RIGHT_LABELS = 64;
/** Fewer closes than this since the peak draw no line: a day or a week is a tick at the panel's edge (2023-10-20: one
 * day; 2023-08-25: four). */
const MIN_ROWS_SINCE = 10;
/** A peak beyond this share of the date axis is labelled on its left ("Peak 4.80%, 14 Jan 2025" is ~130 px wide). */
const PEAK_LABEL_FLIP = 0.6;

/**
 * The yield and small caps since its peak, as two panels on one date axis: above, the yield (rates colour) with
 * its peak marked by a point and a label; below, the small-cap index rebased to 100 at the peak (small-cap
 * colour) with a dashed 100 line. A dashed rule marks the peak date in both panels; each line ends in its value
 * (the facts' figures when given, as the text prints them: `yieldNow` the yield on the as-of date, `smallSince` the
 * small-cap change since the peak; each rounded once). A "peak" that is the window's edge (`windowEdgeHigh`), or on the as-of
 * date itself, is only the window's high (`peakIsOnlyHigh`) and is labelled so.
 * @example ratesChartSpec(facts.charts.rates).vconcat.length //=> 2
 */
export function ratesChartSpec(d: RatesData, facts: { smallSince?: number | null; yieldNow?: number | null; peakIsOnlyHigh?: boolean } = {}): TopLevelSpec {
  const yieldRows = datedRows(d.yield);
  const smallRows = datedRows(d.small.series);
  const dates = [...d.yield.dates, ...d.small.series.dates].sort();
  // both panels share one x scale (resolve below), so the small-cap panel lines up under the yield's dates
  const x = dateX(dates);
  const xNoLabels = { ...x, axis: { ...x.axis, labels: false, ticks: false, domain: false } };
  const plotWidth = WIDTH - LEFT_AXIS - RIGHT_LABELS - 2 * vlConfig.padding;
  const axis = (format: string) => ({ title: null, labelExpr: format, minExtent: LEFT_AXIS - 8, maxExtent: LEFT_AXIS - 8, tickCount: 4 });
  // each panel names its line in a heading above the plot's top-left corner (instead of a rotated axis title)
  const heading = (text: string) => ({
    data: { values: [{ label: text }] },
    mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -5, fontSize: FONT_SIZE.label, fontWeight: 600, color: COLORS.text },
    encoding: { x: { value: 0 }, y: { value: 0 }, text: { field: 'label' } },
  });
  const peakRule = d.peak ? [{ data: { values: [{ date: d.peak.date }] }, mark: REFERENCE_RULE, encoding: { x } }] : [];

  // the peak is always inside the scale (2016-03-24: the peak's point and label sat above the axis's top)
  const yDomain = niceDomain(yieldRows.map((r) => r.value), d.peak ? [d.peak.level] : [], 4);
  const yY = { field: 'value', type: 'quantitative' as const, scale: { domain: yDomain, nice: false, zero: false }, axis: axis("format(datum.value, '.1f') + '%'") };
  const yEnd = lastRow(yieldRows);
  const top: object[] = [
    heading(`${d.yieldName}, %`),
    ...peakRule.map((l) => ({ ...l, encoding: { x: xNoLabels } })),
    { data: { values: yieldRows }, mark: { type: 'line', color: COLORS.rates }, encoding: { x: xNoLabels, y: yY } },
  ];
  if (d.peak) {
    const peak = [{ date: d.peak.date, value: d.peak.level, label: `${facts.peakIsOnlyHigh ? 'High' : 'Peak'} ${d.peak.level.toFixed(2)}%, ${shortDate(d.peak.date)}` }];
    // a peak in the right part of the chart has its label on its left, clear of the line's end label
    const [first, last] = [Date.parse(dates[0]), Date.parse(dates[dates.length - 1])];
    const late = last > first && (Date.parse(d.peak.date) - first) / (last - first) > PEAK_LABEL_FLIP;
    top.push(
      { data: { values: peak }, mark: { type: 'point', filled: true, size: 36, color: COLORS.rates }, encoding: { x: xNoLabels, y: yY } },
      ...labelOnWhite(peak, { x: xNoLabels, y: yY }, late ? { align: 'right', dx: -7, fontWeight: 600, color: COLORS.text } : { align: 'left', dx: 7, fontWeight: 600, color: COLORS.text }),
    );
  }
  if (yEnd) top.push({ data: { values: [{ ...yEnd, label: `${(facts.yieldNow ?? yEnd.value).toFixed(2)}%` }] }, mark: { ...END_LABEL, color: COLORS.rates }, encoding: { x: xNoLabels, y: yY, text: { field: 'label' } } });

  // a high on the latest close leaves no move since it to draw: the panel says so instead of showing an empty frame
  const nothingSince = smallRows.length < 2 && Boolean(d.peak) && yEnd?.date === d.peak?.date;
  // a few days since the peak: said in words, with the move, rather than drawn as a tick at the edge
  const fewSince = !nothingSince && Boolean(d.peak) && smallRows.length >= 2 && smallRows.length < MIN_ROWS_SINCE;
  const sDomain = niceDomain(smallRows.map((r) => r.value), [100], 4);
  // whole-number labels need whole-number ticks: a narrow domain ticked every half point printed 102, 101, 101, 100
  const sY = { field: 'value', type: 'quantitative' as const, scale: { domain: sDomain, nice: false, zero: false }, axis: { ...axis("format(datum.value, 'd')"), tickMinStep: 1 } };
  const sEnd = lastRow(smallRows);
  const bottom: object[] = [
    heading(`${d.small.name}, rebased to 100 ${facts.peakIsOnlyHigh ? "on the yield's high" : 'at the yield peak'}`),
    ...peakRule,
    // with nothing to draw, no 100 line and no scale: only the panel's words
    ...(nothingSince || fewSince
      ? []
      : [
          { data: { values: [{ value: 100 }] }, mark: REFERENCE_RULE, encoding: { y: { field: 'value', type: 'quantitative', scale: sY.scale } } },
          { data: { values: smallRows }, mark: { type: 'line', color: COLORS.smallCap }, encoding: { x, y: sY } },
        ]),
  ];
  if (nothingSince || fewSince) {
    const days = smallRows.length - 1;
    const what = facts.peakIsOnlyHigh ? 'high' : 'peak';
    const move = `${d.small.key} ${signed(facts.smallSince ?? (sEnd ? sEnd.value - 100 : 0))}%`;
    bottom.push({
      data: { values: [{ label: nothingSince ? `No move since the yield's ${what} yet: it is the latest close` : `${days === 1 ? 'One trading day' : `${days} trading days`} since the yield's ${what}, too short a line for this scale: ${move}` }] },
      mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: FONT_SIZE.label, color: COLORS.text },
      encoding: { x: { value: plotWidth / 2 }, y: { value: PANEL_HEIGHT / 2 }, text: { field: 'label' } },
    });
  } else if (sEnd) bottom.push({ data: { values: [{ ...sEnd, label: `${d.small.key} ${signed(facts.smallSince ?? sEnd.value - 100)}%` }] }, mark: { ...END_LABEL, color: COLORS.smallCap }, encoding: { x, y: sY, text: { field: 'label' } } });

  return {
    $schema: SCHEMA,
    config: vlConfig,
    spacing: 22,
    resolve: { scale: { x: 'shared' } },
    vconcat: [
      { width: plotWidth, height: PANEL_HEIGHT, layer: top },
      { width: plotWidth, height: PANEL_HEIGHT, layer: bottom },
    ],
  } as TopLevelSpec;
}
