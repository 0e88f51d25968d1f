// Loads a CommonJS bundle (dist/bundle/facts-cli.cjs, universe-worker.cjs: scripts/bundle.js) with V8's code cache
// beside it (.cache): the bytecode of the functions a training run compiled, so a cold command skips parsing and compiling
// them. Node 20 has no compile cache of its own for ES modules.
// V8 checks a cache against its own version and flags, but against the source only by its length, so the cache
// starts with the bundle's size and modification time when it was written: a cache of another build of the bundle is
// not given to V8 at all. Without a usable cache the bundle compiles as usual (`rejected`).
// CommonJS, so a worker thread started from code (`eval`) can require it without loading Node's ES module loader.
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

const KEY_BYTES = 64;

/** The key a cache is written and read under: the bundle's size and modification time, padded to KEY_BYTES. */
function keyOf(file) {
  const st = statSync(file);
  return Buffer.from(`market-note code cache ${st.size} ${st.mtimeMs}`.padEnd(KEY_BYTES).slice(0, KEY_BYTES), 'latin1');
}

/** The V8 cache data in `cacheFile` when it was written for this build of `file`, else undefined. */
function cacheFor(file, cacheFile) {
  let bytes;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  return bytes.length > KEY_BYTES && bytes.subarray(0, KEY_BYTES).equals(keyOf(file)) ? bytes.subarray(KEY_BYTES) : undefined;
}

/** Run the bundle at `file`; its exports, whether it ran without a cache, and a function that writes a fresh cache. */
function loadBundle(file, cacheFile) {
  const source = readFileSync(file, 'utf8');
  const cachedData = cacheFor(file, cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    rejected: cachedData === undefined || script.cachedDataRejected === true,
    /** Write the bytecode compiled so far (call it after a run) to the cache file, atomically. */
    writeCache() {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([keyOf(file), script.createCachedData()]));
      renameSync(tmp, cacheFile);
    },
  };
}

exports.loadBundle = loadBundle;
