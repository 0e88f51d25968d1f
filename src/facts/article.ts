/**
 * The indefinite article a phrase takes, by its first sound as the notes spell words and numbers: "an" before a
 * vowel letter ("an ascending triple top", "an eighth") and before a numeral read from "eight…", "eleven…" or
 * "eighteen…" ("an 8th", "an 11th", "an 18th", "an 80th"); "a" otherwise ("a 12th", "a double top"). One rule for
 * the template helper and for the sentences the facts write themselves (what changed).
 * @example withArticle('11th consecutive buy signal') //=> 'an 11th consecutive buy signal'
 */
export function withArticle(phrase: string): string {
  return `${/^(?:[aeiou]|8|1[18](?!\d))/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}
