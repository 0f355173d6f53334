// Bundles src/main.tsx into dist/dtui.js: one file loads in about half the time of
// plain tsc output (Ink's module graph is large).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
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

await build({
  entryPoints: ['src/main.tsx'],
  outfile: 'dist/dtui.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
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
  // dockerode is CommonJS and calls require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __dtuiCreateRequire } from 'node:module'; const require = __dtuiCreateRequire(import.meta.url);" },
  plugins: [inkIncrementalFix, startupSpeed, inkOutputSpeed],
  logLevel: 'warning',
});
