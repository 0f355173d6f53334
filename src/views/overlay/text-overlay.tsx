// A scrollable text view over the body: image history, inspect JSON.
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import { theme } from '../../ui/theme.js';
import type { TextOverlay } from '../../app/ui-state.js';
import { keyLabel, scrollKeys } from '../../keys/labels.js';

export function TextOverlayView({ overlay, width, height }: { overlay: TextOverlay; width: number; height: number }) {
  const inner = height - 3;
  const visible = overlay.lines.slice(overlay.scroll, overlay.scroll + inner);
  const end = Math.min(overlay.lines.length, overlay.scroll + inner);
  const position = `${overlay.scroll + 1}-${end} of ${overlay.lines.length}`;
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.accent} paddingX={1} overflow="hidden">
      <Text bold color={theme.accent} wrap="truncate">
        {overlay.title}{' '}
        <Text color={theme.muted}>
          · {position} · {scrollKeys()} scroll{overlay.exportLines ? ` · ${keyLabel('overlay.export')} export` : ''} · {keyLabel('overlay.close')} close
        </Text>
      </Text>
      {visible.map((line, i) => (
        <Text key={overlay.scroll + i} wrap="truncate">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
