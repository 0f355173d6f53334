// Bundle-time speed edits to Ink's frame output (used by scripts/build.mjs).
import { readFileSync } from 'node:fs';

/**
 * Ink builds every frame from scratch: each line of text is tokenised into one object per
 * character, measured and sliced to its clip again, though nearly every line is the same
 * as in the last frame (the profile of holding ↓: Output.get was 40 % of dtui's CPU, see
 * docs/PERFORMANCE.md). Bundle-time edits, each a pure function of its input so the
 * output is byte-for-byte the same, and the build fails loudly if Ink changes that code:
 *  - Output's caches (line → styled characters, text → width) outlive a frame (bounded);
 *  - a line that already fits inside its clip is not run through sliceAnsi;
 *  - blank cells share one style list, and characters of one run share theirs, so
 *    styledCharsToString diffs styles only where they change;
 *  - a text node's width comes from Ink's own measureText cache instead of being measured
 *    again every frame;
 *  - measureText's and wrapText's caches, which Ink never empties, are bounded: every
 *    distinct log line drawn used to stay in them for the life of the process.
 */
const INK_OUTPUT_EDITS = [
  {
    file: /ink[\\/]build[\\/]output\.js$/,
    edits: [
      ['    caches = new OutputCaches();', '    caches = sharedOutputCaches();'],
      ['export default class Output {',
        'const BLANK_STYLES = [];\nlet outputCaches;\n' +
        'function sharedOutputCaches() {\n' +
        '    if (!outputCaches || outputCaches.styledChars.size + outputCaches.widths.size > 20000) outputCaches = new OutputCaches();\n' +
        '    return outputCaches;\n}\nexport default class Output {'],
      ["                    value: ' ',\n                    fullWidth: false,\n                    styles: [],",
        "                    value: ' ',\n                    fullWidth: false,\n                    styles: BLANK_STYLES,"],
      ['                            return sliceAnsi(line, from, to);',
        '                            return from === 0 && to === width ? line : sliceAnsi(line, from, to);'],
    ],
  },
  {
    file: /ink[\\/]build[\\/]render-node-to-output\.js$/,
    edits: [
      ["import widestLine from 'widest-line';", "import measureText from './measure-text.js';"],
      ['                const currentWidth = widestLine(text);', '                const currentWidth = measureText(text).width;'],
    ],
  },
  {
    file: /ink[\\/]build[\\/]measure-text\.js$/,
    edits: [['    cache.set(text, dimensions);', '    if (cache.size >= 10000) cache.clear();\n    cache.set(text, dimensions);']],
  },
  {
    file: /ink[\\/]build[\\/]wrap-text\.js$/,
    edits: [
      ['const cache = {};', 'let cache = {};\nlet cached = 0;'],
      ['    cache[cacheKey] = wrappedText;', '    if (++cached > 10000) {\n        cache = {};\n        cached = 1;\n    }\n    cache[cacheKey] = wrappedText;'],
    ],
  },
  {
    file: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
    edits: [
      ['    let codes = [];\n    const ret = [];',
        '    let codes = [];\n    let shared = [];\n    const ret = [];'],
      ['            codes = reduceAnsiCodesIncremental(codes, [token]);',
        '            codes = reduceAnsiCodesIncremental(codes, [token]);\n            shared = [...codes];'],
      ['                styles: [...codes],', '                styles: shared,'],
      ['        else {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
        '        else if (chars[i - 1].styles !== char.styles) {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));'],
    ],
  },
];
export const inkOutputSpeed = {
  name: 'ink-output-speed',
  setup(b) {
    for (const { file, edits } of INK_OUTPUT_EDITS) {
      b.onLoad({ filter: file }, async (args) => {
        let source = readFileSync(args.path, 'utf8');
        for (const [from, to] of edits) {
          if (!source.includes(from)) throw new Error(`ink-output-speed: "${from}" not found in ${args.path}`);
          source = source.replace(from, to);
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};
