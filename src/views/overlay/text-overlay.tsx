// A scrollable, searchable text view over the body: image history, inspect JSON.
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import { theme } from '../../ui/theme.js';
import type { TextOverlay } from '../../app/ui-state.js';
import { keyLabel, scrollKeys } from '../../keys/labels.js';
import { inspectMatches, matchCount } from '../../state/log-search.js';
import { HighlightedLine } from '../highlighted-line.js';
import { sanitizeLine } from '../../text/sanitize.js';

/** ' · "net" 2/3 matches · n/N': where the last jump is among the matching lines, and how many. */
function searchStatus(lines: readonly string[], search: string, at: number | null): string {
  const matches = inspectMatches(lines, search);
  const index = at === null ? -1 : matches.indexOf(at);
  return ` · "${search}" ${index >= 0 ? `${index + 1}/` : ''}${matchCount(matches.length)} · ${keyLabel('overlay.next')}/${keyLabel('overlay.prev')}`;
}

export function TextOverlayView({ overlay, width, height }: { overlay: TextOverlay; width: number; height: number }) {
  const inner = height - 3;
  const visible = overlay.lines.slice(overlay.scroll, overlay.scroll + inner);
  const end = Math.min(overlay.lines.length, overlay.scroll + inner);
  const position = `${overlay.scroll + 1}-${end} of ${overlay.lines.length}`;
  const search = overlay.search ?? '';
  // The search comes first after the position: a narrow terminal cuts the key list, not the count.
  const found = search ? searchStatus(overlay.lines, search, overlay.searchAt ?? null) : ` · ${keyLabel('overlay.search')} search`;
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.accent} paddingX={1} overflow="hidden">
      <Text bold color={theme.accent} wrap="truncate">
        {overlay.title}{' '}
        <Text color={theme.muted}>
          · {position}
          {found} · {scrollKeys()} scroll{overlay.exportLines ? ` · ${keyLabel('overlay.export')} export` : ''} · {keyLabel('overlay.close')} close
        </Text>
      </Text>
      {visible.map((line, i) => (
        <HighlightedLine key={overlay.scroll + i} text={sanitizeLine(line, true) || ' '} search={search} current={overlay.scroll + i === overlay.searchAt} />
      ))}
    </Box>
  );
}
