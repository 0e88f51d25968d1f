import { createHash } from 'node:crypto';
import type { TopLevelSpec } from 'vega-lite';
import { textWidth } from './text-width.js';
import { parseCached, splitData } from './compile-cache.js';
import { trace } from '../cli/trace.js';

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: number | string;
  limit?: number;
}

/**
 * Vega's text measure, set to the bundled font's advance widths (the hook Vega offers for canvas-less renderers),
 * so label extents, legends and `fit` widths match what the PDF prints.
 */
function measure(item: TextItem, text?: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const s = text == null ? '' : String(text).trim();
  if (size <= 0 || !s) return 0;
  return textWidth(s, size, item.fontWeight ?? 400);
}

/** Vega and Vega-Lite, loaded on the first chart drawn (commands that draw none never load them). */
let libs: Promise<{ vega: typeof import('vega'); compile: typeof import('vega-lite').compile }> | undefined;
const loadVega = (): Promise<{ vega: typeof import('vega'); compile: typeof import('vega-lite').compile }> =>
  (libs ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => {
    (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics.width = measure;
    trace('Vega loaded');
    return { vega, compile: vl.compile };
  }));

/** Start loading Vega and Vega-Lite now (a thread that will draw charts and is idle until then). */
export function preloadVega(): void {
  loadVega().catch(() => undefined); // a failure is reported by the chart that needs them
}

/**
 * Compile a Vega-Lite spec and render it headless to a static SVG string (no browser, no canvas):
 * vega-lite → vega spec → View with renderer 'none' → toSVG().
 * @example (await toSvg(ytdLinesSpec(lines))).startsWith('<svg') //=> true
 */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const key = createHash('sha1').update(JSON.stringify(spec)).digest('base64');
  const known = drawn.get(key);
  if (known !== undefined) {
    drawn.delete(key); // most recently used last
    drawn.set(key, known);
    return known;
  }
  const svg = await draw(spec);
  drawn.set(key, svg);
  if (drawn.size > MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
  return svg;
}

/**
 * SVGs of the charts drawn last, by the SHA-1 of their spec (data included): a chart whose spec is the same draws
 * the same picture. In a batch of weekly notes the seasonal chart changes once or twice a year and a P&F chart
 * only in weeks that add a box, so about one chart in five is one drawn before.
 */
const drawn = new Map<string, string>();
const MAX_DRAWN = 32;

async function draw(spec: TopLevelSpec): Promise<string> {
  const { vega, compile } = await loadVega();
  const split = splitData(spec);
  // compiled and parsed once per chart shape, the data put back in
  const runtime = parseCached(spec, compile, (vg) => vega.parse(vg as import('vega').Spec), split);
  // a chart with no data at all (a history too short to draw; the note's text says so) is an empty frame, and
  // Vega's warnings about its empty extents say nothing a reader of the run's output could act on
  const empty = split.datasets.length > 0 && split.datasets.every((d) => d.length === 0);
  const view = new vega.View(runtime as import('vega').Runtime, { renderer: 'none', logLevel: empty ? vega.None : vega.Warn });
  try {
    return roundAttributes(await view.toSVG());
  } finally {
    keepRecent(view);
  }
}

/**
 * The views of the last {@link KEPT_VIEWS} charts, kept alive until later charts push them out (then finalized).
 * V8 holds a function's optimized code only while some closure of it lives; Vega makes its scales, maps and
 * operators as new closures for every view, so with every view finalized and dropped, each full GC threw away the
 * optimized code of Vega's hot functions and the next charts compiled it again (in a batch of 100 notes, ~25% of
 * the compiler threads' work). A note draws at most this many charts, so the last note's chart kinds stay warm.
 */
const KEPT_VIEWS = 8;
const recentViews: import('vega').View[] = [];

function keepRecent(view: import('vega').View): void {
  recentViews.push(view);
  if (recentViews.length > KEPT_VIEWS) recentViews.shift()!.finalize();
}

/**
 * Round the numbers inside attribute values to 2 decimals (Vega writes `5.6000000000000005`); text content is left
 * alone. A hundredth of a pixel is invisible, and the SVG shrinks by about a third.
 * @example roundAttributes('<path transform="translate(5.6000000000000005,1)"/>') //=> '<path transform="translate(5.6,1)"/>'
 */
export function roundAttributes(svg: string): string {
  // One pass: a text node (from a tag's `>` to the next `<`; Vega escapes both inside attribute values and text)
  // is kept as it is, and a long decimal anywhere else is inside a tag, so in an attribute value.
  return svg.replace(LONG_DECIMAL_OUTSIDE_TEXT, (m) => (m.charCodeAt(0) === 62 /* > */ ? m : String(Math.round(Number(m) * 100) / 100)));
}

const LONG_DECIMAL_OUTSIDE_TEXT = />[^<]*<|-?\d+\.\d{3,}/g;
