// Bundle-time speed edits to Ink's frame output (used by scripts/build.mjs).
import { readFileSync } from 'node:fs';

/**
 * Ink builds every frame from scratch: each line of text is tokenised into one object per
 * character, measured and sliced to its clip again, though nearly every line is the same
 * as in the last frame (the profile of holding ↓: Output.get was 40 % of dtui's CPU, see
 * docs/PERFORMANCE.md). Bundle-time edits, each a pure function of its input so the
 * output is byte-for-byte the same, and the build fails loudly if Ink changes that code:
 *  - Output's caches (line → styled characters, text → width) outlive a frame (two frames);
 *  - a line that already fits inside its clip is not run through sliceAnsi;
 *  - blank cells share one style list, and characters of one run share theirs, so
 *    styledCharsToString diffs styles only where they change;
 *  - a text node's width comes from Ink's own measureText cache instead of being measured
 *    again every frame;
 *  - measureText's and wrapText's caches, which Ink never empties, are bounded: every
 *    distinct log line drawn used to stay in them for the life of the process.
 */
// Output's caches keep what the last two frames drew (one Output is made per frame, and it
// starts a new generation). A bound by entry count (20k) held every log line of a flood for
// seconds: long enough to be promoted to V8's old generation and die there, which grew RSS
// by ~0.7 MB/s until a full GC (the soak's 174 → 358 MB sawtooth; its heap profile showed
// 51 MB of styled characters).
const GENERATIONAL_MAP = `class GenerationalMap {
    current = new Map();
    previous = new Map();
    get(key) {
        let value = this.current.get(key);
        if (value === undefined) {
            value = this.previous.get(key);
            if (value !== undefined) this.current.set(key, value);
        }
        return value;
    }
    set(key, value) {
        this.current.set(key, value);
    }
    nextFrame() {
        this.previous = this.current;
        this.current = new Map();
    }
}
`;
const INK_OUTPUT_EDITS = [
  {
    file: /ink[\\/]build[\\/]output\.js$/,
    edits: [
      ['    caches = new OutputCaches();', '    caches = sharedOutputCaches();'],
      ['    widths = new Map();\n    blockWidths = new Map();\n    styledChars = new Map();',
        '    widths = new GenerationalMap();\n    blockWidths = new GenerationalMap();\n    styledChars = new GenerationalMap();'],
      ['export default class Output {',
        GENERATIONAL_MAP +
        'const BLANK_STYLES = [];\nlet outputCaches;\n' +
        'function sharedOutputCaches() {\n' +
        '    if (!outputCaches) outputCaches = new OutputCaches();\n' +
        '    else for (const map of [outputCaches.widths, outputCaches.blockWidths, outputCaches.styledChars]) map.nextFrame();\n' +
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
