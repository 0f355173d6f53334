// A mouse report as the app handles it (parsed in src/cli/input/terminal-input.ts,
// dispatched in src/app/dispatch/mouse.ts).

/**
 * One SGR mouse report, ESC [ < b ; x ; y (M press | m release). `x`/`y` are 0-based
 * cells; `button` is b's low bits (0 left, 1 middle, 2 right), `wheel` is set for the
 * wheel codes (64 up, 65 down), `motion` for drags (b + 32).
 */
export interface MouseEvent {
  button: number;
  x: number;
  y: number;
  release: boolean;
  wheel?: 'up' | 'down';
  motion: boolean;
  shift: boolean;
  ctrl: boolean;
  meta: boolean;
}
