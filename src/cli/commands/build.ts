import { resolve } from 'node:path';
import { loadMarket } from '../../data/load-market.js';
import { loadNote } from '../../narrative/load-note.js';
import { BrowserSession } from '../../render/browser.js';
import { buildNote, type OutputFormat } from '../../render/build-note.js';
import type { CliIo } from '../io.js';

export interface BuildArgs {
  note?: string;
  data?: string;
  asOf?: string;
  format: OutputFormat[];
  out: string;
  paper?: 'A4' | 'Letter';
}

/** `market-note build`: writes the note's files and prints their paths. */
export async function buildCommand(args: BuildArgs, io: CliIo): Promise<number> {
  const needsBrowser = args.format.includes('pdf') || args.format.includes('email');
  // Start Chromium first: it boots while the data loads and the facts and charts are computed.
  const browser = needsBrowser ? BrowserSession.launch() : undefined;
  browser?.catch(() => undefined);
  try {
    const note = loadNote(args.note);
    const market = loadMarket(args.data);
    const built = await buildNote({ note, market, asOf: args.asOf, formats: args.format, outDir: resolve(args.out), paper: args.paper, browser });
    for (const f of built.files) io.out(f);
    return 0;
  } finally {
    if (browser) await (await browser.catch(() => undefined))?.close();
  }
}
