import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSource, loadConfig, parseConfig } from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/schema.js';

const source = { path: '/home/u/.config/dtui/config.yml', explicit: true };

function errorOf(text: string): string {
  try {
    parseConfig(text, source);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('config file location', () => {
  it('--config wins, then $XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configSource('my.yml', { XDG_CONFIG_HOME: '/x', HOME: '/h' }).path).toBe(join(process.cwd(), 'my.yml'));
    expect(configSource(undefined, { XDG_CONFIG_HOME: '/x', HOME: '/h' })).toEqual({ path: '/x/dtui/config.yml', explicit: false });
    expect(configSource(undefined, { HOME: '/h' }).path).toBe('/h/.config/dtui/config.yml');
    // A relative XDG_CONFIG_HOME is invalid by the XDG spec and ignored.
    expect(configSource(undefined, { XDG_CONFIG_HOME: 'rel', HOME: '/h' }).path).toBe('/h/.config/dtui/config.yml');
  });

  it('a missing default file is no config; a missing --config file is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtui-cfg-'));
    const absent = loadConfig({ path: join(dir, 'config.yml'), explicit: false });
    expect(absent.found).toBe(false);
    expect(absent.config).toEqual(defaultConfig());
    expect(() => loadConfig({ path: join(dir, 'nope.yml'), explicit: true })).toThrow(`config ${join(dir, 'nope.yml')}: no such file`);
    writeFileSync(join(dir, 'c.yml'), 'settings:\n  wrap: true\n');
    expect(loadConfig({ path: join(dir, 'c.yml'), explicit: true }).config.settings.wrap).toBe(true);
  });
});

describe('config file checks', () => {
  it('fills every default for an empty file', () => {
    const { config, warnings } = parseConfig('', source);
    expect(config.settings).toMatchObject({
      logLines: 100_000,
      logTail: 1000,
      timestamps: false,
      topRefresh: 2,
      defaultPane: 'containers',
    });
    expect(config.commands).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('names file, line, column, the setting and what was expected', () => {
    expect(errorOf('settings:\n  wrap: yes please\n')).toBe(`config ${source.path}:2:9: settings.wrap: expected true or false, got "yes please"`);
    expect(errorOf('settings:\n  logTail: 50\n')).toBe(`config ${source.path}:2:12: settings.logTail: expected 100, 1000, 10000 or all, got 50`);
    expect(errorOf('settings:\n  logLines: 0\n')).toBe(`config ${source.path}:2:13: settings.logLines: expected at least 1, got 0`);
    expect(errorOf('settings:\n  defaultPane: volumez\n')).toMatch(
      /:2:16: settings\.defaultPane: expected containers, images, volumes, networks, projects, services, tasks, nodes, engine, got "volumez"$/,
    );
  });

  it('reports YAML syntax errors with their position', () => {
    expect(errorOf('settings:\n  wrap: [true\n')).toMatch(new RegExp(`^config ${source.path}:\\d+:\\d+: .*\\(not valid YAML\\)$`));
    expect(errorOf('settings:\n  wrap: true\n  wrap: false\n')).toMatch(/:3:3: .*(unique|duplicate).*\(not valid YAML\)$/i);
  });

  it('refuses a file that is not a mapping', () => {
    expect(errorOf('- a\n- b\n')).toBe(`config ${source.path}:1:1: expected a mapping of sections (settings:, keys:, commands:, …), got a list`);
  });

  it('points a missing field of a command at its entry', () => {
    expect(errorOf('commands:\n  - name: x\n    key: X\n    scope: containers\n')).toBe(`config ${source.path}:2:5: commands[0].command: missing (required)`);
  });

  it('refuses unknown placeholders at the element that has them', () => {
    const text = 'commands:\n  - name: x\n    key: X\n    scope: volumes\n    command: [echo, "{{.Image}}"]\n';
    expect(errorOf(text)).toMatch(/:5:21: commands\[0\]\.command\[1\]: unknown placeholder \{\{\.Image\}\}; placeholders of volumes: /);
  });

  it('refuses keys that cannot be bound, Ctrl+C above all', () => {
    expect(errorOf('keys:\n  global:\n    quit: ctrl+c\n')).toMatch(/:3:11: keys\.global\.quit: Ctrl\+C always quits/);
    expect(errorOf('keys:\n  containers:\n    container.stop: stop\n')).toMatch(/:3:21: keys\.containers\.container\.stop: one character, /);
    expect(parseConfig('keys:\n  global:\n    pane.images: 7\n', source).config.keys.global).toEqual({ 'pane.images': '7' });
  });

  it('warns about unknown keys, with their position, and ignores them', () => {
    const { config, warnings } = parseConfig('settings:\n  wrapp: true\ncolour: red\nkeys:\n  containers:\n    container.stopp: x\n', source);
    expect(warnings).toEqual([
      `config ${source.path}:2:3: unknown key settings.wrapp (ignored)`,
      `config ${source.path}:3:1: unknown key colour (ignored)`,
      `config ${source.path}:6:5: unknown key keys.containers.container.stopp (ignored)`,
    ]);
    expect(config.settings.wrap).toBe(false);
  });

  it('refuses both engine.host and engine.context', () => {
    expect(errorOf('engine:\n  host: unix:///x.sock\n  context: prod\n')).toMatch(/:2:3: engine: host or context, not both$/);
  });
});
