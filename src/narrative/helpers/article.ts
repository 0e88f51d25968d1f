import { describe } from './format.js';
import { withArticle } from '../../facts/article.js';

/** `{{article "ascending triple top"}}` → "an ascending triple top"; `{{article "double top"}}` → "a double top". */
export default function article(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`article: expected a word, got ${describe(value)}`);
  return withArticle(value);
}
