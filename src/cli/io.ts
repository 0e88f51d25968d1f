/** Where the CLI writes: injectable so tests can capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

// A reader that stops early (`market-note facts | head`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else throw e;
});

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};
