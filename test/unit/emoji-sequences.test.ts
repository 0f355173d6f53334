// Emoji ZWJ sequences and skin tones in both modes (src/text/emoji-sequences.ts): as parts
// by default, whole where the terminal clusters graphemes (mode 2027). What is drawn
// (sanitize) and what is measured (width.ts: cellWidth, truncation, wrapping, its cache)
// follow the same decision, checked against a terminal that clusters them.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import xterm from '@xterm/headless';
import stringWidth from 'string-width';
import { emojiSequencesWhole, setEmojiSequencesWhole } from '../../src/text/emoji-sequences.js';
import { sanitize, sanitizeLine } from '../../src/text/sanitize.js';
import { cellWidth, padToWidth, truncateToWidth } from '../../src/text/width.js';
import { wrapToWidth } from '../../src/text/wrap.js';
import { clusterEmojiSequences } from '../support/grapheme-terminal.js';

const FAMILY = '👨\u200d👩\u200d👧';
const THUMB = '👍\u{1F3FD}';
const RAINBOW = '🏳\uFE0F\u200d🌈';
const HEART_ON_FIRE = '❤\uFE0F\u200d🔥';
const WOMAN_TECH = '👩\u{1F3FD}\u200d💻';
const WHOLE = [FAMILY, THUMB, RAINBOW, HEART_ON_FIRE, WOMAN_TECH];

afterEach(() => setEmojiSequencesWhole(false));

describe('as parts (a terminal that did not report mode 2027)', () => {
  it('is the default', () => {
    expect(emojiSequencesWhole()).toBe(false);
  });
  it.each([
    [FAMILY, '👨👩👧', 6],
    [THUMB, '👍', 2],
    [RAINBOW, '🏳\uFE0F🌈', 4],
    [WOMAN_TECH, '👩💻', 4],
  ])('%s is drawn as %s and measured so, sanitised or not', (seq, parts, width) => {
    expect(sanitize(seq)).toBe(parts);
    expect(cellWidth(parts)).toBe(width);
    // A value typed into a form field is measured as the sanitised text it is drawn as.
    expect(cellWidth(seq)).toBe(width);
  });
});

describe('whole (a terminal that clusters graphemes)', () => {
  it.each(WHOLE)('%s is kept and measured as one 2-cell cluster', (seq) => {
    setEmojiSequencesWhole(true);
    expect(sanitize(`a${seq}b`)).toBe(`a${seq}b`);
    expect(sanitizeLine(`a${seq}\tb`, false)).toBe(`a${seq}     b`);
    expect(cellWidth(seq)).toBe(2);
    expect(stringWidth(seq)).toBe(2); // Ink's measure agrees
  });

  it.each([
    ['a joiner between letters', 'a\u200db', 'ab'],
    ['a joiner after an emoji that is 1 cell without VS16', '☺\u200d☺', '☺☺'],
    ['a trailing joiner', `${FAMILY}\u200d`, FAMILY],
    ['a skin tone after a letter', 'a\u{1F3FD}', 'a'],
    ['a skin tone alone', '\u{1F3FD}x', 'x'],
    ['a zero-width space inside', '👨\u200b\u200d👩', '👨👩'],
  ])('still splits %s', (_what, input, out) => {
    setEmojiSequencesWhole(true);
    expect(sanitize(input)).toBe(out);
    expect(cellWidth(input)).toBe(cellWidth(out));
  });

  it('truncates, pads and wraps without cutting a sequence', () => {
    setEmojiSequencesWhole(true);
    const line = `x${FAMILY.repeat(10)}`;
    expect(truncateToWidth(line, 8)).toBe(`x${FAMILY.repeat(3)}…`);
    expect(padToWidth(FAMILY, 5)).toBe(`${FAMILY}   `);
    expect(wrapToWidth(FAMILY.repeat(5), 4).rows).toEqual([FAMILY.repeat(2), FAMILY.repeat(2), FAMILY]);
  });

  it('switching the mode empties the width cache', () => {
    expect(cellWidth(FAMILY)).toBe(6);
    setEmojiSequencesWhole(true);
    expect(cellWidth(FAMILY)).toBe(2);
    setEmojiSequencesWhole(false);
    expect(cellWidth(FAMILY)).toBe(6);
  });
});

describe('measured as a grapheme-clustering terminal draws it', () => {
  // Random mixes of emoji, joiners, VS16, skin tones and letters, sanitised in each mode,
  // written to a headless xterm that clusters emoji sequences as such terminals do
  // (test/support/grapheme-terminal.ts): dtui's width is the cursor's advance.
  const pieces = ['👨', '👩', '👧', '👍', '❤', '☺', '🏳', '🌈', '🔥', '⚕', '\uFE0F', '\u200d', '\u{1F3FB}', '\u{1F3FD}', 'a', ' '];
  const term = new xterm.Terminal({ cols: 400, rows: 2, allowProposedApi: true });
  clusterEmojiSequences(term);
  const drawn = (text: string) => new Promise<number>((resolve) => term.write(`\x1b[H\x1b[2K${text}`, () => resolve(term.buffer.active.cursorX)));

  it.each([false, true])('sequences whole: %s', async (whole) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), async (parts) => {
        setEmojiSequencesWhole(whole);
        const text = sanitize(parts.join(''));
        expect(cellWidth(text)).toBe(await drawn(text));
        if (!whole) expect(text).not.toMatch(/\u200d|\p{Emoji_Modifier}/u);
      }),
      { numRuns: 1000 },
    );
  });
});
