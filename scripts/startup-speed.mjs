// Bundle-time edits that shorten dtui's start-up (used by scripts/build.mjs). Each edit
// names the exact text it replaces; the build fails loudly if a dependency changes it.
import { readFileSync } from 'node:fs';

/**
 * Found in the start-up profile (docs/PERFORMANCE.md, scenario 1):
 *  - dockerode requires its BuildKit session module (gRPC + protobufjs, ~800 kB) and
 *    docker-modem its ssh transport (ssh2 and a native addon) at load time, though dtui
 *    never builds with BuildKit and refuses ssh:// hosts: required on first use instead.
 *  - docker-modem formats every request's options with util.inspect (showHidden, full
 *    depth) for a debug line nobody sees unless DEBUG=modem: ~10 ms on the first request.
 *    Formatted only when that debug channel is on.
 *  - docker-modem loads node:https (and with it node:tls) for TLS engines only: loaded on
 *    the first https request instead (~8 ms of compiling node's own modules).
 *  - yoga-layout (Ink's layout engine) loads its embedded wasm by calling fetch() on a
 *    data: URL, which makes node compile undici (~20 ms) and then instantiates it
 *    asynchronously (a top-level await in the bundle). Emscripten's `instantiateWasm`
 *    hook compiles the same bytes synchronously instead: same module, same instance.
 */
/**
 * Characters dtui and Ink draw all the time besides ASCII: box drawing and block elements
 * (every border line), and the punctuation and arrows of titles, hints and the status
 * line. Each is its own grapheme and one cell wide when ambiguous-width characters are
 * narrow (string-width's default): test/unit/string-width-fast-path.test.ts checks that
 * against string-width itself, character by character.
 */
export const NARROW_SYMBOLS = '\\u2500-\\u259F\\u2026\\u00B7\\u2014\\u2013\\u2190-\\u2193\\u00D7\\u2039\\u203A\\u2022\\u21C4\\u00B5';

const EDITS = [
  {
    file: /dockerode[\\/]lib[\\/]docker\.js$/,
    edits: [["withSession = require('./session'),",
      "withSession = function () { return require('./session').apply(this, arguments); },"]],
  },
  {
    file: /docker-modem[\\/]lib[\\/]modem\.js$/,
    edits: [
      ["ssh = require('./ssh'),", "ssh = function () { return require('./ssh').apply(this, arguments); },"],
      ["  debug('Sending: %s', util.inspect(options, {", "  if (debug.enabled) debug('Sending: %s', util.inspect(options, {"],
    ],
  },
  {
    file: /docker-modem[\\/]lib[\\/]http\.js$/,
    edits: [["var nativeHttps = require('https'),",
      'var nativeHttps = {\n' +
      "  request: function () { var m = require('https'); return m.request.apply(m, arguments); },\n" +
      "  get: function () { var m = require('https'); return m.get.apply(m, arguments); }\n" +
      '},']],
  },
  {
    // string-width measures any string that is not pure ASCII grapheme by grapheme, with
    // Intl.Segmenter and Unicode-property regexes per grapheme: every frame line with a
    // border took that path (~45 % of the first frame's output time). Strings of ASCII
    // and NARROW_SYMBOLS are as wide as they are long. Two versions are bundled: 8 (Ink)
    // has an ASCII-only fast path to widen, 7 (wrap-ansi) has none.
    file: /string-width[\\/]index\.js$/,
    variants: [
      [['\tif (/^[\\u0020-\\u007E]*$/.test(string)) {',
        `\tif (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && /^[\\u0020-\\u007E${NARROW_SYMBOLS}]*$/.test(string))) {`]],
      [['\tlet width = 0;\n\tconst eastAsianWidthOptions',
        `\tif (ambiguousIsNarrow && /^[\\u0020-\\u007E${NARROW_SYMBOLS}]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n\n\tlet width = 0;\n\tconst eastAsianWidthOptions`]],
    ],
  },
  {
    file: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
    edits: [['const Yoga = wrapAssembly(await loadYoga());',
      // loadYoga fills in the object it is given; with a synchronous instantiateWasm the
      // runtime is ready when it returns (its `ready` promise has already resolved).
      'const yogaModule = {\n' +
      '  instantiateWasm(imports, receiveInstance) {\n' +
      "    const base64 = yogaWasmDataUri.slice(yogaWasmDataUri.indexOf(',') + 1);\n" +
      "    receiveInstance(new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(base64, 'base64')), imports));\n" +
      '    return {};\n' +
      '  },\n' +
      '};\n' +
      'loadYoga(yogaModule);\n' +
      "if (!yogaModule.calledRun) throw new Error('yoga-layout did not initialise synchronously');\n" +
      'const Yoga = wrapAssembly(yogaModule);'],
    ["import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
      "import loadYoga, { yogaWasmDataUri } from '../binaries/yoga-wasm-base64-esm.js';"]],
  },
  {
    // Exports the embedded wasm (a data: URI held in `H`) for the loader above.
    file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    edits: [['var H;H="data:application/octet-stream;base64,', 'var H;H=yogaWasmDataUri=/* embedded */"data:application/octet-stream;base64,'],
      ['export default loadYoga;', 'export default loadYoga;\nexport var yogaWasmDataUri;']],
  },
];

export const startupSpeed = {
  name: 'startup-speed',
  setup(b) {
    for (const { file, edits, variants = [edits] } of EDITS) {
      b.onLoad({ filter: file }, async (args) => {
        const original = readFileSync(args.path, 'utf8');
        // The first variant whose every text is found applies (one per bundled version).
        const variant = variants.find((v) => v.every(([from]) => original.includes(from)));
        if (!variant) throw new Error(`startup-speed: "${variants[0][0][0].slice(0, 80)}" not found in ${args.path}`);
        let source = original;
        for (const [from, to] of variant) source = source.replace(from, to);
        return { contents: source, loader: 'js' };
      });
    }
  },
};
