/**
 * `market-note fetch` end to end (built CLI) against a local node:http server on 127.0.0.1 that serves the
 * recorded responses in tests/fixtures/fetch/ — the real hosts are never contacted.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { closeLocal, listenLocal } from '../helpers/local-server.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/fetch');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const FRED = fixture('fred-DGS10.csv');
const SPX = fixture('stooq-spx.csv');
const lines = (text: string) => text.trimEnd().split('\n');

let server: Server;
let base = '';
/** Which recorded stooq answer the server gives for ^spx. */
let spxFile = 'stooq-spx.csv';
const hanging = new Set<ServerResponse>();
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${url.pathname}?${url.searchParams}`);
    const csv = (name: string) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(fixture(name));
    };
    if (url.pathname === '/fred/fredgraph.csv' && url.searchParams.get('id') === 'DGS10') return csv('fred-DGS10.csv');
    if (url.pathname === '/stooq/' && url.searchParams.get('i') === 'd') {
      if (url.searchParams.get('s') === '^spx') return csv(spxFile);
      return csv('stooq-nodata.txt');
    }
    if (url.pathname.startsWith('/slow/')) {
      hanging.add(res); // never answers
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  base = await listenLocal(server);
});

afterAll(() => closeLocal(server, hanging));

/** A config with FRED DGS10 first and stooq ^spx second (or whatever `spx` says). */
function setup(spx = 'stooq: BASE/stooq/', extra = ''): { dir: string; out: string; config: string } {
  const dir = tempDir('market-note-fetch-');
  const out = join(dir, 'data');
  const config = join(dir, 'fetch.yaml');
  writeFileSync(
    config,
    ['baseUrl:', '  fred: BASE/fred/fredgraph.csv', `  ${spx}`, 'series:', '  TNX: { source: fred, id: DGS10, file: DGS10.csv }', '  SPX: { source: stooq, symbol: ^spx, file: GSPC.csv }', extra, '']
      .join('\n')
      .replaceAll('BASE', base),
  );
  return { dir, out, config };
}

describe('market-note fetch', () => {
  it('downloads every series into new files and prints their paths', async () => {
    const { out, config } = setup();
    requests.length = 0;
    const r = await runCli(['fetch', '--config', config, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([join(out, 'DGS10.csv'), join(out, 'GSPC.csv')]);
    expect(readFileSync(join(out, 'DGS10.csv'), 'utf8')).toBe(FRED);
    expect(readFileSync(join(out, 'GSPC.csv'), 'utf8')).toBe(SPX);
    expect(r.stderr).toContain('TNX → DGS10.csv: 20 new rows (2025-11-17 to 2025-12-12)');
    expect(requests).toEqual(['/fred/fredgraph.csv?id=DGS10', '/stooq/?s=%5Espx&i=d']);
  });

  it('appends only the new rows and keeps the old ones byte for byte (CRLF, 4.1 for 4.10)', async () => {
    const { out, config } = setup();
    const fred = lines(FRED);
    const spx = lines(SPX);
    // The FRED file was saved on Windows and wrote 2025-11-20 as 4.1 (the download says 4.10): same value.
    const oldFred = `${fred.slice(0, 4).join('\r\n')}\r\n2025-11-20,4.1\r\n`;
    const oldSpx = `${spx.slice(0, 7).join('\n')}\n`;
    mkdirSync(out);
    writeFileSync(join(out, 'DGS10.csv'), oldFred);
    writeFileSync(join(out, 'GSPC.csv'), oldSpx);
    const r = await runCli(['fetch', '--config', config, '--out', out]);
    expect(r.stderr).toContain('SPX → GSPC.csv: 8 new rows (2025-12-03 to 2025-12-12)');
    expect(r.code).toBe(0);
    const newFred = readFileSync(join(out, 'DGS10.csv'), 'utf8');
    const newSpx = readFileSync(join(out, 'GSPC.csv'), 'utf8');
    expect(newFred.startsWith(oldFred)).toBe(true);
    expect(newFred.slice(oldFred.length)).toBe(`${fred.slice(5).join('\r\n')}\r\n`);
    expect(newSpx).toBe(SPX);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]); // no temp files left
  });

  it('changes nothing and prints nothing on stdout when the files are up to date', async () => {
    const { out, config } = setup();
    await runCli(['fetch', '--config', config, '--out', out]);
    const before = statSync(join(out, 'GSPC.csv')).mtimeMs;
    const r = await runCli(['fetch', '--config', config, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('SPX → GSPC.csv: up to date');
    expect(statSync(join(out, 'GSPC.csv')).mtimeMs).toBe(before);
  });

  describe('revised data', () => {
    it('refuses rows that overlap with different values, naming file, date, old and new value', async () => {
      const { out, config } = setup();
      await runCli(['fetch', '--config', config, '--out', out]);
      const fredBefore = readFileSync(join(out, 'DGS10.csv'), 'utf8');
      spxFile = 'stooq-spx-revised.csv';
      try {
        const r = await runCli(['fetch', '--config', config, '--out', out]);
        expect(r.code).toBe(1);
        const [first, hint] = r.stderr.split('\n');
        expect(first).toBe(`market-note: ${join(out, 'GSPC.csv')}:10: 2025-12-05: Close is "6870.40" in the file but "6871.25" in the download`);
        expect(hint).toMatch(/--force/);
        expect(r.stdout).toBe('');
        expect(readFileSync(join(out, 'GSPC.csv'), 'utf8')).toBe(SPX);
        expect(readFileSync(join(out, 'DGS10.csv'), 'utf8')).toBe(fredBefore);

        const forced = await runCli(['fetch', '--config', config, '--out', out, '--force']);
        expect(forced.code).toBe(0);
        expect(forced.stderr).toContain('SPX → GSPC.csv: up to date; 1 revised value replaced (--force)');
        expect(readFileSync(join(out, 'GSPC.csv'), 'utf8')).toBe(fixture('stooq-spx-revised.csv'));
      } finally {
        spxFile = 'stooq-spx.csv';
      }
    });
  });

  describe('failures leave every file untouched', () => {
    it('times out with a clear message, and writes none of the series (not even those already downloaded)', async () => {
      const { out, config } = setup('stooq: BASE/slow/');
      const r = await runCli(['fetch', '--config', config, '--out', out, '--timeout-ms', '300', '--retries', '0']);
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe(
        `market-note: ${join(out, 'GSPC.csv')}: SPX: no answer from ${base.slice(7)} within 300 ms (${base}/slow/?s=%5Espx&i=d)`,
      );
      expect(existsSync(out)).toBe(false);
    });

    it('reports an HTTP error with host, status and URL', async () => {
      const { out, config } = setup('stooq: BASE/gone/');
      const r = await runCli(['fetch', '--config', config, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toContain(`SPX: ${base.slice(7)} answered HTTP 404 Not Found for ${base}/gone/?s=%5Espx&i=d`);
      expect(existsSync(out)).toBe(false);
    });

    it("explains stooq's \"No data\" answer for an unknown symbol", async () => {
      const { out, config } = setup(undefined, '  BAD: { source: stooq, symbol: ^nosuch }');
      const r = await runCli(['fetch', '--config', config, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toMatch(/BAD\.csv: BAD: the download from .* is not a CSV with a date column \(it starts with "No data"\)$/);
      expect(existsSync(out)).toBe(false);
    });

    it('points at the config line of a bad entry', async () => {
      const { out, config } = setup(undefined, '  DGS2: { source: fredd, id: DGS2 }');
      const r = await runCli(['fetch', '--config', config, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe(`market-note: ${config}:7: series.DGS2.source: source must be "fred" or "stooq"`);
    });

    it('exits 2 without --config', async () => {
      const r = await runCli(['fetch', '--out', tempDir()]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--config/);
    });
  });
});
