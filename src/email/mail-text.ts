/**
 * The plain-text part of the e-mail, derived from the e-mail HTML so both say the same thing. Made for the HTML
 * our templates write (headings, paragraphs, lists, figure tables, key-figure cells), not for arbitrary pages.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', minus: '−', middot: '·',
  hellip: '…', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', times: '×', zwnj: '', zwj: '', shy: '', thinsp: ' ',
};

/**
 * Decode HTML character references.
 * @example decodeEntities('S&amp;P &#x3D; 500&nbsp;&#8722;1%') //=> 'S&P = 500 −1%'
 */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code === 0x34f || code === 0x200c ? '' : String.fromCodePoint(code);
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

/**
 * Wrap text at `width` columns on spaces (a word longer than the line, such as a URL, gets a line of its own).
 * @example wrapText('one two three', 7) //=> 'one two\nthree'
 */
export function wrapText(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

type Kind = 'p' | 'h1' | 'h2' | 'li' | 'fig' | 'pre';

const BLOCK = new Set([
  'p', 'div', 'section', 'header', 'footer', 'main', 'article', 'aside', 'nav', 'figure', 'figcaption', 'blockquote',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd',
  'caption', 'center', 'body', 'html',
]);
const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'wbr', 'source']);

const attrOf = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
};
const classesOf = (attrs: string): string[] => (attrOf(attrs, 'class') ?? '').split(/\s+/).filter(Boolean);
const hidden = (attrs: string): boolean =>
  classesOf(attrs).includes('preheader') || /display\s*:\s*none/i.test(attrOf(attrs, 'style') ?? '') || /(?:^|\s)hidden(?:\s|=|$)/i.test(attrs);

/**
 * Plain text from e-mail HTML: `<h1>` underlined with `=`, `<h2>`–`<h6>` with `-`, paragraphs wrapped at `width`
 * columns, list items and key-figure cells as "- " lines, figure titles as "[Figure N: title]" followed by the
 * chart's alt text, links as "text <url>"; `<head>`, `<style>` and hidden elements (the preheader) are left out.
 * @example mailText('<h2>Rates</h2><p>Yields <b>fell</b>.</p>') //=> 'Rates\n-----\n\nYields fell.\n'
 */
export function mailText(html: string, width = 72): string {
  const src = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[!?][^>]*>/g, '')
    .replace(/<head\b[\s\S]*?<\/head>/gi, '')
    .replace(/<(style|script|title)\b[\s\S]*?<\/\1>/gi, '');
  const blocks: { kind: Kind; text: string }[] = [];
  let text = '';
  let kind: Kind = 'p';
  let skip: { tag: string; depth: number } | null = null;
  const links: string[] = [];
  const spans: string[] = [];
  const flush = () => {
    const t = text
      .split('\n')
      .map((l) => l.replace(/[ \t\r\f\v]+/g, ' ').trim())
      .join('\n')
      .trim();
    if (t) blocks.push({ kind, text: t });
    text = '';
    kind = 'p';
  };
  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  for (let m = token.exec(src); m; m = token.exec(src)) {
    const [, close, rawTag, attrs = '', chars] = m;
    if (chars !== undefined) {
      if (!skip) text += decodeEntities(chars.replace(/\s+/g, ' '));
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (skip) {
      if (tag === skip.tag && !VOID.has(tag) && !attrs.endsWith('/')) skip.depth += close ? -1 : 1;
      if (skip.depth === 0) skip = null;
      continue;
    }
    if (!close && !VOID.has(tag) && hidden(attrs)) {
      skip = { tag, depth: 1 };
      continue;
    }
    const classes = close ? [] : classesOf(attrs);
    if (tag === 'br') text += '\n';
    else if (tag === 'img') {
      const alt = attrOf(attrs, 'alt');
      if (alt) {
        flush();
        text = `(Chart: ${alt})`;
        flush();
      }
    } else if (tag === 'a') {
      if (close) {
        const href = links.pop();
        if (href && !text.trimEnd().endsWith(href)) text += ` <${href}>`;
      } else links.push(attrOf(attrs, 'href')?.replace(/^mailto:/i, '') ?? '');
    } else if (tag === 'span') {
      // a key figure reads "label: value (note)"
      if (!close) {
        const [before, after] = classes.includes('kf-label') ? ['', ': '] : classes.includes('kf-unit') ? [' (', ') '] : classes.includes('kf-value') ? ['', ' '] : ['', ''];
        if (before) text = `${text.trimEnd()}${before}`;
        spans.push(after);
      } else {
        const after = spans.pop();
        if (after) text = `${text.trimEnd()}${after}`;
      }
    } else if (BLOCK.has(tag)) {
      flush();
      if (!close) {
        if (tag === 'h1') kind = 'h1';
        else if (/^h[2-6]$/.test(tag)) kind = 'h2';
        else if (tag === 'li' || classes.includes('kf-cell')) kind = 'li';
        else if (classes.includes('chart-title')) kind = 'fig';
      }
    }
  }
  flush();
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    if (i > 0) out.push(b.kind === 'li' && prev?.kind === 'li' ? '\n' : '\n\n');
    if (b.kind === 'h1' || b.kind === 'h2') {
      const t = b.text.replace(/\s+/g, ' ');
      out.push(`${t}\n${(b.kind === 'h1' ? '=' : '-').repeat(Math.min(t.length, width))}`);
    } else if (b.kind === 'li') out.push(`- ${wrapText(b.text.replace(/\s+/g, ' '), width - 2, '  ')}`);
    else if (b.kind === 'fig') out.push(wrapText(`[${b.text.replace(/\s+/g, ' ').replace(/^Figure (\d+)\.\s*/, 'Figure $1: ')}]`, width));
    else out.push(b.text.split('\n').map((l) => wrapText(l, width)).join('\n'));
  });
  return `${out.join('')}\n`;
}
