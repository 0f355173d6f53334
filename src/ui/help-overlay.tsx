// Every key, grouped by where it works, generated from the keymap. Two or more columns
// only when the whole list then fits without scrolling; otherwise one column that
// scrolls (↓/PgDn), so columns never scroll past each other and a 80×24 terminal shows
// every key too. Long help text wraps under itself instead of being cut.

import { Box } from 'ink';
import { Text } from './text.js';
import type { HelpSection } from '../keys/help.js';
import { GAP, helpPage } from './help-page.js';
import { padToWidth } from '../text/width.js';
import { theme } from './theme.js';

/** Keys the overlay names (from the keymap): how to close it and page it. */
export interface HelpKeys {
  close: string;
  pageUp: string;
  pageDown: string;
}

export function HelpOverlay({
  sections,
  keys,
  width,
  height,
  scroll = 0,
}: {
  sections: HelpSection[];
  keys: HelpKeys;
  width: number;
  height: number;
  scroll?: number;
}) {
  const page = helpPage(sections, width, height);
  const top = Math.min(Math.max(0, scroll), page.maxScroll);
  const more = page.maxScroll === 0 ? '' : top >= page.maxScroll ? `↑ ${keys.pageUp} for the keys above` : `↓ ${keys.pageDown} for more keys`;
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold color={theme.accent} wrap="truncate">
        Keys — {keys.close} to close
      </Text>
      <Box flexDirection="row" height={page.visible}>
        {page.columns.map((column, c) => (
          <Box key={c} flexDirection="column" width={page.colWidth} marginLeft={c === 0 ? 0 : GAP}>
            {column.slice(top, top + page.visible).map((l, i) => (
              <Text key={i} bold={l.heading} color={l.heading ? theme.accent : undefined} wrap="truncate">
                {padToWidth(l.text, page.colWidth)}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      <Text color={theme.muted} wrap="truncate">
        {more}
      </Text>
    </Box>
  );
}
