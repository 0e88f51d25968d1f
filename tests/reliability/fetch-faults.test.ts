/**
 * `market-note fetch` against a misbehaving source (a local node:http server on 127.0.0.1): failing and flaky
 * servers are retried with backoff, oversized bodies are cut off, bad rows are refused before anything is
 * written, and `file:` paths never leave --out. Each case checks what the user sees and that --out is untouched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { closeLocal, listenLocal } from '../helpers/local-server.js';

const SPX = readFileSync(resolve(import.meta.dirname, '../fixtures/fetch/stooq-spx.csv'), 'utf8');
const HEADER = 'Date,Open,High,Low,Close,Volume';
const GOOD = '2025-12-15,6820,6850,6800,6830,1000';

let server: Server;
let base = '';
/** Answers per path: each request takes the next one (the last repeats). */
const plans = new Map<string, ((res: ServerResponse) => void)[]>();
const hits = new Map<string, number>();
const hanging = new Set<ServerResponse>();

const csv = (text: string) => (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/csv' });
  res.end(text);
};
const status = (code: number) => (res: ServerResponse) => {
  res.writeHead(code, { 'content-type': 'text/plain' });
  res.end('busy');
};
const hang = () => (res: ServerResponse) => void hanging.add(res);

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const n = hits.get(path) ?? 0;
    hits.set(path, n + 1);
    const plan = plans.get(path);
    if (!plan) return status(404)(res);
    plan[Math.min(n, plan.length - 1)](res);
  });
  base = await listenLocal(server);
});

afterAll(() => closeLocal(server, hanging));

let counter = 0;
/** A config with one stooq series served from its own path; returns the folder and the `fetch` arguments. */
function setup(plan: ((res: ServerResponse) => void)[], file = 'GSPC.csv'): { out: string; path: string; args: string[] } {
  const dir = tempDir('market-note-fetch-fault-');
  const path = `/s${++counter}/`;
  plans.set(path, plan);
  const config = join(dir, 'fetch.yaml');
  writeFileSync(config, `series:\n  SPX: { source: stooq, symbol: ^spx, file: ${JSON.stringify(file)}, baseUrl: "${base}${path}" }\n`);
  const out = join(dir, 'data');
  return { out, path, args: ['fetch', '--config', config, '--out', out, '--retry-delay-ms', '1', '--timeout-ms', '400'] };
}

const firstLine = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('market-note:') && !l.includes('; retry ')) ?? '';

describe('fetch retries with backoff', () => {
  it('retries a 503 answer and succeeds on the third attempt, saying so on stderr', async () => {
    const { out, path, args } = setup([status(503), status(503), csv(SPX)]);
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(hits.get(path)).toBe(3);
    expect(r.stderr).toContain('SPX: 127.0.0.1');
    expect(r.stderr).toMatch(/HTTP 503 .*; retry 1 in 1 ms\n.*HTTP 503 .*; retry 2 in 2 ms/);
    expect(readFileSync(join(out, 'GSPC.csv'), 'utf8')).toBe(SPX);
  });

  it('retries a time-out and succeeds when the server answers the next time', async () => {
    const { out, path, args } = setup([hang(), csv(SPX)]);
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(hits.get(path)).toBe(2);
    expect(r.stderr).toMatch(/no answer from .* within 400 ms .*; retry 1 in 1 ms/);
    expect(existsSync(join(out, 'GSPC.csv'))).toBe(true);
  });

  it('gives up after --retries more attempts on a server that keeps failing, and writes nothing', async () => {
    const { out, path, args } = setup([status(500)]);
    const r = await runCli([...args, '--retries', '2']);
    expect(r.code).toBe(1);
    expect(hits.get(path)).toBe(3);
    expect(firstLine(r.stderr)).toMatch(/SPX: .* answered HTTP 500 Internal Server Error for .*; gave up after 3 attempts$/);
    expect(existsSync(out)).toBe(false);
  });

  it('does not retry a 404 (the symbol is wrong, not the server)', async () => {
    const { path, args } = setup([status(404), csv(SPX)]);
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(hits.get(path)).toBe(1);
    expect(firstLine(r.stderr)).toMatch(/answered HTTP 404/);
  });
});

