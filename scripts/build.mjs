// Bundles src/main.tsx into dist/dtui.cjs (one file loads in about half the time of plain
// tsc output: Ink's module graph is large) and writes dist/dtui.js, the loader bin/dtui
// imports, which compiles the bundle with V8's code cache (scripts/code-cache-loader.mjs).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpatchedProblems } from './patched-deps.mjs';

// Ink, yoga, string-width, dockerode and docker-modem are patched at install
// (patches/*.patch, applied by patch-package in postinstall) so that the tests run the
// same dependency code as the bundle. A bundle of unpatched code would be slower and
// draw every frame one row too low: refuse to make one.
const problems = unpatchedProblems(fileURLToPath(new URL('..', import.meta.url)));
if (problems.length) {
  throw new Error(`build: dependencies are not patched as patches/ says (run npm install, or see patches/README.md):\n  ${problems.join('\n  ')}`);
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const result = await build({
  entryPoints: ['src/main.tsx'],
  outfile: 'dist/dtui.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The one dynamic import (node-pty, for --exec-via-cli) becomes a require(): a script
  // compiled by vm.Script has no module loader for import().
  supported: { 'dynamic-import': false },
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  // Native or optional modules stay outside the bundle and load from node_modules.
  external: ['node-pty', 'ssh2', 'cpu-features'],
  // Ink imports react-devtools-core only in development. debug (docker-modem's) tries
  // supports-color for 256-colour debug output nobody sees; it is in node_modules only
  // as a dev tool's dependency (patch-package → chalk), and bundled it would run at load.
  alias: { 'react-devtools-core': './scripts/empty-module.mjs', 'supports-color': './scripts/empty-module.mjs' },
  define: {
    'process.env.NODE_ENV': '"production"',
    __DTUI_VERSION__: JSON.stringify(pkg.version),
  },
  logLevel: 'warning',
  write: false,
});
// dist/dtui.js (what bin/dtui imports) loads dist/dtui.cjs through V8's code cache; the
// cache's name carries the bundle's hash.
mkdirSync('dist', { recursive: true });
for (const file of result.outputFiles) writeFileSync(file.path, file.contents);
const bundle = result.outputFiles.find((f) => f.path.endsWith('.cjs'));
// V8 keeps the bundle's source in memory for lazy compilation. One non-ASCII character
// (esbuild escapes them in strings, not in regex literals) makes it a two-byte string:
// 1.7 MB more RSS for the life of the process. Write \uXXXX in the regex instead.
const nonAscii = bundle.contents.findIndex((byte) => byte > 0x7f);
if (nonAscii >= 0) {
  const around = Buffer.from(bundle.contents.subarray(Math.max(0, nonAscii - 60), nonAscii + 20)).toString('utf8');
  throw new Error(`build: the bundle must be ASCII; non-ASCII near: ${around}`);
}
const hash = createHash('sha256').update(bundle.contents).digest('hex').slice(0, 16);
const loader = readFileSync(new URL('./code-cache-loader.mjs', import.meta.url), 'utf8');
if (!loader.includes("'__BUNDLE_HASH__'")) throw new Error('code-cache-loader.mjs: __BUNDLE_HASH__ not found');
if (!loader.includes("'__LAUNCH_TIERING__'")) throw new Error('code-cache-loader.mjs: __LAUNCH_TIERING__ not found');
writeFileSync('dist/dtui.js', loader.replace("'__BUNDLE_HASH__'", JSON.stringify(hash)).replace("'__LAUNCH_TIERING__'", JSON.stringify(launchTiering())));
rmSync('dist/dtui.js.map', { force: true });

/** This node's V8 defaults for the two tiering budgets the loader raises until the first frame. */
function launchTiering() {
  const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  const flag = (name) => {
    const m = new RegExp(`default: --${name}=(\\d+)`).exec(options);
    if (!m) throw new Error(`build: node --v8-options has no default for --${name}`);
    return Number(m[1]);
  };
  return { node: process.version, interruptBudget: flag('interrupt-budget'), wasmTieringBudget: flag('wasm-tiering-budget') };
}
// Code caches of earlier builds (see code-cache-loader.mjs).
for (const f of readdirSync('dist')) if (f.endsWith('.v8cache')) rmSync(join('dist', f));
