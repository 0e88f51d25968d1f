// Regenerates docs/templates.md from the facts of the demo market (run: node scripts/templates-doc.js after npm run build).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTemplatesDoc } from '../dist/facts/templates-doc.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
writeFileSync(join(root, 'docs/templates.md'), renderTemplatesDoc());
console.log('docs/templates.md written');
