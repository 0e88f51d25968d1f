import Handlebars from 'handlebars';
import abs from './helpers/abs.js';
import article from './helpers/article.js';
import at from './helpers/at.js';
import bp from './helpers/bp.js';
import capitalize from './helpers/capitalize.js';
import lowercase from './helpers/lowercase.js';
import { eq, gt, gte, lt, lte, ne } from './helpers/compare.js';
import countWord from './helpers/count-word.js';
import date from './helpers/date.js';
import degree from './helpers/degree.js';
import direction from './helpers/direction.js';
import level from './helpers/level.js';
import list from './helpers/list.js';
import { and, has, not, or } from './helpers/logic.js';
import num from './helpers/num.js';
import ordinal from './helpers/ordinal.js';
import pct from './helpers/pct.js';
import pick from './helpers/pick.js';
import plural from './helpers/plural.js';
import signedBp from './helpers/signed-bp.js';
import signedPct from './helpers/signed-pct.js';
import since from './helpers/since.js';

/** Every helper a template may call; `knownHelpersOnly` makes any other name a compile error. */
export const helpers: Record<string, (...args: any[]) => unknown> = {
  abs, and, article, at, bp, capitalize, countWord, date, degree, direction, eq, gt, gte, has, level, list, lowercase, lt, lte, ne, not, num,
  or, ordinal, pct, pick, plural, signedBp, signedPct, since,
};

/** The Handlebars built-in block helpers templates may use besides ours. */
export const builtins = ['if', 'unless', 'each', 'with', 'lookup'];

/** A fresh Handlebars environment with every helper registered (no global state is touched). */
export function createHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  return hb;
}
