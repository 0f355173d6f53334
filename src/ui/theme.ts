// Colours in one place. Named after what they mean, not what they look like, so a
// future light theme changes only this file.
export const theme = {
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
  stderr: 'red',
  danger: 'red',
} as const;

// Keyed by container state without importing the domain type (src/ui is domain-free):
// indexing it with a state the object lacks is still a compile error at the use site.
export const STATE_COLOR = {
  running: 'green',
  paused: 'yellow',
  restarting: 'yellow',
  exited: 'red',
  created: 'blue',
  removing: 'magenta',
  dead: 'red',
} as const satisfies Record<string, string>;