describe('fetch cuts oversized bodies', () => {
  it('stops reading an endless body at the size limit with a clear message', async () => {
    const endless = (res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      const row = `${GOOD}\n`.repeat(1000);
      res.write(`${HEADER}\n`);
      const pump = () => {
        while (!res.destroyed && res.write(row));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    };
    const { out, args } = setup([endless]);
    const r = await runCli(args, { env: { MARKET_NOTE_MAX_FILE_MB: '1' } });
    expect(r.code).toBe(1);
    expect(firstLine(r.stderr)).toMatch(/SPX: the answer from 127\.0\.0\.1:\d+ is larger than 1 MB; stopped reading/);
    expect(existsSync(out)).toBe(false);
  });

  it('stops a gzip bomb (small on the wire, huge unpacked) at the size limit', async () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.alloc(5_000_000, 0x20)]));
    expect(bomb.length).toBeLessThan(20_000);
    const send = (res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    };
    const { out, args } = setup([send]);
    const r = await runCli(args, { env: { MARKET_NOTE_MAX_FILE_MB: '1' } });
    expect(r.code).toBe(1);
    expect(firstLine(r.stderr)).toMatch(/is larger than 1 MB; stopped reading/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('fetch validates rows with the loader rules before writing', () => {
  const cases: [string, string, RegExp][] = [
    ['text in a price cell', '2025-12-15,6820,6850,6800,abc,1000', /Close is not a number \("abc"\)/],
    ['a negative price', '2025-12-15,6820,6850,6800,-5,1000', /Close is -5; prices must be above zero/],
    ['a price of 1e300', '2025-12-15,6820,1e300,6800,1e300,1000', /jumps from 6827\.41 \(2025-12-12\) to 1e\+300, more than 3× in one day/],
    ['1e999', '2025-12-15,6820,6850,6800,1e999,1000', /Close is too large to be a number/],
    ['a close ten times the high', '2025-12-15,6820,6850,6800,68300,1000', /Close \(68300\) is outside the day's Low\.\.High \(6800\.\.6850\)/],
    ['a truncated row', '2025-12-15,6820,6850', /has 3 cells but its header has 6/],
    ['a NUL byte', '2025-12-15,6820,6850,6800,68\u000030,1000', /is not text \(it holds NUL bytes\)/],
  ];
  for (const [what, row, message] of cases) {
    it(`refuses ${what} and leaves the existing file byte for byte`, async () => {
      const { out, args } = setup([csv(`${SPX}${row}\n`)]);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'GSPC.csv'), SPX);
      const r = await runCli(args);
      expect(r.code).toBe(1);
      expect(firstLine(r.stderr)).toMatch(message);
      expect(firstLine(r.stderr).length).toBeLessThan(400);
      expect(readFileSync(join(out, 'GSPC.csv'), 'utf8')).toBe(SPX);
      expect(readdirSync(out)).toEqual(['GSPC.csv']);
    });
  }

  it('names the line the bad row would have in the file', async () => {
    const { out, args } = setup([csv(`${SPX}2025-12-15,6820,6850,6800,abc,1000\n`)]);
    const r = await runCli(args);
    expect(firstLine(r.stderr)).toContain(`${join(out, 'GSPC.csv')}:${SPX.trimEnd().split('\n').length + 1}: SPX: the download from`);
  });
});

describe('fetch writes only inside --out', () => {
  for (const file of ['../elsewhere/x.csv', '/tmp/market-note-escape.csv', 'sub/../../x.csv']) {
    it(`refuses file: ${file}, naming the config line`, async () => {
      const { out, args } = setup([csv(SPX)], file);
      const r = await runCli(args);
      expect(r.code).toBe(1);
      expect(firstLine(r.stderr)).toMatch(/fetch\.yaml:2: file ".*" would be written outside --out$/);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(resolve(out, file))).toBe(false);
    });
  }

  it('refuses a path through a symbolic link that leads out of --out', async () => {
    const { out, args } = setup([csv(SPX)], 'linked/GSPC.csv');
    const elsewhere = tempDir('market-note-elsewhere-');
    mkdirSync(out, { recursive: true });
    symlinkSync(elsewhere, join(out, 'linked'));
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(firstLine(r.stderr)).toMatch(/fetch\.yaml: file "linked\/GSPC\.csv" would be written outside --out$/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('accepts a sub-folder inside --out', async () => {
    const { out, args } = setup([csv(SPX)], 'indexes/GSPC.csv');
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'indexes/GSPC.csv'), 'utf8')).toBe(SPX);
  });
});
