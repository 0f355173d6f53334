// Emoji ZWJ sequences (👨‍👩‍👧) and skin tones (👍🏽): drawn whole, or as their parts.
//
// Terminals disagree on how wide a ZWJ sequence is: string-width, Ink and tmux say 2 cells
// (one grapheme cluster), xterm.js 3 (or 6 with Unicode 11 widths), older terminals the
// sum of the parts. dtui may never measure narrower than the terminal draws, so by default
// the joiners (U+200D) and the skin-tone modifiers (U+1F3FB–U+1F3FF) are removed and each
// part is drawn and measured on its own ("parts").
//
// A terminal that announces grapheme clustering (DEC private mode 2027, asked for at
// start-up: src/cli/grapheme-probe.ts) draws a whole cluster in the width of its first
// code point, VS16 making a narrow one 2. Then a sequence whose first emoji is 2 cells
// (emoji presentation, or followed by VS16) is kept whole ("whole") and measured 2 cells,
// which is what string-width, Ink's layout and Ink's output grid (ansi-tokenize splits
// lines by grapheme) count for it. Anything else with a joiner or a modifier is still cut
// into parts. sanitize.ts (what is drawn) and width.ts (what is measured, its cache
// included) both ask `emojiParts` here, so the two never disagree.

/** One emoji of a sequence (assigned emoji only): a pictograph, VS16 and a skin tone optional. */
const ELEMENT = String.raw`[\p{Extended_Pictographic}&&\p{Emoji}]\uFE0F?\p{Emoji_Modifier}?`;
/**
 * The first emoji must be 2 cells on its own: emoji presentation (a skin tone may follow),
 * or VS16 after it (string-width counts a text-default emoji + VS16 + skin tone 1 cell).
 */
const FIRST = String.raw`(?:[\p{Extended_Pictographic}&&\p{Emoji_Presentation}]\uFE0F?\p{Emoji_Modifier}?|[\p{Extended_Pictographic}&&\p{Emoji}]\uFE0F)`;
/** A sequence kept whole: an emoji, then joiner + emoji pairs (or just a skin tone). */
export const WHOLE_SEQUENCE_SOURCE = String.raw`${FIRST}(?:\u200D${ELEMENT})*`;
const JOINING = /\u200D|\p{Emoji_Modifier}/u;
const JOINING_GLOBAL = /\u200D|\p{Emoji_Modifier}/gu;
const WHOLE_OR_JOINING = new RegExp(`(${WHOLE_SEQUENCE_SOURCE})|\\u200D|\\p{Emoji_Modifier}`, 'gv');

let whole = false;
const listeners = new Set<() => void>();

/** Whether emoji sequences are drawn whole (the terminal clusters graphemes: mode 2027). */
export function emojiSequencesWhole(): boolean {
  return whole;
}

/**
 * Switches the decision for everything drawn and measured from now on. Only
 * src/cli/grapheme-probe.ts calls it, once the terminal has mode 2027 on.
 */
export function setEmojiSequencesWhole(on: boolean): void {
  if (on === whole) return;
  whole = on;
  for (const listener of listeners) listener();
}

/** Called after every switch (width.ts empties its cluster-width cache). */
export function onEmojiModeChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether `text` holds a joiner or a skin-tone modifier (the cheap test before emojiParts). */
export function hasEmojiJoiners(text: string): boolean {
  return JOINING.test(text);
}

/**
 * `text` as it is drawn: joiners and skin tones removed, except, in "whole" mode, inside a
 * sequence a grapheme-clustering terminal draws 2 cells wide.
 */
export function emojiParts(text: string): string {
  if (!JOINING.test(text)) return text;
  if (!whole) return text.replace(JOINING_GLOBAL, '');
  return text.replace(WHOLE_OR_JOINING, (_m, kept: string | undefined) => kept ?? '');
}
