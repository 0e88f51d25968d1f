/** Helpers for reading Vega-Lite specs in chart tests: layers as loose objects, and inlined data. */
import type { TopLevelSpec } from 'vega-lite';

export type Layer = { data?: { values?: Record<string, unknown>[]; url?: string }; mark: { type: string } & Record<string, unknown>; encoding?: Record<string, any>; transform?: unknown[] };

/** The layers of a layered spec (or of every panel of a vconcat). */
export function layers(spec: TopLevelSpec): Layer[] {
  const s = spec as unknown as { layer?: Layer[]; vconcat?: { layer: Layer[] }[] };
  if (s.layer) return s.layer;
  if (s.vconcat) return s.vconcat.flatMap((v) => v.layer);
  throw new Error('spec has neither layer nor vconcat');
}

export function markTypes(spec: TopLevelSpec): string[] {
  return layers(spec).map((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type));
}

/** Every layer carries its rows inline (no URL, nothing loaded at render time). */
export function allDataInlined(spec: TopLevelSpec): boolean {
  return layers(spec).every((l) => l.data !== undefined && Array.isArray(l.data.values) && l.data.url === undefined);
}

/** The text layers' label strings (field `label` or `text`). */
export function texts(spec: TopLevelSpec): string[] {
  return layers(spec)
    .filter((l) => l.mark.type === 'text')
    .flatMap((l) => {
      const f = l.encoding?.text?.field as string;
      return (l.data?.values ?? []).map((r) => String(r[f]));
    });
}
