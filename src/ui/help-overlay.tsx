// Every key, grouped by where it works, generated from the keymap. Laid out in as many
// columns as fit without cutting help text; what still does not fit scrolls (↓/PgDn),
// so a 80×24 terminal shows every key too, not just the first screenful.
import React from 'react';
import { Box, Text } from 'ink';
import type { HelpSection } from '../keys/help.js';
import { cellWidth, padToWidth, truncateToWidth } from '../text/width.js';
import { theme } from './theme.js';

interface HelpLine {
  text: string;
  heading?: boolean;
}

export interface HelpPage {
  columns: HelpLine[][];
  colWidth: number;
  /** Lines of each column shown at once. */
  visible: number;
  /** Largest scroll offset (0 when everything fits). */
  maxScroll: number;
}

/** Border (2) + padding (2) across; border (2) + title (1) + "more" line (1) down. */
const CHROME = { cols: 4, rows: 4 } as const;
const GAP = 2;

/** Pure: how the help for `sections` is laid out in a box of width×height. */
export function helpPage(sections: readonly HelpSection[], width: number, height: number): HelpPage {
  const keyWidth = Math.max(...sections.flatMap((s) => s.rows.map((r) => cellWidth(r.keys)))) + 2;
  const lines: HelpLine[] = [];
  for (const section of sections) {
    lines.push({ text: section.title, heading: true });
    for (const row of section.rows) lines.push({ text: `  ${padToWidth(row.keys, keyWidth)}${row.help}` });
  }
  const inner = Math.max(10, width - CHROME.cols);
  const visible = Math.max(1, height - CHROME.rows);
  const widest = Math.max(...lines.map((l) => cellWidth(l.text)));
  // As many columns as are needed to avoid scrolling, but never so many that help text is cut.
  const fitting = Math.max(1, Math.floor((inner + GAP) / (widest + GAP)));
  const count = Math.min(fitting, Math.ceil(lines.length / visible));
  const perColumn = Math.ceil(lines.length / count);
  const columns = Array.from({ length: count }, (_, c) => lines.slice(c * perColumn, (c + 1) * perColumn));
  const colWidth = count === 1 ? inner : Math.floor((inner - GAP * (count - 1)) / count);
  return { columns, colWidth, visible, maxScroll: Math.max(0, perColumn - visible) };
}

export function HelpOverlay({ sections, width, height, scroll = 0 }: { sections: HelpSection[]; width: number; height: number; scroll?: number }) {
  const page = helpPage(sections, width, height);
  const top = Math.min(Math.max(0, scroll), page.maxScroll);
  const more = page.maxScroll === 0 ? '' : top >= page.maxScroll ? '↑ PgUp for the keys above' : '↓ PgDn for more keys';
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold color={theme.accent} wrap="truncate">
        Keys — Esc or ? to close
      </Text>
      <Box flexDirection="row" height={page.visible}>
        {page.columns.map((column, c) => (
          <Box key={c} flexDirection="column" width={page.colWidth} marginLeft={c === 0 ? 0 : GAP}>
            {column.slice(top, top + page.visible).map((l, i) => (
              <Text key={i} bold={l.heading} color={l.heading ? theme.accent : undefined} wrap="truncate">
                {truncateToWidth(l.text, page.colWidth)}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      <Text color={theme.muted} wrap="truncate">{more}</Text>
    </Box>
  );
}
