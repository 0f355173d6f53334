import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/load.js';
import { buildKeymap } from '../../src/config/keymap.js';
import { printConfig } from '../../src/config/print.js';
import { activeKeymap, KEYMAP } from '../../src/keys/keymap.js';
import { createMatcher } from '../../src/keys/match.js';
import { helpSections, hintText } from '../../src/keys/help.js';

const source = { path: '/c.yml', explicit: true };

function build(text: string) {
  const loaded = parseConfig(text, source);
  return buildKeymap(loaded.config, loaded.locate);
}

function conflict(text: string): string {
  try {
    build(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a conflict');
}

describe('keys from the config', () => {
  it("replaces an action's default keys; the old key is free, help and hints name the new one", () => {
    const keymap = build('keys:\n  containers:\n    container.stop: x\n');
    const match = createMatcher(keymap);
    expect(match('x', ['containers', 'list', 'global'])?.id).toBe('container.stop');
    expect(match('s', ['containers', 'list', 'global'])).toBeUndefined();
    expect(hintText(keymap, ['containers'])).toContain('x stop');
    const rows = helpSections(keymap).find((s) => s.title === 'Containers')!.rows;
    expect(rows).toContainEqual({ keys: 'x', help: 'Stop the selected container' });
  });

  it('keeps Ctrl+C on quit, in every scope, whatever quit is remapped to', () => {
    const keymap = build('keys:\n  global:\n    quit: Q\n');
    expect(keymap.find((a) => a.id === 'quit')).toMatchObject({ keys: ['Q', 'ctrl+c'], always: ['ctrl+c'] });
    expect(createMatcher(keymap)('ctrl+c', ['form'])?.id).toBe('quit');
    expect(createMatcher(keymap)('q', ['containers', 'list', 'global'])).toBeUndefined();
  });

  it('refuses two actions on one key in one scope, naming both and the line', () => {
    expect(conflict('keys:\n  containers:\n    container.stop: e\n')).toBe(
      'config /c.yml:3:21: keys.containers.container.stop: key e of container.stop (Containers) is also the key of container.exec (Containers) — two actions on one key in one scope; rebind one of them',
    );
  });

  it('refuses a pane key that would shadow a global or list key, either way round', () => {
    expect(conflict('keys:\n  images:\n    image.history: "?"\n')).toMatch(
      /key \? of image\.history \(Images\) is also the key of help \(Everywhere\) — it would shadow the global key/,
    );
    expect(conflict('keys:\n  global:\n    help: h\n')).toMatch(/key h of help \(Everywhere\) is also the key of image\.history \(Images\)/);
    expect(conflict('keys:\n  volumes:\n    volume.create: /\n')).toMatch(/is also the key of filter\.start \(Lists\)/);
  });

  it('allows a key reused in scopes never in effect together', () => {
    expect(() => build('keys:\n  images:\n    image.history: Z\n  containers:\n    container.stop: Z\n')).not.toThrow();
  });

  it('custom commands are actions in their scope: conflicts checked, duplicates refused, dangerous ones dropped read-only', () => {
    const base = 'commands:\n  - name: a\n    key: W\n    scope: containers\n    command: [echo]\n';
    const keymap = build(`${base}    dangerous: true\n`);
    expect(keymap.find((a) => a.id === 'command.a')).toMatchObject({ keys: ['W'], scope: 'containers', danger: true });
    expect(activeKeymap(true, keymap).some((a) => a.id === 'command.a')).toBe(false);
    expect(conflict('commands:\n  - name: a\n    key: s\n    scope: containers\n    command: [echo]\n')).toMatch(
      /^config \/c\.yml:3:10: commands\[0\]\.key: key s of command\.a \(Containers\) is also the key of container\.stop/,
    );
    expect(conflict(`${base}  - name: a\n    key: V\n    scope: images\n    command: [echo]\n`)).toMatch(
      /commands\[1\]\.name: "a" is already the name of commands\[0\]/,
    );
  });

  it('config print is a complete config that loads back to the same keys, without warnings', () => {
    const loaded = parseConfig('settings:\n  wrap: true\nkeys:\n  containers:\n    container.stop: x\n', source);
    const keymap = buildKeymap(loaded.config, loaded.locate);
    const printed = printConfig(loaded.config, keymap, { path: '/c.yml', found: true });
    expect(printed).toContain('# Logs: wrap long lines\n  wrap: true');
    const again = parseConfig(printed, source);
    expect(again.warnings).toEqual([]);
    expect(again.config.settings).toEqual(loaded.config.settings);
    expect(buildKeymap(again.config, again.locate).map((a) => [a.id, a.keys])).toEqual(keymap.map((a) => [a.id, a.keys]));
    expect(KEYMAP.length).toBe(keymap.length);
  });
});
