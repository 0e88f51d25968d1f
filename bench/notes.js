// The three notes on the demo market (time per note), and the fund snapshot for every S&P 600 member in one run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realMarketYaml } from './real-market.js';

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

function build(root, args) {
  const out = mkdtempSync(join(tmpdir(), 'market-note-bench-notes-'));
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', [join(root, 'bin/market-note.js'), 'build', ...args, '--out', out, '--quiet'], { cwd: root, encoding: 'utf8' });
  const wall = ms(t0);
  if (r.status !== 0) throw new Error(`build ${args.join(' ')} failed:\n${r.stderr}`);
  const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf')).length;
  return { wall, pdfs };
}

/**
 * Like `build`, for a run that takes minutes: a line when it starts, then one every 15 s with the notes written so
 * far (counted in the output folder), so a reader knows it is alive.
 */
async function buildWithProgress(root, args, what) {
  const out = mkdtempSync(join(tmpdir(), 'market-note-bench-notes-'));
  const count = () => readdirSync(out).filter((f) => f.endsWith('.pdf')).length;
  console.log(`  … building the ${what} (several minutes; a line every 15 s)`);
  const t0 = process.hrtime.bigint();
  const child = spawn('node', [join(root, 'bin/market-note.js'), 'build', ...args, '--out', out, '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const beat = setInterval(() => {
    const n = count();
    const s = ms(t0) / 1000;
    console.log(`  … ${n} notes written after ${s.toFixed(0)} s${n ? ` (${((s * 1000) / n).toFixed(0)} ms a note)` : ''}`);
  }, 15_000);
  const status = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(beat);
  const wall = ms(t0);
  if (status !== 0) throw new Error(`build ${args.join(' ')} failed:\n${stderr}`);
  return { wall, pdfs: count() };
}

/** Wall time of each note's single build (PDF + HTML), and of the fund snapshot for every member of SP600 (ms per note). */
export async function benchNotes(root, realDir) {
  const r = {};
  for (const note of ['weekly-outlook', 'rates-wrap', 'fund-snapshot']) r[`${note}BuildMs`] = build(root, ['--note', note]).wall;
  let data = [];
  if (realDir && existsSync(realDir)) {
    const dir = mkdtempSync(join(tmpdir(), 'market-note-bench-real-'));
    writeFileSync(join(dir, 'market.yaml'), realMarketYaml(realDir));
    data = ['--data', join(dir, 'market.yaml')];
    r.eachData = 'real';
  } else r.eachData = 'demo';
  const each = await buildWithProgress(root, ['--note', 'fund-snapshot', '--each', 'SP600', ...data], `fund snapshot for every SP600 member (${r.eachData} data)`);
  r.eachNotes = each.pdfs;
  r.eachWallMs = each.wall;
  r.eachMsPerNote = each.wall / Math.max(1, each.pdfs);
  return r;
}
