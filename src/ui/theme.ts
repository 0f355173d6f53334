// Colours in one place. Named after what they mean, not what they look like, so a
// future light theme changes only this file.
import type { ContainerState } from '../engine/models/types.js';

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

export const STATE_COLOR: Record<ContainerState, string> = {
  running: 'green',
  paused: 'yellow',
  restarting: 'yellow',
  exited: 'red',
  created: 'blue',
  removing: 'magenta',
  dead: 'red',
};
