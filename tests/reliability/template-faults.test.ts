/**
 * Templates that reach outside the note, and templates that run away. The checker (src/narrative/resource-check.ts)
 * runs in lint and in every build; a render is bounded in iterations and size.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../data/error-text.js';
import { loadNote } from '../../src/note/load-note.js';
import { compileNote } from '../../src/narrative/render-narrative.js';
import { MAX_EACH_ITERATIONS } from '../../src/narrative/render-limit.js';
import { checkNoteResources, checkText, urlKind } from '../../src/narrative/resource-check.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const codes = (html: string) => checkText(html, 'note.hbs').map((i) => i.code);

describe('every way a template can reference something outside the note is refused', () => {
  const cases: [string, string, string][] = [
    ['a file:// image', '<img src="file:///etc/passwd">', 'outside-resource'],
    ['a remote image', '<img src="https://cdn.example/logo.png">', 'remote-resource'],
    ['a protocol-relative image', '<img src="//cdn.example/logo.png">', 'remote-resource'],
    ['a remote srcset candidate', '<img src="logo.png" srcset="logo.png 1x, https://cdn.example/logo@2x.png 2x">', 'remote-resource'],
    ['a remote video poster', '<video poster="https://cdn.example/p.jpg"></video>', 'remote-resource'],
    ['a remote style sheet link', '<link rel="stylesheet" href="https://cdn.example/s.css">', 'remote-resource'],
    ['CSS @import in a <style> block', '<style>@import "theme.css";</style>', 'remote-resource'],
    ['a remote url() in a style attribute', '<div style="background: url(https://cdn.example/bg.png)"></div>', 'remote-resource'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">', 'active-content'],
    ['a <script>', '<script>fetch("/x")</script>', 'active-content'],
    ['an on* handler', '<img src="logo.png" onerror="fetch(1)">', 'active-content'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', 'active-content'],
    ['an entity-obfuscated javascript: link', '<a href="jav&#x61;script:alert(1)">x</a>', 'active-content'],
    ['an <iframe>', '<iframe src="page.html"></iframe>', 'active-content'],
    ['a <base href>', '<base href="https://elsewhere.example/">', 'active-content'],
    ['an image that leaves the note folder', '<img src="../../secret.png">', 'outside-resource'],
    ['an image by absolute path', '<img src="/etc/market-note/logo.png">', 'outside-resource'],
    ['an SVG <image href> that is remote', '<svg><image href="https://cdn.example/i.png"/></svg>', 'remote-resource'],
  ];
  for (const [what, html, code] of cases) {
    it(`refuses ${what}`, () => {
      expect(codes(html)).toContain(code);
    });
  }

  it('refuses CSS @import and remote url() in note.css', () => {
    const issues = checkText('body { color: black; }\n@import url("https://fonts.example/f.css");\n.x { background: url("file:///tmp/x.png"); }\n', 'note.css', { css: true });
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ['remote-resource', 2],
      ['remote-resource', 2],
      ['outside-resource', 3],
    ]);
  });

  it('passes a link to a web page, local images inside the folder, data: and cid: URLs and {{…}} values', () => {
    expect(codes('<a href="https://www.example.com/research">site</a>')).toEqual([]);
    expect(codes('<a href="mailto:desk@example.com">mail</a>')).toEqual([]);
    expect(codes('<img src="logo.png"><img src="img/./chart.png"><img src="data:image/png;base64,AAAA"><img src="cid:chart-1">')).toEqual([]);
    expect(codes('<a href="{{email.pdfUrl}}">PDF</a><img src="{{charts.ytd.src}}">')).toEqual([]);
    expect(urlKind('img/../logo.png')).toBe('ok');
  });

  it('finds nothing in the shipped weekly-outlook note (no false alarm)', () => {
    expect(checkNoteResources(loadNote('weekly-outlook'))).toEqual([]);
  });

  it('lint flags an outside reference with file and line, and a web link is not flagged', async () => {
    const dir = tempDir();
    const note = join(dir, 'weekly-outlook');
    cpSync(join(ROOT, 'templates/weekly-outlook'), note, { recursive: true });
    const masthead = join(note, 'partials/masthead.hbs');
    const lines = readFileSync(masthead, 'utf8').split('\n');
    writeFileSync(masthead, [lines[0], '<a href="https://www.example.com/">our site</a>', '<img src="file:///etc/hostname" alt="">', ...lines.slice(1)].join('\n'));
    const r = await runCli(['lint', '--note', note, '--as-of', '2025-12-12']);
    expect(r.code).toBe(1);
    const flagged = r.stderr.split('\n').filter((l) => /\[(remote|outside)-resource\]|\[active-content\]/.test(l));
    expect(flagged).toEqual([`${masthead}:3: <img src="file:///etc/hostname"> points outside the note folder; only files inside it can be used [outside-resource]`]);
  }, 120_000);

  it('the build refuses the same note and writes nothing', async () => {
    const dir = tempDir();
    const note = join(dir, 'weekly-outlook');
    cpSync(join(ROOT, 'templates/weekly-outlook'), note, { recursive: true });
    writeFileSync(join(note, 'note.css'), `${readFileSync(join(note, 'note.css'), 'utf8')}\n@import url("https://fonts.example/f.css");\n`);
    const out = join(dir, 'out');
    const r = await runCli(['build', '--note', note, '--format', 'html', '--out', out]);
    expect(r.code).toBe(1);
    // (the first line may be the notice that the demo market is used)
    expect(r.stderr.split('\n').find((l) => l.startsWith('market-note: /'))).toMatch(new RegExp(`^market-note: ${join(note, 'note.css')}:\\d+: CSS @import pulls in another style sheet`));
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});

describe('a template that runs away is stopped', () => {
  const note = (text: string) => ({ ...loadNote('weekly-outlook'), partials: [], css: '', emailCss: '', main: { file: '/notes/x/note.hbs', text } });

  it(`stops nested {{#each}} over thousands of items after ${MAX_EACH_ITERATIONS.toLocaleString('en-US')} iterations with a clear message`, () => {
    const render = compileNote(note('{{#each a}}{{#each @root.a}}{{#each @root.a}}<p>{{this}}</p>{{/each}}{{/each}}{{/each}}'));
    const e = errorOf(() => render({ a: Array.from({ length: 2000 }, (_, i) => i) }));
    expect(e.code).toBe('TEMPLATE');
    expect(e.message).toBe('the template renders too much (more than 100,000 {{#each}} iterations); stopped');
  });

  it('stops a render whose output passes the size limit', () => {
    const render = compileNote(note('{{#each a}}{{@root.big}}{{/each}}'));
    const e = errorOf(() => render({ a: Array.from({ length: 100 }, (_, i) => i), big: 'x'.repeat(1_000_000) }));
    expect(e.message).toBe('the template renders too much (more than 50 million characters); stopped');
  });

  it('renders again normally after a stopped render (the counters start over)', () => {
    const render = compileNote(note('{{#each a}}{{this}}{{/each}}'));
    expect(render({ a: [1, 2, 3] })).toBe('123');
    expect(render({ a: [4, 5] })).toBe('45');
  });
});
