// The Top tab: `docker top` for the selected container, re-read every 2 s while shown.
// CMD matters most: narrow panes drop the other columns before it (PID stays), and w
// wraps each process's whole command onto as many lines as it needs.
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import { Table, type Column } from '../../ui/table/table.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { useApp } from '../app/use-app.js';
import { wrapToWidth } from '../../text/wrap.js';
import { displayText } from '../../text/display.js';
import { padToWidth } from '../../text/width.js';
import { keyLabel } from '../../keys/labels.js';

/** Fixed widths, and which columns give way first when the pane is narrow (lowest number kept longest). */
const FIXED: Record<string, { width: number; priority?: number }> = {
  PID: { width: 8 },
  TIME: { width: 9, priority: 1 },
  UID: { width: 8, priority: 2 },
  STIME: { width: 6, priority: 3 },
  PPID: { width: 8, priority: 4 },
  TTY: { width: 6, priority: 5 },
  C: { width: 3, priority: 6 },
};
const PID_WIDTH = 8;

export function TopView({ containerId, running, width, height }: { containerId: string; running: boolean; width: number; height: number }) {
  const ctx = useApp();
  const { topScroll: scroll, topWrap } = useStore(ctx.ui);
  const detail = useStore(ctx.detail.store);
  const top = running && detail.top?.containerId === containerId ? detail.top : undefined;
  if (!running) return <Text color={theme.muted}>The container is not running: no processes.</Text>;
  if (!top || top.loading) return <Text color={theme.muted}>Reading processes…</Text>;
  if (top.error)
    return (
      <Text color={theme.error} wrap="truncate">
        {top.error}
      </Text>
    );
  const titles = top.result?.titles ?? [];
  const rows = top.result?.processes ?? [];
  if (topWrap) return <WrappedTop titles={titles} rows={rows.slice(scroll)} width={width} height={height} />;
  const columns: Column<string[]>[] = titles.map((title, i) => ({
    title,
    value: (row) => row[i] ?? '',
    // CMD (COMMAND on some engines) and any column not named here share what is left.
    ...(FIXED[title] ?? { grow: 1, minWidth: 12 }),
  }));
  // No selection here: the scroll offset picks the first process shown.
  return (
    <Box flexDirection="column" height={height}>
      <Table columns={columns} rows={rows.slice(scroll)} selected={-1} height={height - 2} width={width} focused={false} emptyText="No processes" />
      <Text wrap="truncate" color={theme.muted}>
        {`${keyLabel('logs.wrap')} whole commands`}
      </Text>
    </Box>
  );
}

/** PID and the whole command, wrapped under itself: nothing of a long command line is cut. */
function WrappedTop({ titles, rows, width, height }: { titles: readonly string[]; rows: readonly string[][]; width: number; height: number }) {
  const pid = titles.indexOf('PID');
  const cmd = titles.findIndex((t) => t === 'CMD' || t === 'COMMAND');
  const cmdIndex = cmd >= 0 ? cmd : titles.length - 1;
  const cmdWidth = Math.max(1, width - PID_WIDTH - 1);
  const lines: string[] = [];
  for (const row of rows) {
    const parts = wrapToWidth(displayText(row[cmdIndex] ?? ''), cmdWidth).rows;
    parts.forEach((part, i) => lines.push(`${padToWidth(i === 0 ? displayText(row[pid] ?? '') : '', PID_WIDTH)} ${part}`));
    if (lines.length >= height - 2) break;
  }
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate">
        {`${padToWidth('PID', PID_WIDTH)} ${titles[cmdIndex] ?? 'CMD'}`}
      </Text>
      <Box flexDirection="column" height={height - 2}>
        {lines.slice(0, height - 2).map((line, i) => (
          <Text key={i} wrap="truncate">
            {line}
          </Text>
        ))}
      </Box>
      <Text wrap="truncate" color={theme.muted}>
        {`${keyLabel('logs.wrap')} table`}
      </Text>
    </Box>
  );
}
