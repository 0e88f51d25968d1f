/**
 * The note.yaml reference and the newcomer's guide of docs/templates.md (the facts dictionary below them is
 * generated). tests/docs/new-note-guide.test.ts follows the guide's steps to the letter.
 */
export const NOTE_YAML_DOC = `## note.yaml keys
A note is a folder: \`note.yaml\`, \`note.hbs\`, \`partials/*.hbs\` (optional), \`note.css\`, and optionally \`email.hbs\`,
\`email.css\` (rules added to the shared e-mail styles of \`assets/email/email.css\`) and image files. \`--note NAME\` finds a folder under the package's \`templates/\`; \`--note ./path\` takes any folder.

| key | what it holds |
|---|---|
| \`title\`, \`standfirst\`, \`desk\`, \`author\`, \`subject\`, \`keywords\`, \`disclaimer\` | the words around the note; \`title\`, \`standfirst\` and \`desk\` are also in \`facts.note\` |
| \`roles\` | role name → series key of the market, any names: \`fund: IWM\`. A role the market may lack: \`peer: { series: IJR, optional: true }\` (left out, with the reason in \`missing\`) |
| \`each\` | the role \`--symbols A,B\` / \`--each UNIVERSE\` replace, one note per symbol (files \`<note>-<symbol>-<as-of>.*\`) |
| \`sections\` | the fact sections to compute, each for the roles it names: \`- performance: [fund]\`, \`- pnf: [fund]\`, \`- rs: [fund/marketBenchmark]\`, \`- score: [fund]\`, \`- yieldWatch: [yield, equity]\`, \`- changes\` (\`- changes: [fund, yield]\` reports P&F changes of those roles' charts only; bare, of every chart; the weekly outlook's box follows \`smallFund\` and \`yield\`). Written bare (\`- lead\`, \`- pnf\`, \`- breadth\`, …) a section reads the weekly outlook's roles. Without \`sections\` a note gets the weekly outlook's set. Only declared sections are computed |
| \`charts\` | \`- { id: NAME, kind: KIND, series: ROLE, window: N }\`: \`kind\` is one of \`pnf\` (window = columns), \`level\` (a line of the series' closes, window = trading days), \`scoreHistory\` (needs \`score\` for that role), or the weekly outlook's \`ytd\`, \`pnf\`, \`score\`, \`breadth\`, \`rates\`, \`correlation\`, \`seasonal\` (id = kind, no series). Templates show a chart with \`{{#> figure fig=figures.NAME}}Title{{/figure}}\` |
| \`page\` | \`paper: A4 \\| Letter\`; \`margins: { top, bottom, left, right }\` (\`18mm\`, \`0.75in\`); \`header\` / \`footer: { left, right }\` with \`{title}\`, \`{desk}\`, \`{date}\`, \`{symbol}\`, \`{page}\`, \`{pages}\`; \`logo: logo.png\` (a PNG, JPEG, WebP or SVG file of the note folder, inlined into the header band and available to templates as \`page.logo\`); \`floatFigures: false\` keeps every figure where the template puts it (by default a figure that does not fit at the foot of a page moves to the next page and the text after it fills the space: see Page flow below) |
| \`pnf\` | per series key: \`{ scale: traditional \\| { fixed: 20 } \\| { percent: 2 }, method: highlow \\| close, reversal: 3 }\` |
| \`peers\` | fund → peer fund, for the score's peer relative strength (without one the market benchmark is used, and \`missing\` says so) |
| \`sizeGroups\`, \`settings\`, \`thresholds\`, \`email\` | the weekly outlook's size groups; windows (\`ratePeakWindow\`, \`correlationWindow\`, \`scoreDirectionWindow\`); judgement thresholds; e-mail sender, recipients, subject |

Shared partials (\`figure\`; \`rs-turning\`: \`{{> rs-turning c=SIDE.closeToReversal numerator=… denominator=… chart="It"}}\`, \`chart\` the sentence's subject; \`pnf-turn\`: \`{{> pnf-turn p=PNF}}\`, a P&F chart a box from a turn; and \`high-box-tail\`: \`{{> high-box-tail p=PNF}}\`, the end of a heading that puts a chart at its highest box: a sell signal still standing, a reversal near) come
with market-note (\`assets/partials/\`); a note's own \`partials/figure.hbs\` replaces it. A partial
that exists nowhere stops the build with the template file and line.

## Page flow

Chromium prints blocks in the order of the HTML and never splits a figure, so a figure that does not fit at the
foot of a page would leave that space empty. Before printing, market-note lays the note out once more as
one-page-high columns (the same break rules as the print: figures and boxes unbroken, a heading kept with its
text, orphans and widows) and reads where each block lands. When a figure starts a page below an empty space of
at least 12% of the page, the figure moves after the running text that follows it, as much of that text as fits
into the space (a paragraph may end the run split over the page break when three lines fit on each side; a
heading never ends it). A figure met on the way moves along, so figures keep their order and their numbers;
caption, chart and source line move together; nothing passes the closing section. Each move is measured again
and kept only when the figure still starts the same page and the note has no more pages. The same HTML gives
the same PDF; a note whose figures fit costs one extra layout (about 10 ms).

What counts as a block: the children of \`main\`, \`section\`, \`article\` and \`div\` elements that may break across
pages are walked into; \`figure\` elements inside them float; \`h1\`–\`h6\` (and anything with \`break-after: avoid\`)
stay with what follows; blocks directly under \`body\` (title block, key figures, closing) stay where they are. An
element of class \`float-barrier\` counts as one block of text: a figure may move past all of it (it may start in
the space and go on over the page), never into it; one that holds a figure is never passed, so figures keep their
order. The weekly outlook's conclusion has the class, so no figure of an
earlier section splits its answer; a figure that cannot fit before it follows it.
The standalone HTML keeps the template's order (a screen has no pages). \`page: { floatFigures: false }\` in
note.yaml turns the flow off. The code is \`src/render/page-flow.ts\`.

## A new note in ten minutes
This makes a short note on the 10-year yield, from the demo market. Run the commands from any folder; \`npx market-note\` is the
installed command (in a clone of this repository, \`node bin/market-note.js\` after \`npm run build\`).

1. Make a note folder. It builds as it is: a note on the S&P 500.

\`\`\`sh
npx market-note init my-notes/yield-note
npx market-note build --note my-notes/yield-note --format html --out out
\`\`\`

2. Point it at the yield and an equity index, and add the yield-watch section: replace \`my-notes/yield-note/note.yaml\` with

<!-- file: my-notes/yield-note/note.yaml -->
\`\`\`yaml
title: The 10-year yield
standfirst: Where the 10-year Treasury yield stands this week.
desk: my desk
disclaimer: For information only; not investment advice.
roles:
  index: TNX
  equity: SPX
sections:
  - performance: [index]
  - pnf: [index]
  - yieldWatch: [index, equity]
charts:
  - { id: indexLine, kind: level, series: index, window: 252 }
pnf:
  TNX: { scale: { fixed: 0.5 }, method: highlow }
page:
  header: { left: "{desk}", right: "{title} · {date}" }
\`\`\`

3. Say something about the week in words chosen from judgements (\`weekDirection\` is \`up\`, \`down\` or \`flat\`;
\`weekSwing\` is true when the week's closes spanned 10 bp (two boxes of TNX's chart) or more and the net move is a third of that or less, a week
better said by its range, \`weekRange\`, than by "rose" or "fell"; \`weekSmall\` when the move prints as 1 or 2 bp, a
week the yield "edged" up or down; numbers are printed with helpers, never compared): add \`my-notes/yield-note/partials/week.hbs\`

<!-- file: my-notes/yield-note/partials/week.hbs -->
\`\`\`hbs
{{#with yieldWatch as |y|}}
<p>The yield {{#if (eq y.weekDirection "up")}}rose {{bp y.weekChangeBp}}{{else if (eq y.weekDirection "down")}}fell {{bp y.weekChangeBp}}{{else}}was unchanged{{/if}} on the week, to {{num y.level 2}}%.
Against the {{y.equity.name}} its {{y.equity.window}}-day correlation is {{num y.equity.correlation 2}}.</p>
{{/with}}
\`\`\`

and use it in \`my-notes/yield-note/note.hbs\`: replace that file with

<!-- file: my-notes/yield-note/note.hbs -->
\`\`\`hbs
<header class="title-block">
  <p class="kicker">{{note.desk}}</p>
  <h1>{{note.title}}</h1>
  <p class="dateline">Data through {{date asOf "long"}}</p>
</header>
<main class="body">
{{> week}}
{{> summary}}
{{#> figure fig=figures.indexLine}}The yield over the last year{{/figure}}
</main>
<footer class="closing"><p class="disclaimer">{{config.disclaimer}}</p></footer>
\`\`\`

4. Check it and build the PDF:

\`\`\`sh
npx market-note lint --note my-notes/yield-note
npx market-note build --note my-notes/yield-note --out out
\`\`\`

\`out/yield-note-<as-of>.pdf\` is the note; \`out/yield-note-<as-of>.facts.json\` holds every figure it could print (the
paths are listed below). \`npx market-note preview --note my-notes/yield-note\` shows it in a browser and reloads on every save.
`;
