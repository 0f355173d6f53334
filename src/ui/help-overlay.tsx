// Every key, grouped by where it works, generated from the keymap.
import React from 'react';
import { Box, Text } from 'ink';
import type { HelpSection } from '../keys/help.js';
import { theme } from './theme.js';

export function HelpOverlay({ sections, width, height }: { sections: HelpSection[]; width: number; height: number }) {
  const lines: Array<{ text: string; heading?: boolean }> = [];
  for (const section of sections) {
    lines.push({ text: section.title, heading: true });
    for (const row of section.rows) lines.push({ text: `  ${row.keys.padEnd(22)} ${row.help}` });
  }
  // Two columns when the list is taller than the screen.
  const inner = height - 3;
  const columns = lines.length > inner ? 2 : 1;
  const perColumn = Math.ceil(lines.length / columns);
  const colWidth = Math.floor((width - 4) / columns);
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold color={theme.accent}>
        Keys — Esc or ? to close
      </Text>
      <Box flexDirection="row">
        {Array.from({ length: columns }, (_, c) => (
          <Box key={c} flexDirection="column" width={colWidth}>
            {lines.slice(c * perColumn, (c + 1) * perColumn).map((l, i) => (
              <Text key={i} bold={l.heading} color={l.heading ? theme.accent : undefined} wrap="truncate">
                {l.text}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
