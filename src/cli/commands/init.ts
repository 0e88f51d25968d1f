import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { MarketNoteError } from '../../errors/market-note-error.js';
import type { CliIo } from '../io.js';
import { PACKAGE_ROOT } from '../../config/paths.js';

/** The scaffold `init` copies: a small working note on the demo market (assets/init-note/). */
export const INIT_NOTE_DIR = join(PACKAGE_ROOT, 'assets/init-note');

export interface InitArgs {
  force?: boolean;
}

/**
 * `market-note init NAME`: copy the scaffold into the folder NAME (which must not exist, or be empty with
 * --force), title it after the folder, and print its path. `build --note NAME` then builds it.
 * @example await initCommand('my-notes/yield-note', {}, io) // writes my-notes/yield-note/{note.yaml,note.hbs,note.css,partials/summary.hbs}
 */
export async function initCommand(name: string, args: InitArgs, io: CliIo): Promise<number> {
  const dir = resolve(name);
  if (existsSync(dir) && (readdirSync(dir).length > 0 || !args.force)) {
    throw new MarketNoteError('USAGE', `${name} already exists`, { hint: 'Give a new folder name (or an empty folder with --force); init never overwrites files.' });
  }
  cpSync(INIT_NOTE_DIR, dir, { recursive: true, errorOnExist: true, force: false });
  const yamlFile = join(dir, 'note.yaml');
  const title = basename(dir).replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  writeFileSync(yamlFile, readFileSync(yamlFile, 'utf8').replace('__TITLE__', JSON.stringify(title)));
  io.out(dir);
  io.err(`created the note ${basename(dir)}: build it with \`market-note build --note ${name}\`, then edit note.yaml, note.hbs and partials/`);
  return 0;
}
