// The reference point for facts on the real data: a bare Node script that reads every file a market.yaml lists
// and parses every cell (dates kept as strings, every other cell to a number). No library, no checks.
// Usage: node bench/bare-read.js market.yaml   (prints the number of cells parsed)
import { readFileSync } from 'node:fs';

const yaml = readFileSync(process.argv[2], 'utf8');
const files = [...yaml.matchAll(/file:\s*([^,}\s]+)/g)].map((m) => m[1]);
let cells = 0;
let sum = 0;
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const row = lines[i].split(',');
    if (row.length < 2) continue;
    for (let j = 1; j < row.length; j++) {
      const v = row[j] === '' ? NaN : Number(row[j]);
      if (v === v) sum += v;
      cells++;
    }
  }
}
console.log(`${files.length} files, ${cells} cells (${sum > 0 ? 'ok' : 'empty'})`);
