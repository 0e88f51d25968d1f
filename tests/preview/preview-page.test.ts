import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorPage, previewCsp, previewHtml, type PreviewPageState } from '../../src/preview/preview-page.js';
import { listFiles, watchFiles } from '../../src/preview/watch-files.js';
import { tempDir } from '../helpers/cli.js';

const state: PreviewPageState = { nonce: 'N0nce', serverId: 'abc', generation: 3, noteName: 'weekly-outlook', asOf: '2025-12-12' };
const NOTE =
  '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:\">\n" +
  '<title>t</title>\n</head>\n<body>\n<p>note</p>\n</body>\n</html>\n';

describe('previewHtml', () => {
  const html = previewHtml(NOTE, state, []);

  it("replaces the note's CSP with one that lets only the nonce'd script and /events through", () => {
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(html).toContain(`content="${previewCsp('N0nce')}"`);
    expect(previewCsp('N0nce')).toMatch(/script-src 'nonce-N0nce'; connect-src 'self'/);
    expect(html.match(/<script/g)).toEqual(['<script']);
    expect(html).toContain('<script nonce="N0nce">');
  });

  it('puts the toolbar first in the body and the script last, keeping the note between', () => {
    const body = html.slice(html.indexOf('<body>'));
    expect(body.indexOf('id="mn-preview-bar"')).toBeLessThan(body.indexOf('<p>note</p>'));
    expect(body.indexOf('<p>note</p>')).toBeLessThan(body.indexOf('<script'));
    expect(body).toContain('value="2025-12-12"');
    expect(body).toContain('const page = {"id":"abc","gen":3};');
  });

  it('lists lint warnings above the note, escaped', () => {
    const w = previewHtml(NOTE, state, [{ place: 'partials/lead.hbs:3', message: '"a<b" is not a fact', severity: 'warning' }]);
    expect(w).toContain('<ul id="mn-preview-warnings" role="status"><li><code>partials/lead.hbs:3</code>: &quot;a&lt;b&quot; is not a fact</li></ul>');
  });
});

describe('errorPage', () => {
  it('lists each problem with its place and hint, and reloads itself', () => {
    const html = errorPage(state, 'The templates do not render', [{ place: 'note.hbs:4', message: 'Parse error', hint: 'Close the block', severity: 'error' }]);
    expect(html).toContain('<ul id="mn-preview-errors"><li><code>note.hbs:4</code>: Parse error<div class="mn-hint">Close the block</div></li></ul>');
    expect(html).toContain("new EventSource('/events')");
  });
});

describe('watchFiles', () => {
  it('reports a changed, an added and a removed file', async () => {
    const dir = tempDir('market-note-watch-');
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'note.hbs'), 'a');
    writeFileSync(join(dir, 'partials', 'old.hbs'), 'x');
    const seen: string[][] = [];
    const w = watchFiles(() => listFiles(dir), (c) => seen.push(c), 20);
    try {
      writeFileSync(join(dir, 'note.hbs'), 'ab');
      writeFileSync(join(dir, 'partials', 'new.hbs'), 'y');
      rmSync(join(dir, 'partials', 'old.hbs'));
      const end = Date.now() + 5000;
      while (seen.flat().length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    } finally {
      w.close();
    }
    expect([...new Set(seen.flat())].sort()).toEqual([join(dir, 'note.hbs'), join(dir, 'partials', 'new.hbs'), join(dir, 'partials', 'old.hbs')]);
  });

  it('lists files recursively, skipping dot-files', () => {
    const dir = tempDir('market-note-watch-');
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, '.note.hbs.swp'), '');
    writeFileSync(join(dir, 'note.css'), '');
    writeFileSync(join(dir, 'partials', 'lead.hbs'), '');
    expect(listFiles(dir)).toEqual([join(dir, 'note.css'), join(dir, 'partials', 'lead.hbs')]);
  });
});
