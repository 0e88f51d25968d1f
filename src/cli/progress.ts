/**
 * A progress bar for long commands (batch builds, `lint --coverage`, …), drawn by cli-progress on stderr, and
 * only when stderr is a terminal: piped or redirected, nothing of it is written. Result lines (the paths a
 * build prints on stdout) go through `print`, which lifts the bar off its line, prints the result, and draws the
 * bar again below it, so a path never runs into the bar.
 *
 *   const progress = startProgress(dates.length, { out: io.out, quiet: args.quiet });
 *   progress.update(i, '2025-07-11');   progress.print('/out/note-2025-07-11.pdf');   progress.stop();
 */
import cliProgress from 'cli-progress';

/** Where the bar is drawn: stderr, or a stand-in with the same three members. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressOptions {
  /** Where result lines go (stdout). */
  out: (line: string) => void;
  /** Where the bar goes; default process.stderr. */
  stream?: ProgressStream;
  /** No bar at all (`--quiet`). */
  quiet?: boolean;
  /** Shown after the count until the first update. */
  label?: string;
}

export interface Progress {
  /** True when a bar is drawn (stderr is a terminal and not quiet). */
  readonly drawn: boolean;
  /** `done` of the total finished; `label` names what is being worked on now. */
  update(done: number, label?: string): void;
  /** Print one line without running into the bar: a result on stdout, or through `write` (a warning on stderr). */
  print(line: string, write?: (line: string) => void): void;
  /** Take the bar off the screen; the cursor is left at the start of an empty line. */
  stop(): void;
}

/**
 * Start a bar for `total` steps.
 * @example startProgress(3, { out: console.log, stream: { isTTY: false, write: () => true } }).drawn //=> false
 */
export function startProgress(total: number, options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const drawn = Boolean(stream.isTTY) && !options.quiet && total > 0;
  if (!drawn) return { drawn, update: () => undefined, print: (line, write = options.out) => write(line), stop: () => undefined };
  // MultiBar (with one bar) redraws in place, relative to where the cursor is; SingleBar would restore the cursor
  // to where the bar started, which is wrong once result lines have been printed above the bar
  const multi = new cliProgress.MultiBar({
    stream: stream as NodeJS.WritableStream,
    format: ' [{bar}] {value}/{total}  {label}',
    barsize: 20,
    barCompleteChar: '#',
    barIncompleteChar: '-',
    hideCursor: false,
    clearOnComplete: true,
    linewrap: false,
    gracefulExit: true,
    fps: 5,
    // a printed result line moves the bar down: draw it again even when its text is unchanged
    forceRedraw: true,
  });
  const bar = multi.create(total, 0, { label: options.label ?? '' });
  multi.update(); // draw now; also redrawn after each step, so a synchronous loop shows its progress
  let stopped = false;
  return {
    drawn,
    update: (done, label) => {
      if (stopped) return;
      bar.update(done, label === undefined ? {} : { label });
      multi.update();
    },
    print: (line, write = options.out) => {
      if (stopped) return write(line);
      stream.write('\r\x1b[2K');
      write(line);
      multi.update();
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      multi.stop();
    },
  };
}
