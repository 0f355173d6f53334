import { describe, expect, it, onTestFinished } from 'vitest';
import fc from 'fast-check';
import { clampCursor, editLine, fieldWindow, type LineEdit } from '../../src/ui/form/text-edit.js';
import { createForm, formKey, placeholderOf, type FormState } from '../../src/ui/form/form-state.js';
import { cellWidth } from '../../src/text/width.js';
import { setEmojiSequencesWhole } from '../../src/text/emoji-sequences.js';

const at = (text: string, cursor: number): LineEdit => ({ text, cursor });
const key = (e: LineEdit, name: string, input = name.length === 1 || [...name].length === 1 ? name : '') => editLine(e, name, input)!;
/** "ab|cd" → { text: 'abcd', cursor: 2 } */
const m = (marked: string): LineEdit => ({ text: marked.replace('|', ''), cursor: marked.indexOf('|') });

const FAMILY = '👨‍👩‍👧'; // one grapheme, five code points
const WIDE = '漢字';

describe('editLine: every key at the start, middle and end', () => {
  const cases: [string, string, string][] = [
    // [before, key, after]
    ['|abc', 'left', '|abc'],
    ['a|bc', 'left', '|abc'],
    ['abc|', 'left', 'ab|c'],
    ['|abc', 'right', 'a|bc'],
    ['a|bc', 'right', 'ab|c'],
    ['abc|', 'right', 'abc|'],
    ['a|bc', 'home', '|abc'],
    ['a|bc', 'ctrl+a', '|abc'],
    ['a|bc', 'end', 'abc|'],
    ['a|bc', 'ctrl+e', 'abc|'],
    ['|abc', 'backspace', '|abc'],
    ['ab|c', 'backspace', 'a|c'],
    ['abc|', 'backspace', 'ab|'],
    ['|abc', 'delete', '|bc'],
    ['a|bc', 'delete', 'a|c'],
    ['abc|', 'delete', 'abc|'],
    ['|abc', 'x', 'x|abc'],
    ['a|bc', 'x', 'ax|bc'],
    ['abc|', 'x', 'abcx|'],
    ['a|bc', 'space', 'a |bc'],
    ['|one two', 'ctrl+w', '|one two'],
    ['one tw|o', 'ctrl+w', 'one |o'],
    ['one two  |', 'ctrl+w', 'one |'],
    ['|abc', 'ctrl+k', '|'],
    ['a|bc', 'ctrl+k', 'a|'],
    ['abc|', 'ctrl+k', 'abc|'],
    ['|abc', 'ctrl+u', '|abc'],
    ['a|bc', 'ctrl+u', '|bc'],
    ['abc|', 'ctrl+u', '|'],
  ];
  it.each(cases)('%s + %s → %s', (before, name, after) => {
    expect(key(m(before), name)).toEqual(m(after));
  });

  it('moves over and deletes an emoji ZWJ sequence and wide characters as one character', () => {
    const text = `a${FAMILY}${WIDE}b`;
    let e = at(text, 1);
    e = key(e, 'right');
    expect(e.cursor).toBe(1 + FAMILY.length);
    e = key(e, 'left');
    expect(e.cursor).toBe(1);
    expect(key(at(text, 1), 'delete')).toEqual(at(`a${WIDE}b`, 1));
    expect(key(at(text, 1 + FAMILY.length), 'backspace')).toEqual(at(`a${WIDE}b`, 1));
    expect(key(at(text, 1 + FAMILY.length + 1), 'backspace')).toEqual(at(`a${FAMILY}字b`, 1 + FAMILY.length));
    // A cursor set inside a cluster snaps back to its start.
    expect(clampCursor(text, 3)).toBe(1);
  });

  it('inserts a pasted emoji code point by code point into the middle, whole again', () => {
    let e = at('ab', 1);
    for (const cp of [...FAMILY]) e = key(e, cp, cp);
    expect(e).toEqual(at(`a${FAMILY}b`, 1 + FAMILY.length));
  });

  it('never inserts control characters and leaves other keys to the caller', () => {
    expect(editLine(at('ab', 1), '\x1b', '\x1b')).toBeUndefined();
    expect(editLine(at('ab', 1), '\x7f', '\x7f')).toBeUndefined();
    expect(editLine(at('ab', 1), 'tab', '')).toBeUndefined();
    expect(editLine(at('ab', 1), 'ctrl+x', 'x')).toBeUndefined();
  });

  it('keeps the cursor on a boundary and the text intact outside the edit (property)', () => {
    const names = ['left', 'right', 'home', 'end', 'backspace', 'delete', 'ctrl+w', 'ctrl+k', 'ctrl+u', 'space', 'a', '字', '😀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names), { maxLength: 40 }), (keys) => {
        let e = at('', 0);
        for (const k of keys) e = key(e, k, [...k].length === 1 ? k : '');
        expect(clampCursor(e.text, e.cursor)).toBe(e.cursor);
        expect(e.cursor).toBeGreaterThanOrEqual(0);
        expect(e.cursor).toBeLessThanOrEqual(e.text.length);
      }),
    );
  });
});

