import { startPreview } from '../../preview/preview-server.js';
import type { Paper } from '../../render/pdf.js';
import type { CliIo } from '../io.js';
import { stopSignal } from '../signals.js';

export interface PreviewArgs {
  note?: string;
  data?: string;
  asOf?: string;
  /** Per-symbol notes: the symbol to show. */
  symbol?: string;
  port?: number;
  paper?: Paper;
}

/**
 * `market-note preview`: serve the note on 127.0.0.1 until Ctrl-C (SIGINT), SIGTERM or SIGHUP. Prints the URL on stdout
 * (the one result), then what it reloads on stderr.
 */
export async function previewCommand(args: PreviewArgs, io: CliIo, stop: Promise<unknown> = stopSignal()): Promise<number> {
  const server = await startPreview({ ...args, log: (line) => io.err(line) });
  try {
    io.out(server.url);
    io.err(`previewing ${args.note ?? 'weekly-outlook'} at ${server.url} — reloads when a template, partial, CSS or data file changes; Ctrl-C stops`);
    await stop;
  } finally {
    await server.close();
  }
  return 0;
}
