// dist/dtui.js, written by scripts/build.mjs from this template: loads the bundle
// (dist/dtui.cjs) through V8's code cache. Node 20 compiles an ES module from scratch on
// every start and has no compile cache of its own (module.enableCompileCache is Node 22),
// so the bundle is built as CommonJS and compiled here with `vm.Script` and the cached
// code of a previous run: V8 then skips parsing and compiling the functions that run at
// start-up (docs/PERFORMANCE.md, scenario 1).
//
// The cache is written once per bundle, node version and V8 flags, just after the first
// run's first frame (so it holds the functions that drew it: ~15 ms once, after the rows
// are on screen), beside the bundle: it belongs to this build (the build deletes it), and
// nothing is written to the user's home. Where dist/ is read-only to the user (a global
// install by root) there is no cache and launch is as before. The name carries the
// bundle's content hash, because V8 checks only the source's length, and node's flags,
// because V8 rejects a cache made under others (--cpu-prof…). A missing, unreadable or
// rejected cache means a normal compile; nothing else changes.
import { readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

const BUNDLE_HASH = '__BUNDLE_HASH__';

// Launch tiering (docs/PERFORMANCE.md, "launch round three"): until the first frame is on
// screen V8 waits 4× longer before optimizing a JS function with Turbofan and 10× longer
// before moving a WebAssembly function (yoga's layout) from Liftoff to Turbofan. Most of
// what runs at start-up runs once; optimizing it cost ~30 % of a launch's instructions, on
// the helper threads that share the 2 cores with the main one. The defaults come back right
// after the first frame, for the session's hot paths. V8 has no API to read a flag, so the
// build records the defaults of the node that built it (`node --v8-options`); under another
// node, or when node's command line sets either flag, nothing is changed.
const LAUNCH_TIERING = '__LAUNCH_TIERING__';
const tiering = process.version === LAUNCH_TIERING.node && !process.execArgv.some((a) => /^--(interrupt-budget|wasm-tiering-budget)=/.test(a));
function setTiering(factor) {
  if (!tiering) return;
  setFlagsFromString(`--interrupt-budget=${LAUNCH_TIERING.interruptBudget * factor.js}`);
  setFlagsFromString(`--wasm-tiering-budget=${LAUNCH_TIERING.wasmTieringBudget * factor.wasm}`);
}
// Before the bundle is compiled: the code cache records V8's flags and is rejected under others.
setTiering({ js: 4, wasm: 10 });

const bundlePath = fileURLToPath(new URL('./dtui.cjs', import.meta.url));
const KEEP_CACHES = 4;

/** FNV-1a of node's flag names: V8 rejects a cache made under other flags (--cpu-prof…). */
function flagsKey() {
  let h = 0x811c9dc5;
  for (const c of `${process.execArgv.map((a) => a.replace(/=.*/s, '')).join(' ')}|${process.env.NODE_OPTIONS ?? ''}`)
    h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16);
}
const cacheDir = dirname(bundlePath);
const cachePath = join(cacheDir, `dtui.cjs.${BUNDLE_HASH}-${process.version}-${process.arch}-${flagsKey()}.v8cache`);

function readCache() {
  if (process.env.DTUI_NO_CODE_CACHE === '1') return undefined;
  try {
    return readFileSync(cachePath);
  } catch {
    return undefined;
  }
}

function writeCache(script) {
  try {
    const partial = `${cachePath}.${process.pid}`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cachePath);
    // Each build (and node, flags) makes its own; keep the newest few.
    const old = readdirSync(cacheDir)
      .filter((f) => f.endsWith('.v8cache'))
      .map((f) => ({ path: join(cacheDir, f), at: statSync(join(cacheDir, f)).mtimeMs }))
      .sort((a, b) => b.at - a.at)
      .slice(KEEP_CACHES);
    for (const { path } of old) unlinkSync(path);
  } catch {
    // A read-only or full disk: the next start compiles normally, as without a cache.
  }
}

let cachedData = readCache();
// The source is not kept in a variable: V8 holds the wrapped copy (1.6 MB) for lazy
// compilation, and a second reference would keep the unwrapped one alive as well.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundlePath, 'utf8')}\n})`, {
  filename: bundlePath,
  cachedData,
});
// Decided now, so the cache's buffer (~0.9 MB) is not kept alive for the whole session.
const stale = (!cachedData || script.cachedDataRejected) && process.env.DTUI_NO_CODE_CACHE !== '1';
// eslint-disable-next-line no-useless-assignment -- dropped on purpose so the GC can free the buffer
cachedData = undefined;
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));

/** dtui's entry (src/main.tsx); after the first frame, writes the cache when there is none
 * to use (under the launch flags, which the next start compiles with) and restores V8's tiering. */
export function main(argv) {
  return bundle.exports.main(argv, {
    afterFirstFrame: () => {
      if (stale) writeCache(script);
      setTiering({ js: 1, wasm: 1 });
    },
  });
}