describe('fieldWindow', () => {
  it('scrolls a long value so the cursor stays visible', () => {
    const text = 'x'.repeat(50) + 'END';
    const w = fieldWindow(text, text.length, 10);
    expect(w.at).toBe(' ');
    expect(w.before.endsWith('END')).toBe(true);
    expect(cellWidth(w.before + w.at + w.after)).toBeLessThanOrEqual(10);
    const start = fieldWindow(text, 0, 10);
    expect(start).toEqual({ before: '', at: 'x', after: 'x'.repeat(9) });
  });
  // FAMILY is one character to edit, drawn 2 cells wide where the terminal clusters
  // graphemes and as its 6 cells of parts elsewhere (emoji-sequences.ts): the window is
  // measured the way it is drawn in both, and is at least as wide as the widest character.
  it.each([false, true])('never cuts a wide character or an emoji in half (sequences whole: %s)', (whole) => {
    setEmojiSequencesWhole(whole);
    onTestFinished(() => setEmojiSequencesWhole(false));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '字', FAMILY, '😀'), { maxLength: 30 }), fc.nat(), fc.integer({ min: 6, max: 20 }), (parts, pos, width) => {
        const text = parts.join('');
        const cursor = clampCursor(text, pos % (text.length + 1));
        const w = fieldWindow(text, cursor, width);
        expect(cellWidth(w.before + w.at + w.after)).toBeLessThanOrEqual(width);
        expect(text.includes(w.before + (cursor < text.length ? w.at : '') + w.after)).toBe(true);
        expect(w.before.length).toBeLessThanOrEqual(cursor);
        expect(text.slice(cursor - w.before.length, cursor)).toBe(w.before);
      }),
    );
  });
});

describe('form fields edit anywhere', () => {
  const fields = [
    { name: 'a', label: 'A', kind: 'text' as const, initial: 'hello' },
    { name: 'b', label: 'B', kind: 'text' as const, placeholderFor: (v: Record<string, unknown>) => (v.a === 'x' ? 'ex' : 'other') },
  ];
  const press = (s: FormState, name: string, input = [...name].length === 1 ? name : '') => {
    const step = formKey(s, name, input);
    if (step.type !== 'edit') throw new Error(step.type);
    return step.state;
  };
  it('starts at the end, edits in the middle, and puts the cursor at the end of the next field', () => {
    let s = createForm(fields);
    expect(s.cursor).toBe(5);
    for (const k of ['home', 'right', 'delete', 'a', 'end', '!']) s = press(s, k);
    expect(s.values.a).toBe('hallo!');
    s = press(s, 'tab');
    expect(s.cursor).toBe(0);
    for (const k of ['x', 'y', 'left', 'left', 'z']) s = press(s, k);
    expect(s.values.b).toBe('zxy');
    s = press(s, 'shift+tab');
    expect(s.cursor).toBe(6);
  });
  it('gives a placeholder that follows the other values', () => {
    expect(placeholderOf(fields[1]!, { a: 'x' })).toBe('ex');
    expect(placeholderOf(fields[1]!, { a: 'y' })).toBe('other');
  });
});
