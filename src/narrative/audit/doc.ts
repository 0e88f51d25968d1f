/** The "Audit" section of docs/templates.md: what `market-note audit` checks in a note's sentences. */
export function auditDocMarkdown(): string {
  return `## Audit: every sentence against its facts
\`npx market-note audit --from 2016-01-01 --to 2026-02-13 [--every friday] [--note …] [--data …]\` builds the facts and the
narrative (no PDF, no charts drawn) for every date and checks the prose — body, headings, figure titles and alt texts,
key figures, the what-changed box; not the masthead, the sources footer, chart drawings or source lines — with rules
that do not depend on the wording:

| rule | a sentence fails when |
|---|---|
| \`numbers\` | a percent, basis-point or point figure is no fact at its printed decimals (with a printed sign, the sign must agree too; thresholds such as 30%, 70% are facts under \`thresholds\`), or a printed difference ("by N points", "N percentage points") is not the difference of two percents printed before it in the paragraph, at their printed roundings |
| \`dates\` | a date printed without its year ("6 November", "since June") is no date of the as-of year that the facts hold (a figure's \`from\`/\`to\` counts) |
| \`recency\` | "new", "newly" or "just" is not backed by an event judged new (after the previous note), or "lately"/"recently" by one within \`thresholds.recentDays\`, among the judgements its template read (the claims); or the sentence dates the event before that window |
| \`judgements\` | a judgement (\`kind\`) disagrees with an independent recomputation from the figures and \`thresholds\` (one check per kind; kinds without a check are listed after the summary) |
| \`contradictions\` | two readings the note prints in different places disagree (a table of pairs: the second half in the lead and in the seasonality headline, the correlation chart title and the rate-sensitivity text, the rebound risk in the conclusion and the rates section, …); a pair counts when the note read both sides |

Output: one line per violation on stdout, \`DATE SECTION "sentence" RULE: detail\`, e.g.
\`2025-12-12 lead "Small caps trail by 0.2 percentage points." numbers: 0.2 points ≠ 25.1 − 24.8\`; a summary with the
count per rule and the wall time on stderr, a progress bar on a terminal; exit 1 when there is any violation. A new
judgement kind gets its check in \`src/narrative/audit/judgements.ts\`; a new pair of readings that must agree is a row
of \`CONTRADICTIONS\` in \`src/narrative/audit/contradictions.ts\`.
`;
}
