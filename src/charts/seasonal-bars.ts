import type { TopLevelSpec } from 'vega-lite';
import type { ChartData } from '../facts/types.js';
import { endLabels } from './end-labels.js';
import { fullWidth } from './encodings.js';
import { signed } from './format.js';
import { niceDomain } from './scales.js';
import { COLORS, FONT_SIZE, HEIGHT, SCHEMA, vlConfig } from './theme.js';

export type SeasonalData = NonNullable<ChartData['seasonal']>;

/** Bars get value labels only up to this many years (labels on more bars are noise). */
export const VALUE_LABELS_UP_TO = 15;

/** Legend wording of the two classes: which index won the second half of year Y. */
export const SEASONAL_CLASSES = { beat: 'Small caps beat large caps in H2', lag: 'Small caps lagged in H2' } as const;

/**
 * Next-year small-cap return after each sample year Y (methodology §10 seasonal): one bar per year, sorted by
 * time, coloured by who won Y's second half (small caps: small-cap colour, large caps: large-cap colour); each
 * class mean as a dashed rule in its colour with its value; a zero line; value labels only when there are few bars.
 * @example seasonalBarsSpec(facts.charts.seasonal).layer.map((l) => l.mark.type) //=> ['rule', 'bar', 'rule', 'text', …]
 */
export function seasonalBarsSpec(d: SeasonalData): TopLevelSpec {
  const rows = [...d.rows]
    .sort((a, b) => a.year - b.year)
    .map((r) => ({ ...r, cls: r.beat ? SEASONAL_CLASSES.beat : SEASONAL_CLASSES.lag, label: signed(r.nextYear, 0) }));
  const means = [
    { cls: SEASONAL_CLASSES.beat, value: d.meanAfterBeat, name: 'after H2 beat' },
    { cls: SEASONAL_CLASSES.lag, value: d.meanAfterLag, name: 'after H2 lag' },
  ].flatMap((m) => (m.value === null ? [] : [{ ...m, value: m.value }]));
  const domain = niceDomain([...rows.map((r) => r.nextYear), ...means.map((m) => m.value)], [0]);
  const meanLabels = endLabels(
    means.map((m) => ({ role: m.cls, text: `mean ${signed(m.value)}%`, date: '', value: m.value })),
    domain,
    HEIGHT,
  ).map((l) => ({ cls: l.role, at: l.at, label: l.text }));
  const every = rows.length > 24 ? 5 : rows.length > 12 ? 2 : 1;
  const x = {
    field: 'year',
    type: 'ordinal' as const,
    title: 'Year Y (bar: small-cap return in Y + 1)',
    scale: { paddingInner: 0.2, paddingOuter: 0.1 },
    axis: { labelAngle: 0, labelExpr: every > 1 ? `datum.value % ${every} === 0 ? '' + datum.value : ''` : "'' + datum.value" },
  };
  const y = { type: 'quantitative' as const, scale: { domain, nice: false, zero: true } };
  const color = {
    field: 'cls',
    type: 'nominal' as const,
    scale: { domain: [SEASONAL_CLASSES.beat, SEASONAL_CLASSES.lag], range: [COLORS.smallCap, COLORS.largeCap] },
    legend: { title: null, orient: 'top', direction: 'horizontal' },
  };
  // Layers after the bars share the colour scale; leaving `legend` unset there keeps the one legend of the bars.
  const { legend: _legend, ...colorNoLegend } = color;
  const layers: object[] = [
    { data: { values: [{ value: 0 }] }, mark: { type: 'rule', color: COLORS.reference }, encoding: { y: { field: 'value', ...y } } },
    {
      data: { values: rows },
      mark: { type: 'bar' },
      encoding: { x, y: { field: 'nextYear', ...y, axis: { title: 'Small-cap return, next year', labelExpr: "format(datum.value, 'd') + '%'" } }, color },
    },
    {
      data: { values: means },
      mark: { type: 'rule', strokeDash: [5, 3], strokeWidth: 1.5 },
      encoding: { y: { field: 'value', ...y }, color: colorNoLegend },
    },
    {
      // class means labelled right of the plot, nudged apart when they are close
      data: { values: meanLabels },
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, fontSize: FONT_SIZE.label, fontWeight: 600 },
      encoding: { x: { value: 'width' }, y: { field: 'at', ...y }, text: { field: 'label' }, color: colorNoLegend },
    },
  ];
  if (rows.length <= VALUE_LABELS_UP_TO) {
    // above a positive bar, below a negative one
    for (const [test, baseline, dy] of [['datum.nextYear >= 0', 'bottom', -2], ['datum.nextYear < 0', 'top', 2]] as const) {
      layers.push({
        data: { values: rows },
        transform: [{ filter: test }],
        mark: { type: 'text', fontSize: FONT_SIZE.note, color: COLORS.text, baseline, dy },
        encoding: { x, y: { field: 'nextYear', ...y }, text: { field: 'label' } },
      });
    }
  }
  return { $schema: SCHEMA, ...fullWidth(HEIGHT), config: vlConfig, layer: layers } as TopLevelSpec;
}
