// Makes the headless xterm draw emoji sequences the way a terminal with grapheme clustering
// (DEC mode 2027: Ghostty, kitty, WezTerm, foot, Contour) does, for the tests of what dtui
// draws there: an emoji ZWJ sequence (👨‍👩‍👧), a skin tone (👍🏽) and VS16 join the emoji
// before them into one cell, as wide as its first emoji (emoji presentation: 2 cells; VS16
// makes a narrow one 2). xterm.js itself joins nothing of that (it has no mode 2027):
// everything else keeps its Unicode 6 widths, through xterm's experimental provider API.
import type { Terminal as XTerm, IUnicodeVersionProvider } from '@xterm/headless';

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const ZWJ = 0x200d;
const VS16 = 0xfe0f;
/** State kept in xterm's property value: after an emoji of a cluster, or after its joiner. */
const AFTER_EMOJI = 1;
const AFTER_JOINER = 2;

// xterm packs a code point's properties as (state << 3) | (width << 1) | shouldJoin.
const props = (state: number, width: number, join: boolean) => (state << 3) | (width << 1) | (join ? 1 : 0);
const stateOf = (value: number) => value >> 3;
const widthOf = (value: number) => (value >> 1) & 3;

export function clusterEmojiSequences(term: XTerm): void {
  // The built-in Unicode 6 provider, for everything that is not an emoji sequence. Not in
  // xterm's public API (test code only).
  const core = (term as unknown as { _core: { unicodeService: { _providers: Record<string, IUnicodeVersionProvider> } } })._core;
  const v6 = core.unicodeService._providers['6']!;
  const wcwidth = (cp: number): 0 | 1 | 2 => (EMOJI_PRESENTATION.test(String.fromCodePoint(cp)) && cp > 0xff ? 2 : v6.wcwidth(cp));
  const provider: IUnicodeVersionProvider = {
    version: 'mode-2027',
    wcwidth,
    charProperties(cp, preceding) {
      const state = stateOf(preceding);
      const width = widthOf(preceding);
      if (state === AFTER_EMOJI && cp === ZWJ) return props(AFTER_JOINER, width, true);
      if (state === AFTER_EMOJI && cp === VS16) return props(AFTER_EMOJI, 2, true);
      if (state === AFTER_EMOJI && cp >= 0x1f3fb && cp <= 0x1f3ff) return props(AFTER_EMOJI, width, true);
      if (state === AFTER_JOINER && PICTOGRAPHIC.test(String.fromCodePoint(cp))) return props(AFTER_EMOJI, width, true);
      const own = wcwidth(cp);
      if (PICTOGRAPHIC.test(String.fromCodePoint(cp)) && own > 0) return props(AFTER_EMOJI, own, false);
      return v6.charProperties(cp, preceding) & ~(0xffffff << 3);
    },
  };
  term.unicode.register(provider);
  term.unicode.activeVersion = provider.version;
}
