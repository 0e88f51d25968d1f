import { join, resolve } from 'node:path';
import { demoMarketFiles } from '../../data/demo-market.js';
import { AtomicOutputs } from '../../pipeline/write-atomic.js';
import type { CliIo } from '../io.js';

/** `market-note demo-data --out DIR`: writes the synthetic demo market (market.yaml + CSVs, same bytes every time). */
export async function demoDataCommand(args: { out: string }, io: CliIo): Promise<number> {
  const dir = resolve(args.out);
  const out = new AtomicOutputs();
  try {
    for (const f of demoMarketFiles()) out.write(join(dir, f.path), f.content);
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
  io.out(join(dir, 'market.yaml'));
  return 0;
}
