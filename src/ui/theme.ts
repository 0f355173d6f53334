// Colours in one place, named after what they mean (roles), never after what they look
// like. Three palettes — dark (default), light, mono — and per-role overrides from the
// config file (look.colors). With NO_COLOR or TERM=dumb, or the mono theme, every role
// is undefined: Ink then writes no colour codes at all, and the views show selection
// and state by other means (reverse video, a marker column, the state as text).
//
// `theme` is one object that applyTheme() fills in place before the first frame, so the
// views read `theme.muted` as they always did and no React context is threaded through.

export const ROLES = [
  'accent',
  'focusBorder',
  'border',
  'muted',
  'error',
  'warning',
  'success',
  'selectedBg',
  'selectedFg',
  'selectedBlurBg',
  'mark',
  'stderr',
  'danger',
  'dialogBorder',
  'alertFg',
  'alertBg',
  'running',
  'paused',
  'restarting',
  'exited',
  'created',
  'removing',
  'dead',
] as const;

export type Role = (typeof ROLES)[number];
export type Palette = Record<Role, string | undefined>;
export const THEME_NAMES = ['dark', 'light', 'mono'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

const DARK: Palette = {
  accent: 'cyan',
  focusBorder: 'cyan',
  border: 'gray',
  muted: 'gray',
  error: 'red',
  warning: 'yellow',
  success: 'green',
  selectedBg: 'cyan',
  selectedFg: 'black',
  selectedBlurBg: 'gray',
  mark: 'magenta',
  stderr: 'red',
  danger: 'red',
  dialogBorder: 'cyan',
  alertFg: 'white',
  alertBg: 'red',
  running: 'green',
  paused: 'yellow',
  restarting: 'yellow',
  exited: 'red',
  created: 'blue',
  removing: 'magenta',
  dead: 'red',
};

// On a white background: no yellow or cyan text (unreadable), darker greys.
const LIGHT: Palette = {
  ...DARK,
  accent: 'blue',
  focusBorder: 'blue',
  border: 'blackBright',
  muted: 'blackBright',
  warning: 'magenta',
  success: 'green',
  selectedBg: 'blue',
  selectedFg: 'white',
  selectedBlurBg: 'blackBright',
  dialogBorder: 'blue',
  paused: 'magenta',
  restarting: 'magenta',
};

const MONO: Palette = Object.fromEntries(ROLES.map((r) => [r, undefined])) as Palette;

export const THEMES: Record<ThemeName, Palette> = { dark: DARK, light: LIGHT, mono: MONO };

/** The palette the views draw with (dark until applyTheme runs). */
export const theme: Palette = { ...DARK };

let colour = true;

/** False under NO_COLOR, TERM=dumb or the mono theme: selection then needs a marker. */
export function hasColour(): boolean {
  return colour;
}

/** NO_COLOR (any non-empty value, no-color.org) or TERM=dumb: no colour codes at all. */
export function colourForbidden(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.NO_COLOR) || env.TERM === 'dumb';
}

/**
 * Fills `theme` from a palette and overrides. `noColour` wins over both: a person who
 * set NO_COLOR gets no colour even from their own config.
 */
export function applyTheme(name: ThemeName, overrides: Partial<Record<Role, string>> = {}, noColour = false): void {
  const palette: Palette = noColour ? MONO : { ...THEMES[name], ...(name === 'mono' ? {} : dropDefault(overrides)) };
  Object.assign(theme, palette);
  colour = !noColour && name !== 'mono';
}

/** "default" in the config means the terminal's own colour (no code). */
function dropDefault(overrides: Partial<Record<Role, string>>): Partial<Palette> {
  return Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, v === 'default' ? undefined : v]));
}

/** Keyed by container state without importing the domain type (src/ui is domain-free). */
export type StateRole = 'running' | 'paused' | 'restarting' | 'exited' | 'created' | 'removing' | 'dead';

export function stateColor(state: string): string | undefined {
  return (ROLES as readonly string[]).includes(state) ? theme[state as StateRole] : undefined;
}
