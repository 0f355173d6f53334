import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYMAP, activeKeymap, type Scope } from '../../src/keys/keymap.js';
import { createMatcher, displayKey } from '../../src/keys/match.js';
import { helpSections, hintText, keymapMarkdown } from '../../src/keys/help.js';
import { readmeWithKeys } from '../../scripts/keys-readme.js';

describe('keymap', () => {
  it('binds no key twice in one scope', () => {
    const seen = new Map<string, string>();
    for (const action of KEYMAP) {
      for (const key of action.keys) {
        const slot = `${action.scope} ${key}`;
        expect(seen.get(slot), `${slot} is bound to ${seen.get(slot)} and ${action.id}`).toBeUndefined();
        seen.set(slot, action.id);
      }
    }
  });

  it('has unique action ids', () => {
    const ids = KEYMAP.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists every action in help', () => {
    const helped = helpSections(KEYMAP).flatMap((s) => s.rows.map((r) => r.help));
    for (const action of KEYMAP) expect(helped).toContain(action.help);
  });

  it('resolves the first scope that binds a key', () => {
    const match = createMatcher(KEYMAP);
    const scopes: Scope[] = ['containers', 'list', 'global'];
    expect(match('s', scopes)?.id).toBe('container.stop');
    expect(match('d', ['images', 'list', 'global'])?.id).toBe('image.remove');
    expect(match('esc', ['filter'])?.id).toBe('filter.clear');
    expect(match('esc', scopes)?.id).toBe('back');
    expect(match('x', scopes)).toBeUndefined();
  });

  it('read-only mode binds nothing that changes the engine', () => {
    const ro = activeKeymap(true);
    expect(ro.some((a) => a.danger)).toBe(false);
    expect(ro.map((a) => a.id)).toContain('quit');
    expect(createMatcher(ro)('s', ['containers', 'list', 'global'])).toBeUndefined();
  });

  it('shows keys the way people write them', () => {
    expect(displayKey('shift+tab')).toBe('Shift+Tab');
    expect(displayKey('ctrl+c')).toBe('Ctrl+C');
    expect(displayKey('pgdn')).toBe('PgDn');
    expect(hintText(KEYMAP, ['containers', 'list', 'global'])).toMatch(/^l logs · t top · s stop/);
  });

  it('fits the hint bar to the width with whole hints, keeping the pane keys first and ? help last', () => {
    const scopes = ['images', 'list', 'global'] as const;
    const full = hintText(KEYMAP, scopes);
    for (const width of [80, 60, 40]) {
      const fitted = hintText(KEYMAP, scopes, width);
      expect(fitted.length, fitted).toBeLessThanOrEqual(width);
      const parts = fitted.split(' · ');
      // Every part is a whole hint of the full bar, in the same order; help closes it.
      expect(parts.at(-1)).toBe('? help');
      const fullParts = full.split(' · ');
      expect(parts.slice(0, -1)).toEqual(fullParts.slice(0, parts.length - 1));
      expect(parts[0]).toBe('d remove');
    }
    expect(hintText(KEYMAP, scopes, 1000)).toBe(full);
  });

  it('README key table is generated from the keymap', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(readmeWithKeys(readme));
    expect(readme).toContain(keymapMarkdown(KEYMAP));
  });
});

describe('typedKeys', () => {
  it('splits a run of typed characters into keys', async () => {
    const { typedKeys } = await import('../../src/keys/match.js');
    expect(typedKeys('/web\r')).toEqual(['/', 'w', 'e', 'b', 'enter']);
    expect(typedKeys('jj')).toEqual(['j', 'j']);
    expect(typedKeys('a b\x7f\x03')).toEqual(['a', 'space', 'b', 'backspace', 'ctrl+c']);
    expect(typedKeys('j')).toBeUndefined();
    expect(typedKeys('\x1b[A')).toBeUndefined();
  });
});
