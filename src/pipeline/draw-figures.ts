/**
 * Every chart of a note drawn from its facts: the one way figures are made, in the main thread or in the facts
 * worker, so both give the same SVG.
 */
import { chartPlans, type Figures } from '../charts/build-charts.js';
import { toSvg } from '../charts/to-svg.js';
import type { Facts } from '../facts/types.js';
import { trace } from '../cli/trace.js';

/** Draw the note's charts in order; `between` runs before each chart (the main thread yields to its event loop there). */
export async function drawFigures(facts: Facts, between?: () => Promise<void>): Promise<Figures> {
  const figures: Figures = {};
  for (const plan of chartPlans(facts)) {
    await between?.();
    figures[plan.id] = { id: plan.id, svg: await toSvg(plan.spec), alt: plan.alt, source: plan.source };
    trace(`chart ${plan.id}`);
  }
  return figures;
}
