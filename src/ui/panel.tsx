// A bordered pane with a title line; the border colour says which pane has focus.
import { type ReactNode } from 'react';
import { Box } from 'ink';
import { Text } from './text.js';
import { theme } from './theme.js';

export interface PanelProps {
  title: ReactNode;
  focused: boolean;
  width: number;
  height: number;
  children: ReactNode;
}

export function Panel({ title, focused, width, height, children }: PanelProps) {
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      borderColor={focused ? theme.focusBorder : theme.border}
      paddingX={1}
      overflow="hidden"
    >
      <Text wrap="truncate" bold={focused}>
        {title}
      </Text>
      {children}
    </Box>
  );
}
