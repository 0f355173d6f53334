// One-line text editing as a pure function: a value, a cursor (a UTF-16 offset that always
// sits on a grapheme boundary, so an emoji or a ZWJ sequence moves and deletes as one
// character) and a key name from keys/match.ts. The keys follow readline/emacs, as a
// shell prompt does: ←/→, Home/End, Ctrl+A/Ctrl+E, Ctrl+B/Ctrl+F, Backspace, Delete
// (forward), Ctrl+D (forward when not empty), Ctrl+W (word back), Ctrl+K (to end),
// Ctrl+U (to start). Typed and pasted characters go in at the cursor.
import { cellWidth } from '../../text/width.js';
import { graphemeSegments } from '../../text/graphemes.js';

export interface LineEdit {
  text: string;
  cursor: number;
}

/** Offsets of every grapheme boundary, 0 and text.length included. */
function boundaries(text: string): number[] {
  const out = [0];
  for (const s of graphemeSegments(text)) if (s.index > 0) out.push(s.index);
  if (text.length > 0) out.push(text.length);
  return out;
}

/** The cursor moved onto a boundary (a value set from outside may not be on one). */
export function clampCursor(text: string, cursor: number): number {
  if (cursor >= text.length) return text.length;
  if (cursor <= 0) return 0;
  const b = boundaries(text);
  let best = 0;
  for (const x of b) if (x <= cursor) best = x;
  return best;
}

function prevBoundary(text: string, cursor: number): number {
  let best = 0;
  for (const x of boundaries(text)) if (x < cursor) best = x;
  return best;
}

function nextBoundary(text: string, cursor: number): number {
  for (const x of boundaries(text)) if (x > cursor) return x;
  return text.length;
}

/** Ctrl+W as in readline: the spaces before the cursor, then the word before them. */
function wordStart(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return i;
}

/** A printable character (or a run of them from a paste) — never a control byte. */
export function isPrintable(input: string): boolean {
  return input.length > 0 && !/[\u0000-\u001f\u007f-\u009f]/.test(input);
}

/** The key applied; undefined when the key is not an editing key (the caller may use it). */
export function editLine(edit: LineEdit, name: string, input: string): LineEdit | undefined {
  const { text } = edit;
  const cursor = clampCursor(text, edit.cursor);
  const splice = (from: number, to: number, insert = ''): LineEdit => ({
    text: text.slice(0, from) + insert + text.slice(to),
    cursor: from + insert.length,
  });
  switch (name) {
    case 'left':
    case 'ctrl+b':
      return { text, cursor: prevBoundary(text, cursor) };
    case 'right':
    case 'ctrl+f':
      return { text, cursor: nextBoundary(text, cursor) };
    case 'home':
    case 'ctrl+a':
      return { text, cursor: 0 };
    case 'end':
    case 'ctrl+e':
      return { text, cursor: text.length };
    case 'backspace':
    case 'ctrl+h':
      return cursor === 0 ? { text, cursor } : splice(prevBoundary(text, cursor), cursor);
    case 'delete':
    case 'ctrl+d':
      return cursor === text.length ? { text, cursor } : splice(cursor, nextBoundary(text, cursor));
    case 'ctrl+w':
      return splice(wordStart(text, cursor), cursor);
    case 'ctrl+k':
      return splice(cursor, text.length);
    case 'ctrl+u':
      return splice(0, cursor);
    case 'space':
      return splice(cursor, cursor, ' ');
  }
  // Printable characters only (name === input: a typed key, not a named one).
  if (input && name === input && isPrintable(input)) return splice(cursor, cursor, input);
  return undefined;
}

export interface FieldWindow {
  /** The visible part before the cursor, the cell under it (a space at the end) and after. */
  before: string;
  at: string;
  after: string;
}

/**
 * The part of `text` that fits `width` cells with the cursor visible: a long value scrolls
 * horizontally, keeping the cursor cell on screen (one cell reserved for it at the end).
 */
export function fieldWindow(text: string, cursor: number, width: number): FieldWindow {
  const at = clampCursor(text, cursor);
  const b = boundaries(text);
  const atEnd = nextBoundary(text, at);
  const cursorCell = at < text.length ? text.slice(at, atEnd) : ' ';
  let start = 0;
  // Drop whole characters from the left until everything up to the cursor cell fits.
  while (start < at && cellWidth(text.slice(start, at)) + cellWidth(cursorCell) > width) {
    start = b.find((x) => x > start) ?? at;
  }
  const before = text.slice(start, at);
  let room = width - cellWidth(before) - cellWidth(cursorCell);
  let end = at < text.length ? atEnd : at;
  while (end < text.length) {
    const next = nextBoundary(text, end);
    const w = cellWidth(text.slice(end, next));
    if (w > room) break;
    room -= w;
    end = next;
  }
  return { before, at: cursorCell, after: at < text.length ? text.slice(atEnd, end) : '' };
}
