// The look section of the config file: parsed and checked with the rest, applied before
// the first frame (theme, colours, NO_COLOR, mouse, first sort, columns).
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/schema.js';
import { applyLook } from '../../src/cli/look.js';
import { applyTheme, hasColour, theme } from '../../src/ui/theme.js';

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

afterEach(() => applyTheme('dark'));

describe('look config', () => {
  it('defaults: dark theme, no overrides, mouse on, engine order, every column', () => {
    expect(defaultConfig().look).toEqual({ theme: 'dark', colors: {}, mouse: true, sort: {}, columns: {} });
  });

  it('light theme with an override; NO_COLOR wins over both', () => {
    const { config } = parseConfig('look:\n  theme: light\n  colors:\n    running: "#00ff00"\n', source);
    applyLook(config.look, {});
    expect(theme.accent).toBe('blue');
    expect(theme.running).toBe('#00ff00');
    expect(hasColour()).toBe(true);
    const applied = applyLook(config.look, { NO_COLOR: '1' });
    expect(Object.values(theme).every((c) => c === undefined)).toBe(true);
    expect(hasColour()).toBe(false);
    // The container's own log colours go too.
    expect(applied.defaults.colour).toBe(false);
    applyLook(config.look, { TERM: 'dumb' });
    expect(theme.running).toBeUndefined();
    // NO_COLOR set but empty is not set (no-color.org).
    applyLook(config.look, { NO_COLOR: '' });
    expect(theme.running).toBe('#00ff00');
  });

  it('"default" means the terminal colour; mono has none', () => {
    applyLook({ ...defaultConfig().look, colors: { border: 'default' } }, {});
    expect(theme.border).toBeUndefined();
    expect(theme.accent).toBe('cyan');
    applyLook({ ...defaultConfig().look, theme: 'mono' }, {});
    expect(hasColour()).toBe(false);
    expect(theme.selectedBg).toBeUndefined();
  });

  it('a bad colour, role or theme is a precise error with line and column', () => {
    expect(errorOf('look:\n  colors:\n    running: pinkish\n')).toMatch(/config\.yml:3:\d+.*colour/);
    expect(errorOf('look:\n  colors:\n    sparkle: red\n')).toMatch(/:3:\d+.*colour role/);
    expect(errorOf('look:\n  theme: solarized\n')).toMatch(/:2:\d+.*dark, light, mono/);
    expect(errorOf('look:\n  mouse: maybe\n')).toMatch(/:2:\d+.*true or false/);
  });

  it('sort and columns: the first order of each list (the key’s own direction unless given), mouse off', () => {
    const { config } = parseConfig(
      'look:\n  mouse: false\n  sort:\n    containers: { by: cpu }\n    images: { by: name, order: desc }\n    volumes: { by: cpu }\n  columns:\n    containers: [name, state]\n',
      source,
    );
    const applied = applyLook(config.look, {});
    expect(applied.defaults.sorts).toEqual({ containers: { key: 'cpu', desc: true }, images: { key: 'name', desc: true } });
    expect(applied.warnings).toEqual(['config: sort.volumes: volumes cannot be sorted by cpu — ignored']);
    expect(applied.columns).toEqual({ containers: ['name', 'state'] });
  });
});
