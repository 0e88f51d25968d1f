/**
 * The plain-text part of the e-mail, derived from the e-mail HTML by html-to-text so both say the same thing.
 * Our choices on top of its defaults: headings keep their case and are underlined (`=` under h1, `-` under the
 * others), bullet lists use "- ", numbered lists stay numbered, `table.data` tables are laid out as columns, a
 * chart becomes "(Chart: alt text)", each key figure reads "label: value (note)", and the hidden preheader is left
 * out. Layout tables (role="presentation") read as blocks.
 */
import { convert, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';

/** A heading kept as written and underlined with `char`. */
const underlined =
  (char: string, width: number): FormatCallback =>
  (elem, walk, builder) => {
    builder.openBlock({ leadingLineBreaks: 2 });
    walk(elem.children, builder);
    builder.closeBlock({
      trailingLineBreaks: 2,
      blockTransform: (s) => {
        const t = s.replace(/\s+/g, ' ').trim();
        return `${t}\n${char.repeat(Math.min(width, t.length))}`;
      },
    });
  };

/** A figure title as "[Figure N: title]", on lines of its own. */
const figureTitle: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2, blockTransform: (s) => `[${s.trim().replace(/^Figure (\d+)\.\s*/, 'Figure $1: ')}]` });
};

/** A chart image: its alt text on a line of its own. */
const chartAlt: FormatCallback = (elem, _walk, builder) => {
  const alt = (elem.attribs?.alt ?? '').trim();
  if (!alt) return;
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addInline(`(Chart: ${alt})`);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

/** Inline content followed (or surrounded) by fixed text: "label: ", " (unit)". */
const around =
  (before: string, after: string): FormatCallback =>
  (elem, walk, builder) => {
    if (before) builder.addInline(before, { noWordTransform: true });
    walk(elem.children, builder);
    if (after) builder.addInline(after, { noWordTransform: true });
  };

/** One key-figure cell: a "- " line. */
const keyFigure: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 1 });
  builder.addInline('- ', { noWordTransform: true });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 1 });
};

function options(width: number): HtmlToTextOptions {
  return {
    wordwrap: width,
    formatters: { underlinedH1: underlined('=', width), underlinedH2: underlined('-', width), chartAlt, figureTitle, keyFigure, label: around('', ': '), unit: around(' (', ')') },
    selectors: [
      { selector: 'head', format: 'skip' },
      { selector: '.preheader', format: 'skip' },
      { selector: 'h1', format: 'underlinedH1' },
      ...['h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, format: 'underlinedH2' })),
      { selector: 'img', format: 'chartAlt' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['<', '>'] as [string, string] } },
      { selector: 'ul', options: { itemPrefix: '- ' } },
      { selector: 'table.data', format: 'dataTable', options: { uppercaseHeaderCells: false, maxColumnWidth: 30 } },
      { selector: 'td.kf-cell', format: 'keyFigure' },
      { selector: 'td.kf-gap', format: 'skip' },
      { selector: 'span.kf-label', format: 'label' },
      { selector: 'span.kf-unit', format: 'unit' },
      { selector: '.chart-title', format: 'figureTitle' },
    ],
  };
}

const cached = new Map<number, (html: string) => string>();

/**
 * Plain text from the e-mail HTML, wrapped at `width` columns, ending in one newline.
 * @example mailText('<h2>Rates</h2><p>Yields <b>fell</b>.</p>') //=> 'Rates\n-----\n\nYields fell.\n'
 */
export function mailText(html: string, width = 72): string {
  let fn = cached.get(width);
  if (!fn) {
    const o = options(width);
    fn = (h: string) => convert(h, o);
    cached.set(width, fn);
  }
  return `${fn(html).replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd()}\n`;
}
