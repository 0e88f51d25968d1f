import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT } from '../charts/theme.js';

const require = createRequire(import.meta.url);

/** The bundled font files (from the @fontsource/source-sans-3 package), latin subset. */
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
] as const;

let cache: string | undefined;

function fontDir(): string {
  return join(dirname(require.resolve('@fontsource/source-sans-3/package.json')), 'files');
}

/** @font-face rules with the font files inlined as base64, so the HTML and PDF are self-contained. */
export function fontFaceCss(): string {
  if (cache) return cache;
  const dir = fontDir();
  cache = FACES.map(({ weight, style }) => {
    const data = readFileSync(join(dir, `source-sans-3-latin-${weight}-${style}.woff2`)).toString('base64');
    return `@font-face{font-family:'${FONT}';font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');}`;
  }).join('\n');
  return cache;
}

let regular: string | undefined;

/** Only the regular face: small enough for the PDF header and footer templates (read once per process). */
export function regularFontFaceCss(): string {
  if (regular) return regular;
  const data = readFileSync(join(fontDir(), 'source-sans-3-latin-400-normal.woff2')).toString('base64');
  regular = `@font-face{font-family:'${FONT}';font-style:normal;font-weight:400;src:url(data:font/woff2;base64,${data}) format('woff2');}`;
  return regular;
}
