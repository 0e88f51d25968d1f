/**
 * Everything a note's templates and CSS could pull in from outside the note, found statically, so that nothing
 * remote or local beyond the note folder ever ships in the .html, the PDF or the .eml:
 *
 * - resources loaded from the network: `src`, `srcset`, `poster`, `data` (object), `background`, `<link href>`,
 *   `<image href>` / `xlink:href`, `<use href>`, CSS `url()`, when remote (`http:`, `https:`, `//host`, any other
 *   scheme but `data:` and `cid:`);
 * - local files: any `file:` URL, and relative paths that leave the note folder (`../x.png`, `/etc/x.png`);
 *   a relative path inside the folder (`logo.png`) is left to the build, which inlines it;
 * - CSS `@import` (of anything), `<base>`, `<meta http-equiv="refresh">`, `<script>`, `javascript:` URLs,
 *   `<iframe>`, `<embed>`, `<object>`, and form actions.
 *
 * `<a href="https://…">` is a link the reader may follow, not a resource: it is allowed. Values written with
 * `{{…}}` are filled from the facts and note.yaml at build time and are not judged here.
 */
import { fail } from '../errors/market-note-error.js';

/** One reference to something outside the note. */
export interface ResourceIssue {
  code: 'remote-resource' | 'outside-resource' | 'active-content';
  message: string;
  file: string;
  line: number;
}

const URL_ATTRIBUTES = new Set(['src', 'poster', 'background', 'data', 'lowsrc', 'dynsrc', 'longdesc', 'manifest', 'icon', 'archive', 'codebase']);
const HREF_RESOURCE_TAGS = new Set(['link', 'image', 'use', 'feimage', 'script']);
const FORBIDDEN_TAGS: Record<string, string> = {
  script: 'runs a script; notes hold no scripts',
  base: 'sets a <base> URL; links and resources must not be redirected',
  iframe: 'embeds another page (<iframe>)',
  frame: 'embeds another page (<frame>)',
  embed: 'embeds an outside object (<embed>)',
  object: 'embeds an outside object (<object>)',
  applet: 'embeds an applet',
  portal: 'embeds another page (<portal>)',
};

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * What a URL written in a note refers to: fine (inside the note, `data:`, `cid:`, `#fragment`, or filled in by
 * `{{…}}`), remote, a local file outside the note, or a script.
 * @example urlKind('https://cdn.example/x.png') //=> 'remote'
 * @example urlKind('logo.png') //=> 'ok'
 * @example urlKind('../secret.png') //=> 'outside'
 */
export function urlKind(raw: string): 'ok' | 'remote' | 'outside' | 'script' {
  // Entities and control characters browsers ignore inside a URL ("jav&#x09;ascript:", " https:").
  const url = raw
    .replace(/&#(x[0-9a-f]+|\d+);?/gi, (_m, code: string) => String.fromCodePoint(code[0].toLowerCase() === 'x' ? parseInt(code.slice(1), 16) : Number(code)))
    .replace(/&colon;/gi, ':')
    .replace(/[\u0000-\u0020\u007f]+/g, '')
    .toLowerCase();
  if (url === '' || url.startsWith('#') || url.startsWith('{{')) return 'ok';
  if (url.startsWith('data:') || url.startsWith('cid:')) return 'ok';
  if (url.startsWith('javascript:') || url.startsWith('vbscript:')) return 'script';
  if (url.startsWith('file:')) return 'outside';
  if (url.startsWith('//') || url.startsWith('\\\\') || /^[a-z][a-z0-9+.-]*:/.test(url)) return 'remote';
  if (url.startsWith('/') || url.startsWith('\\') || url.includes('{{')) return url.includes('{{') ? 'ok' : 'outside';
  let depth = 0;
  for (const part of url.split(/[/\\]/)) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return 'outside';
  }
  return 'ok';
}

function issueFor(kind: 'remote' | 'outside' | 'script', what: string, file: string, line: number): ResourceIssue {
  if (kind === 'remote') return { code: 'remote-resource', message: `${what} loads a remote resource; notes must be self-contained (it would be blocked when printing)`, file, line };
  if (kind === 'outside') return { code: 'outside-resource', message: `${what} points outside the note folder; only files inside it can be used`, file, line };
  return { code: 'active-content', message: `${what} is a javascript: URL; notes hold no scripts`, file, line };
}

