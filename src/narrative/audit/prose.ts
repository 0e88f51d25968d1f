import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/** A block of prose (a paragraph, heading, list item, figure title, key figure) and where it sits in the note. */
export interface ProseBlock {
  section: string;
  /** The template (partial) that wrote it, as the claims name it: the enclosing section, `changes`, `key-figures`. */
  template: string;
  text: string;
  sentences: string[];
}

/** Elements whose text is not prose: chart drawings, the chart source line, scripts and styles. */
const SKIP = (el: Element): boolean =>
  el.name === 'svg' || el.name === 'script' || el.name === 'style' || el.name === 'header' || el.name === 'footer' ||
  hasClass(el, 'chart-source');

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'li', 'figcaption']);

function hasClass(el: Element, name: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(name);
}

/** The section name of an element that opens one, else undefined. */
function sectionOf(el: Element): string | undefined {
  if (el.name === 'figure') return el.attribs.id ?? 'figure';
  if (hasClass(el, 'key-figures')) return 'key-figures';
  if (el.name === 'aside' && hasClass(el, 'changes')) return 'what-changed';
  if (el.name === 'section' && el.attribs.id) return el.attribs.id;
  return undefined;
}

function textOf(nodes: ChildNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += (n as { data: string }).data;
    else if ('children' in n && (n as Element).name !== undefined) {
      const el = n as Element;
      if (SKIP(el)) continue;
      out += textOf(el.children);
      if (el.name === 'br') out += ' ';
    }
  }
  return out;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Split prose into sentences: after . ! or ? followed by a space and a capital, digit, quote or sign.
 * @example sentences('Up 1.2%. Down 3.4% on 5 May.') //=> ['Up 1.2%.', 'Down 3.4% on 5 May.']
 */
export function sentences(text: string): string[] {
  return clean(text).split(/(?<=[.!?])\s+(?=[A-Z0-9"“(+\-−])/).filter((s) => s !== '');
}

/**
 * The prose of a rendered note, block by block with its section: body paragraphs, headings, figure titles, chart
 * alt texts, key figures (each one block) and the what-changed box. The masthead, the sources and disclaimer
 * footer, chart drawings (SVG) and chart source lines are not prose.
 */
export function proseBlocks(html: string): ProseBlock[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const out: ProseBlock[] = [];
  const push = (section: string, template: string, raw: string) => {
    const text = clean(raw);
    if (text) out.push({ section, template, text, sentences: sentences(text) });
  };
  const visit = (nodes: ChildNode[], section: string, template: string): void => {
    for (const n of nodes) {
      if (!('name' in n) || !(n as Element).children) continue;
      const el = n as Element;
      if (SKIP(el)) continue;
      const inner = sectionOf(el) ?? section;
      // a figure's title is written by the section's template (a partial block), so it keeps the section's claims
      const innerTemplate = el.name === 'figure' ? template : inner === 'what-changed' ? 'changes' : inner;
      if (el.attribs['aria-label'] && el.attribs.role === 'img') push(inner, innerTemplate, el.attribs['aria-label']);
      if (el.name === 'div' && hasClass(el, 'kf')) push(inner, innerTemplate, el.children.map((c) => clean(textOf([c]))).filter(Boolean).join(' · '));
      else if (BLOCKS.has(el.name)) push(inner, innerTemplate, textOf(el.children));
      else visit(el.children, inner, innerTemplate);
    }
  };
  visit(doc.children, 'note', 'note');
  return out;
}
