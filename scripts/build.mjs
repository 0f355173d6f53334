// Bundles src/main.tsx into dist/dtui.cjs (one file loads in about half the time of plain
// tsc output: Ink's module graph is large) and writes dist/dtui.js, the loader bin/dtui
// imports, which compiles the bundle with V8's code cache (scripts/code-cache-loader.mjs).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inkOutputSpeed } from './ink-output-speed.mjs';
import { startupSpeed } from './startup-speed.mjs';

/**
 * Ink 6.8's incremental renderer moves the cursor up one line too few when its output
 * ends with a newline (every frame shorter than the terminal), so each frame after the
 * first lands one row lower. Fixed here, at bundle time, in the one expression that is
 * wrong; the build fails loudly if a new Ink changes that code.
 */
const inkIncrementalFix = {
  name: 'ink-incremental-fix',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]log-update\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const wrong = 'ansiEscapes.cursorUp(previousVisible - 1)';
      if (!source.includes(wrong)) throw new Error(`ink-incremental-fix: "${wrong}" not found in ${args.path}`);
      const right = "ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1))";
      return { contents: source.replace(wrong, right), loader: 'js' };
    });
  },
};

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * Ink awaits its devtools (and its own package.json) at the top level when DEV=true: an
 * ES-module-only construct that keeps the bundle from being CommonJS, which the code
 * cache needs (see code-cache-loader.mjs). dtui never ships the devtools (aliased to an
 * empty module below), so both are left out.
 */
const inkDevtoolsOff = {
  name: 'ink-devtools-off',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]reconciler\.js$/ }, async (args) => {
      let source = readFileSync(args.path, 'utf8');
      for (const [from, to] of [["        await import('./devtools.js');", '        void 0;'], ['    ? await loadPackageJson()', '    ? undefined']]) {
        if (!source.includes(from)) throw new Error(`ink-devtools-off: "${from.trim()}" not found in ${args.path}`);
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

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
  // Ink imports react-devtools-core only in development.
  alias: { 'react-devtools-core': './scripts/empty-module.mjs' },
  define: {
    'process.env.NODE_ENV': '"production"',
    __DTUI_VERSION__: JSON.stringify(pkg.version),
  },
  plugins: [inkIncrementalFix, inkDevtoolsOff, startupSpeed, inkOutputSpeed],
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
writeFileSync('dist/dtui.js', loader.replace("'__BUNDLE_HASH__'", JSON.stringify(hash)));
rmSync('dist/dtui.js.map', { force: true });
// Code caches of earlier builds (see code-cache-loader.mjs).
for (const f of readdirSync('dist')) if (f.endsWith('.v8cache')) rmSync(join('dist', f));
