/**
 * Chromium faults in a batch: a renderer that dies, a renderer that hangs, a browser that is killed. Each print
 * has a time limit; the page (and the browser when it died or hung) is replaced and the note printed once more;
 * a note whose second print fails too is listed, and the batch goes on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { loadNote } from '../../src/note/load-note.js';
import { buildBatch } from '../../src/pipeline/build-notes.js';
import { BrowserSession, printTimeoutMs, PrintFault } from '../../src/render/browser.js';
import { MarketNoteError } from '../../src/errors/market-note-error.js';
import { liveTree } from '../render/print-helpers.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { errLines, hiddenTemp, listing } from './helpers.js';

const market = loadMarket();
const note = loadNote('weekly-outlook');
const DATES = ['2025-11-21', '2025-11-28', '2025-12-05'];

/** The renderer processes of a session's browser (its descendants started with --type=renderer). */
function renderers(session: BrowserSession): number[] {
  const root = session.browser.process()!.pid!;
  return liveTree(root).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

const pdfs = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();

describe('a batch survives Chromium faults', () => {
  it('a renderer killed between two notes: the next note is printed on a fresh page', async () => {
    const session = await BrowserSession.launch();
    try {
      const out = tempDir();
      const r = await buildBatch(note, market, DATES, {
        outDir: out,
        formats: ['pdf'],
        browser: session,
        onNote: (_o, i) => {
          if (i === 0) for (const pid of renderers(session)) process.kill(pid, 'SIGKILL');
        },
      });
      expect(r.failures).toEqual([]);
      expect(r.built.map((b) => [b.asOf, Boolean(b.retried)])).toEqual([
        ['2025-11-21', false],
        ['2025-11-28', true],
        ['2025-12-05', false],
      ]);
      expect(r.built[1].retried).toBe('the browser page crashed while printing');
      expect(pdfs(out)).toEqual(DATES.map((d) => `weekly-outlook-${d}.pdf`));
    } finally {
      await session.close();
    }
  }, 180_000);

  it('a renderer that hangs: the print is given up at the time limit and done again in a fresh browser', async () => {
    const session = await BrowserSession.launch();
    const stopped: number[] = [];
    try {
      const out = tempDir();
      const firstBrowser = session.browser.process()!.pid!;
      const r = await buildBatch(note, market, DATES, {
        outDir: out,
        formats: ['pdf'],
        browser: session,
        printTimeoutMs: 4_000,
        onNote: (_o, i) => {
          if (i === 0) for (const pid of renderers(session)) (process.kill(pid, 'SIGSTOP'), stopped.push(pid));
        },
      });
      expect(stopped.length).toBeGreaterThan(0);
      expect(r.failures).toEqual([]);
      expect(r.built[1].retried).toBe('the browser did not finish printing within 4 s');
      expect(pdfs(out)).toEqual(DATES.map((d) => `weekly-outlook-${d}.pdf`));
      // the hung browser was replaced, and its processes are gone
      expect(session.browser.process()!.pid).not.toBe(firstBrowser);
      expect(liveTree(firstBrowser)).toEqual([]);
    } finally {
      for (const pid of stopped) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // killed with its browser
        }
      }
      await session.close();
    }
  }, 180_000);

  it('the browser killed mid-batch: a new one is started, its old profile folder removed, and no date is lost', async () => {
    const session = await BrowserSession.launch();
    try {
      const out = tempDir();
      const firstProfile = session.profile;
      const r = await buildBatch(note, market, DATES, {
        outDir: out,
        formats: ['pdf', 'html'],
        browser: session,
        onNote: (_o, i) => {
          if (i === 0) process.kill(-session.browser.process()!.pid!, 'SIGKILL');
        },
      });
      expect(r.failures).toEqual([]);
      // the next print finds the browser gone (or its page's connection cut first)
      expect(r.built[1].retried).toMatch(/^the browser (closed|page crashed) while printing$/);
      expect(pdfs(out)).toEqual(DATES.map((d) => `weekly-outlook-${d}.pdf`));
      expect(session.profile).not.toBe(firstProfile);
      expect(listing(firstProfile)).toEqual([]);
      expect(hiddenTemp(out)).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);

  it('a print that fails twice is recorded with its reason, and the batch still ends', async () => {
    const out = tempDir();
    // a limit no print can meet: every note times out twice
    const r = await buildBatch(note, market, DATES.slice(0, 2), { outDir: out, formats: ['pdf'], printTimeoutMs: 1 });
    expect(r.built).toEqual([]);
    expect(r.failures.map((f) => [f.asOf, f.stage, f.message])).toEqual([
      ['2025-11-21', 'print', 'the browser did not finish printing within 1 ms'],
      ['2025-11-28', 'print', 'the browser did not finish printing within 1 ms'],
    ]);
    expect(r.failures[0].error).toBeInstanceOf(PrintFault);
    expect(listing(out)).toEqual([]);
  }, 180_000);
});

describe('the batch command lists what failed', () => {
  it('names each failed date with the reason on one line, exits 1, and prints no stack', async () => {
    const out = tempDir();
    const r = await runCli(['build', '--from', '2025-11-24', '--to', '2025-12-12', '--out', out], { env: { MARKET_NOTE_PRINT_TIMEOUT_S: '0.001' } });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const lines = errLines(r.stderr);
    expect(lines[0]).toMatch(/^built 0 notes \(0 files\) in [\d.]+ s; 3 failed$/);
    expect(lines.slice(1)).toEqual([
      'failed dates: 2025-11-28, 2025-12-05, 2025-12-12',
      '  weekly-outlook 2025-11-28: the browser did not finish printing within 1 ms',
      '  weekly-outlook 2025-12-05: the browser did not finish printing within 1 ms',
      '  weekly-outlook 2025-12-12: the browser did not finish printing within 1 ms',
    ]);
    expect(listing(out)).toEqual([]);
    expect(listing(r.tmp)).toEqual([]);
  }, 180_000);
});

describe('printTimeoutMs', () => {
  it('reads MARKET_NOTE_PRINT_TIMEOUT_S in seconds, 60 s when unset', () => {
    expect(printTimeoutMs({})).toBe(60_000);
    expect(printTimeoutMs({ MARKET_NOTE_PRINT_TIMEOUT_S: '2.5' })).toBe(2_500);
  });

  it('refuses a value that is not a number of seconds above 0', () => {
    for (const raw of ['0', '-1', 'ten', 'Infinity']) {
      expect(() => printTimeoutMs({ MARKET_NOTE_PRINT_TIMEOUT_S: raw })).toThrow(MarketNoteError);
    }
    expect(() => printTimeoutMs({ MARKET_NOTE_PRINT_TIMEOUT_S: 'ten' })).toThrowErrorMatchingInlineSnapshot(`[MarketNoteError: MARKET_NOTE_PRINT_TIMEOUT_S is "ten", not a number of seconds above 0]`);
  });
});
