import { BrowserSession } from '../render/browser.js';

/**
 * Start Chromium before the heavy modules load. A cold `market-note build` spends ~0.5 s importing Vega and
 * the rest; launching the browser first lets both happen at once. The bin shim calls `launchEarly` with argv,
 * `build` takes the session with `takeEarly`, and the shim closes one nobody took (usage error, --help).
 */
let early: Promise<BrowserSession> | undefined;

function optionValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/** True when argv is a single-note `build` that will print (pdf or email). */
export function wantsBrowser(argv: string[]): boolean {
  if (argv[0] !== 'build' || argv.some((a) => a === '--help' || a === '-h' || a.startsWith('--from') || a.startsWith('--to'))) return false;
  const notes = argv.filter((a, i) => argv[i - 1] === '--note' || a.startsWith('--note='));
  if (notes.length > 1 || notes.some((n) => n.includes(','))) return false;
  const formats = (optionValue(argv, '--format') ?? 'pdf,html').split(',');
  return formats.includes('pdf') || formats.includes('email') || argv.includes('--send');
}

export function launchEarly(argv: string[]): void {
  if (!early && wantsBrowser(argv)) {
    early = BrowserSession.launch();
    early.catch(() => undefined);
  }
}

/** The early session, if one was started and not yet taken. */
export function takeEarly(): Promise<BrowserSession> | undefined {
  const e = early;
  early = undefined;
  return e;
}

/** Close an early session nobody took. */
export async function closeUntaken(): Promise<void> {
  const e = takeEarly();
  if (e) await (await e.catch(() => undefined))?.close();
}
