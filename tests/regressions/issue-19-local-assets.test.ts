/** Files of the note folder (a logo) are inlined as data URIs; anything outside the note folder fails lint and build with file and line. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNote } from '../../src/note/load-note.js';
import { inlineNoteAssets, noteAssets } from '../../src/note/local-assets.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

/** A 1×1 red PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function makeNote(body: string, css = 'body { font-family: sans-serif; }\n'): string {
  const dir = join(tempDir('market-note-assets-'), 'logo-note');
  mkdirSync(join(dir, 'partials'), { recursive: true });
  copyFileSync(join(ROOT, 'templates/weekly-outlook/note.yaml'), join(dir, 'note.yaml'));
  writeFileSync(join(dir, 'note.hbs'), body);
  writeFileSync(join(dir, 'note.css'), css);
  mkdirSync(join(dir, 'img'));
  writeFileSync(join(dir, 'img', 'logo.png'), PNG);
  writeFileSync(join(dir, '..', 'outside.png'), PNG);
  return dir;
}

describe('noteAssets', () => {
  it('inlines an image of the note folder as a data URI, in templates and note.css', () => {
    const note = loadNote(makeNote('<h1>Note</h1>\n<img src="img/logo.png" alt="Logo">\n', '.mast { background: url(img/logo.png); }\n'));
    const uri = `data:image/png;base64,${PNG.toString('base64')}`;
    expect(noteAssets(note)).toEqual({ assets: new Map([['img/logo.png', uri]]), problems: [] });
    expect(inlineNoteAssets('<img src="img/logo.png" alt="Logo">', note)).toBe(`<img src="${uri}" alt="Logo">`);
    expect(inlineNoteAssets('.mast { background: url(img/logo.png); }', note)).toBe(`.mast { background: url("${uri}"); }`);
  });

  it('leaves remote, data: and cid: references to the resource checks', () => {
    const note = loadNote(makeNote('<img src="https://example.com/x.png">\n<img src="data:image/png;base64,AA==">\n<img src="cid:x@y">\n'));
    expect(noteAssets(note)).toEqual({ assets: new Map(), problems: [] });
  });

  it('reports a reference outside the note folder, or to a missing file, with template file and line', () => {
    const dir = makeNote('<h1>Note</h1>\n<img src="../outside.png">\n<img src="/etc/hostname">\n<img src="nope.png">\n');
    const problems = noteAssets(loadNote(dir)).problems.map((p) => [p.code, p.file, p.line, p.message]);
    expect(problems).toEqual([
      ['asset-outside-note', join(dir, 'note.hbs'), 2, '"../outside.png" is outside the note folder'],
      ['asset-outside-note', join(dir, 'note.hbs'), 3, '"/etc/hostname" is outside the note folder'],
      ['asset-missing', join(dir, 'note.hbs'), 4, '"nope.png" is not a file in the note folder'],
    ]);
  });
});

describe('local images end to end', () => {
  it('build writes the logo into the HTML as a data URI (no file reference left)', async () => {
    const note = makeNote('<h1>Note</h1>\n<img src="img/logo.png" alt="Logo">\n<p>{{asOf}}</p>\n');
    const out = tempDir();
    const r = await runCli(['build', '--note', note, '--as-of', '2025-12-12', '--format', 'html,pdf', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'logo-note-2025-12-12.html'), 'utf8');
    expect(html).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="Logo">`);
    expect(html).not.toContain('src="img/logo.png"');
  }, 120_000);

  it('build and lint fail on an image outside the note folder, naming file and line; nothing is written', async () => {
    const note = makeNote('<h1>Note</h1>\n<img src="../outside.png">\n<p>{{asOf}}</p>\n');
    const out = join(tempDir(), 'out');
    const build = await runCli(['build', '--note', note, '--as-of', '2025-12-12', '--format', 'html', '--out', out]);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`market-note: ${join(note, 'note.hbs')}:2: <img src="../outside.png"> points outside the note folder`);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const lint = await runCli(['lint', '--note', note, '--as-of', '2025-12-12']);
    expect(lint.code).toBe(1);
    expect(lint.stderr).toContain(`${join(note, 'note.hbs')}:2: "../outside.png" is outside the note folder [asset-outside-note]`);
  }, 120_000);
});

describe('package.json', () => {
  it('"files" lists only folders that exist', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const f of pkg.files as string[]) expect(existsSync(join(ROOT, f)), f).toBe(true);
  });
});
