import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Compile a Vega-Lite spec and render it headless to a static SVG string (no browser, no canvas):
 * vega-lite → vega spec → View with renderer 'none' → toSVG().
 */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const vgSpec = compile(spec).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    return svg;
  } finally {
    view.finalize();
  }
}
