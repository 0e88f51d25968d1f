import { BrowserSession } from '../render/browser.js';
import { optionValue, startUniversesFor } from '../data/universe-early.js';
import { closeEarlyFacts, startEarlyFacts } from './early-facts.js';

/**
 * Start Chromium before the heavy modules load. A cold `market-note build` spends ~0.5 s importing Vega and
 * the rest; launching the browser first lets both happen at once. The bin shim calls `launchEarly` with argv,
 * `build` takes the session with `takeEarly`, and the shim closes one nobody took (usage error, --help).
 */
let early: Promise<BrowserSession> | undefined;


/** True when argv is a `build` of one note (one date, at most one symbol). */
export function singleBuild(argv: string[]): boolean {
  if (argv[0] !== 'build' || argv.some((a) => a === '--help' || a === '-h' || a.startsWith('--from') || a.startsWith('--to') || a.startsWith('--each'))) return false;
  const notes = argv.filter((a, i) => argv[i - 1] === '--note' || a.startsWith('--note='));
  if (notes.length > 1 || notes.some((n) => n.includes(','))) return false;
  const symbols = argv.filter((a, i) => argv[i - 1] === '--symbols' || a.startsWith('--symbols='));
  return symbols.length <= 1 && !symbols.some((s) => s.includes(','));
}

/** True when argv is a single-note `build` that will print (pdf or email). */
export function wantsBrowser(argv: string[]): boolean {
  if (!singleBuild(argv)) return false;
  const formats = (optionValue(argv, '--format') ?? 'pdf,html').split(',');
  return formats.includes('pdf') || formats.includes('email') || argv.includes('--send');
}

export function launchEarly(argv: string[]): void {
  if (!early && wantsBrowser(argv)) {
    early = BrowserSession.launch();
    early.catch(() => undefined);
  }
  // the note's facts start in a worker that loads the note and market itself, while the CLI loads (the charts
  // are drawn in the main thread, which is idle by then: see buildNotes)
  if (singleBuild(argv)) {
    const symbol = optionValue(argv, '--symbols')?.trim();
    startEarlyFacts({ note: optionValue(argv, '--note'), data: optionValue(argv, '--data'), symbol: symbol || undefined, asOf: optionValue(argv, '--as-of'), allowStale: argv.includes('--allow-stale'), charts: false });
  }
  // `facts` on a market.yaml: its universe files start loading in a worker now (data/universe-early.ts)
  startUniversesFor(argv);
}

/** The early session, if one was started and not yet taken. */
export function takeEarly(): Promise<BrowserSession> | undefined {
  const e = early;
  early = undefined;
  return e;
}

/** Close an early session (and end an early facts worker) nobody took. */
export async function closeUntaken(): Promise<void> {
  await closeEarlyFacts();
  const e = takeEarly();
  if (e) await (await e.catch(() => undefined))?.close();
}
