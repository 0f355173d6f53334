// Reading the hint bar (the screen's bottom line) by meaning: which keys it offers, and so
// which pane has them, without depending on the hints' order or how many fit on the line.

/** The key hints on the screen's bottom line, e.g. ['l logs', 't top', …]. */
export function hintsOf(screen: string): string[] {
  const last =
    screen
      .split('\n')
      .filter((l) => l.trim() !== '')
      .at(-1) ?? '';
  return last.split(' · ').map((h) => h.trim());
}

/**
 * Which pane the hint bar says has the keys, by the keys only it offers (not by their
 * order or the whole line, which grow as features are added): s stop is the Containers
 * list's, d remove without s stop the Images list's, / search the detail pane's.
 */
export function hintedPane(screen: string): 'containers' | 'images' | 'detail' | undefined {
  const hints = hintsOf(screen);
  // The detail pane also offers the keys of the container it shows (s stop…), after its
  // own: its search (/ search, where a list has / filter) or its zoom tells it apart.
  if (hints.includes('/ search') || hints.includes('z zoom')) return 'detail';
  if (hints.includes('s stop')) return 'containers';
  if (hints.includes('d remove')) return 'images';
  if (hints.includes('l logs')) return 'detail';
  return undefined;
}
