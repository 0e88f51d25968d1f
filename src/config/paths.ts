/**
 * Where the package's files are, wherever the running code sits: this module is two folders below the package
 * root as TypeScript source (src/config/), as compiled JavaScript (dist/config/) and bundled (dist/bundle/), so
 * every path is found from here instead of from each module's own place.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder (holds package.json, templates/, assets/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** 'ts' when the TypeScript sources run (tests), 'js' for the compiled or bundled package (the CommonJS bundle's URL ends in .cjs). */
export const CODE_KIND: 'ts' | 'js' = import.meta.url.endsWith('.ts') ? 'ts' : 'js';

/** The folder of the modules by their source layout: src/ for the sources, dist/ for the compiled package. */
export const CODE_DIR = join(PACKAGE_ROOT, CODE_KIND === 'ts' ? 'src' : 'dist');
