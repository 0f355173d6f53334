// The dependencies dtui patches (patches/*.patch, applied by patch-package on every npm
// install, see patches/README.md for why each edit exists), and text each patched file
// must (or must no longer) contain. scripts/build.mjs refuses to bundle unpatched code and
// test/unit/patches.test.ts fails when an installed version no longer matches its patch,
// so the bundle and the tests always run the same, patched, dependency code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Characters dtui and Ink draw all the time besides ASCII: box drawing and block elements
 * (every border line), and the punctuation and arrows of titles, hints and the status
 * line. Each is its own grapheme and one cell wide when ambiguous-width characters are
 * narrow (string-width's default): test/unit/string-width-fast-path.test.ts checks that
 * against string-width's own slow path, character by character. The string-width patches
 * spell out this same class.
 */
export const NARROW_SYMBOLS = '\\u2500-\\u259F\\u2026\\u00B7\\u2014\\u2013\\u2190-\\u2193\\u00D7\\u2039\\u203A\\u2022\\u21C4\\u00B5';
const STRING_WIDTH_FAST_PATH = `ambiguousIsNarrow && /^[\\u0020-\\u007E${NARROW_SYMBOLS}]*$/.test(string)`;

/**
 * One entry per patch file, patches/<patch>+<version>.patch as patch-package names it (a
 * scope's / becomes +, a nested package is joined to its parent by ++); `dir` is where
 * npm installs that package.
 */
export const PATCHED = [
  {
    patch: 'ink',
    dir: 'node_modules/ink',
    files: {
      // The incremental renderer's "one row too low" fix (README, design notes).
      'build/log-update.js': {
        present: ["ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1))"],
        absent: ['ansiEscapes.cursorUp(previousVisible - 1)'],
      },
      // No top-level await (the bundle is CommonJS for the code cache).
      'build/reconciler.js': { present: [], absent: ["await import('./devtools.js')", 'await loadPackageJson()'] },
      'build/output.js': {
        present: [
          'class GenerationalMap',
          'caches = sharedOutputCaches();',
          'styles: BLANK_STYLES,',
          'from === 0 && to === width ? line : sliceAnsi(line, from, to)',
          // Rows joined as strings when every piece is one cell per character (Output by rows).
          'joinRow(pieces) {',
          `const SIMPLE_LINE = /^(?:[\\x20-\\x7e${NARROW_SYMBOLS}]|\\x1b\\[[0-9;]*m)*$/;`,
        ],
        absent: [],
      },
      'build/render-node-to-output.js': { present: ['const currentWidth = measureText(text).width;'], absent: ['widestLine(text)'] },
      'build/measure-text.js': { present: ['if (cache.size >= 10000) cache.clear();'], absent: [] },
      'build/wrap-text.js': { present: ['if (++cached > 10000) {'], absent: [] },
    },
  },
  {
    patch: '@alcalzone+ansi-tokenize',
    dir: 'node_modules/@alcalzone/ansi-tokenize',
    files: {
      'build/styledChars.js': { present: ['styles: shared,', 'else if (chars[i - 1].styles !== char.styles) {'], absent: [] },
      'build/tokenize.js': {
        present: [`const ONE_UNIT_GRAPHEMES = /^[\\x1b\\x20-\\x7e${NARROW_SYMBOLS}]*$/;`, 'of graphemes(str)) {'],
        absent: ['const segmenter = new Intl.Segmenter('],
      },
    },
  },
  {
    patch: 'dockerode',
    dir: 'node_modules/dockerode',
    files: {
      'lib/docker.js': { present: ["withSession = function () { return require('./session').apply(this, arguments); },"], absent: [] },
    },
  },
  {
    patch: 'docker-modem',
    dir: 'node_modules/docker-modem',
    files: {
      'lib/modem.js': {
        present: [
          "ssh = function () { return require('./ssh').apply(this, arguments); },",
          "if (debug.enabled) debug('Sending: %s'",
          '} else if (options.hijack && !options.openStdin && data === undefined) {',
        ],
        absent: [],
      },
      'lib/http.js': {
        present: ["request: function () { var m = require('https'); return m.request.apply(m, arguments); },"],
        absent: ["var nativeHttps = require('https'),"],
      },
    },
  },
  {
    patch: 'string-width',
    dir: 'node_modules/string-width',
    files: {
      'index.js': {
        present: [STRING_WIDTH_FAST_PATH, '(rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v)', '(graphemeSegmenter ??= new Intl.Segmenter()).segment(string)'],
        absent: ['const rgiEmojiRegex =', 'const segmenter = new Intl.Segmenter()'],
      },
    },
  },
  {
    // The copy wrap-ansi (Ink's) depends on.
    patch: 'wrap-ansi++string-width',
    dir: 'node_modules/wrap-ansi/node_modules/string-width',
    files: {
      'index.js': {
        present: [STRING_WIDTH_FAST_PATH, '(graphemeSegmenter ??= new Intl.Segmenter()).segment(string)'],
        absent: ['const segmenter = new Intl.Segmenter()'],
      },
    },
  },
  {
    patch: 'slice-ansi',
    dir: 'node_modules/slice-ansi',
    files: {
      'tokenize-ansi.js': {
        present: ["(graphemeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(string)"],
        absent: ['const GRAPHEME_SEGMENTER = new Intl.Segmenter('],
      },
    },
  },
  {
    patch: 'yoga-layout',
    dir: 'node_modules/yoga-layout',
    files: {
      'dist/src/index.js': { present: ['instantiateWasm(imports, receiveInstance) {'], absent: ['await loadYoga()'] },
      'dist/binaries/yoga-wasm-base64-esm.js': { present: ['var d={a:Jb};yogaWasmDataUri=H;', 'export var yogaWasmDataUri;'], absent: [] },
    },
  },
];

/** Every way the installed dependencies under `root` differ from what the patches make. */
export function unpatchedProblems(root) {
  const problems = [];
  for (const { patch, dir, files } of PATCHED) {
    for (const [file, { present, absent }] of Object.entries(files)) {
      let source;
      try {
        source = readFileSync(join(root, dir, file), 'utf8');
      } catch (err) {
        problems.push(`${patch}: cannot read ${dir}/${file} (${err.code ?? err.message})`);
        continue;
      }
      for (const text of present) if (!source.includes(text)) problems.push(`${patch}: ${dir}/${file} lacks the patched text "${text}"`);
      for (const text of absent) if (source.includes(text)) problems.push(`${patch}: ${dir}/${file} still has the unpatched text "${text}"`);
    }
  }
  return problems;
}