/** CSS checks: `@import` of anything, and `url()` that is remote or outside the note. */
function checkCss(css: string, offset: number, text: string, file: string, out: ResourceIssue[]): void {
  for (const m of css.matchAll(/@import\b/gi)) {
    out.push({ code: 'remote-resource', message: 'CSS @import pulls in another style sheet; put the rules in note.css', file, line: lineAt(text, offset + m.index) });
  }
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi)) {
    const kind = urlKind(m[1] ?? m[2] ?? m[3] ?? '');
    if (kind !== 'ok') out.push(issueFor(kind, `url(${JSON.stringify((m[1] ?? m[2] ?? m[3] ?? '').trim().slice(0, 60))})`, file, lineAt(text, offset + m.index)));
  }
  for (const m of css.matchAll(/image-set\(\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const kind = urlKind(m[1] ?? m[2] ?? '');
    if (kind !== 'ok') out.push(issueFor(kind, `image-set(${JSON.stringify((m[1] ?? m[2] ?? '').slice(0, 60))})`, file, lineAt(text, offset + m.index)));
  }
  for (const m of css.matchAll(/(?<![\w-])expression\(/gi)) {
    out.push({ code: 'active-content', message: 'CSS expression() runs script; notes hold no scripts', file, line: lineAt(text, offset + m.index) });
  }
}

/**
 * Every reference to something outside the note in one template (HTML + Handlebars) or, with `css: true`, one
 * style sheet. `file` is the path shown in the issues.
 * @example checkText('<img src="https://x.example/a.png">', 'note.hbs').map((i) => i.code) //=> ['remote-resource']
 * @example checkText('<a href="https://example.com">site</a>', 'note.hbs') //=> []
 */
export function checkText(text: string, file: string, opts: { css?: boolean } = {}): ResourceIssue[] {
  const out: ResourceIssue[] = [];
  if (opts.css) {
    checkCss(text, 0, text, file, out);
    return out;
  }
  // <style> blocks and style="" attributes are CSS.
  for (const m of text.matchAll(/<style\b[^>]*>([\s\S]*?)(?:<\/style\s*>|$)/gi)) checkCss(m[1], m.index + m[0].indexOf(m[1]), text, file, out);
  for (const m of text.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+(?:[^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g)) {
    const tag = m[1].toLowerCase();
    const line = lineAt(text, m.index);
    if (tag in FORBIDDEN_TAGS) {
      out.push({ code: 'active-content', message: `<${tag}> ${FORBIDDEN_TAGS[tag]}`, file, line });
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of m[2].matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    }
    if (tag === 'meta' && (attrs.get('http-equiv') ?? '').trim().toLowerCase() === 'refresh') {
      out.push({ code: 'active-content', message: '<meta http-equiv="refresh"> sends the reader elsewhere; notes do not redirect', file, line });
    }
    for (const [name, value] of attrs) {
      if (name.startsWith('on')) {
        out.push({ code: 'active-content', message: `${name}="…" runs a script; notes hold no scripts`, file, line });
        continue;
      }
      if (name === 'style') {
        checkCss(value, m.index + m[0].indexOf(value), text, file, out);
        continue;
      }
      const urls = name === 'srcset' || name === 'imagesrcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]) : [value];
      const resource =
        URL_ATTRIBUTES.has(name) ||
        name === 'srcset' ||
        name === 'imagesrcset' ||
        name === 'action' ||
        name === 'formaction' ||
        name === 'ping' ||
        name === 'xlink:href' ||
        (name === 'href' && HREF_RESOURCE_TAGS.has(tag));
      for (const url of urls) {
        const kind = urlKind(url);
        if (kind === 'ok') continue;
        // A link the reader may follow is not a resource, unless it is a script or a local file.
        if (!resource && kind === 'remote') continue;
        if (!resource && name !== 'href') continue;
        out.push(issueFor(kind, `<${tag} ${name}="${url.slice(0, 60)}">`, file, line));
      }
    }
  }
  return out;
}

/** The note's parts the checker reads. */
export interface NoteTexts {
  main: { file: string; text: string };
  partials: { file: string; text: string }[];
  css: string;
  emailCss?: string;
  dir: string;
}

/**
 * Every reference outside the note in its templates, note.css and email.css, in file order.
 * @example checkNoteResources(loadNote('weekly-outlook')) //=> []
 */
export function checkNoteResources(note: NoteTexts): ResourceIssue[] {
  return [
    ...[note.main, ...note.partials].flatMap((f) => checkText(f.text, f.file)),
    ...checkText(note.css, `${note.dir}/note.css`, { css: true }),
    ...(note.emailCss ? checkText(note.emailCss, `${note.dir}/email.css`, { css: true }) : []),
  ];
}

/**
 * Throws the first reference outside the note as one `TEMPLATE` error (file:line), for the build.
 * @example assertNoOutsideResources(loadNote('weekly-outlook')) //=> undefined
 */
export function assertNoOutsideResources(note: NoteTexts): void {
  const first = checkNoteResources(note)[0];
  if (first) fail('TEMPLATE', first.message, { file: first.file, line: first.line, hint: 'Notes are self-contained: inline the resource (a file in the note folder, or a data: URL), or remove it. `market-note lint` lists every case.' });
}
