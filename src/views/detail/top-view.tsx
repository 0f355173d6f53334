// The Top tab: `docker top` for the selected container, re-read every 2 s while shown.
import { Text } from '../../ui/text.js';
import { Table, type Column } from '../../ui/table/table.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { useApp } from '../app/use-app.js';

const FIXED: Record<string, number> = { UID: 8, PID: 8, PPID: 8, C: 3, STIME: 6, TTY: 6, TIME: 9 };

export function TopView({ containerId, running, width, height }: { containerId: string; running: boolean; width: number; height: number }) {
  const ctx = useApp();
  const scroll = useStore(ctx.ui).topScroll;
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
  const columns: Column<string[]>[] = titles.map((title, i) => ({
    title,
    value: (row) => row[i] ?? '',
    ...(FIXED[title] !== undefined ? { width: FIXED[title] } : { grow: 1 }),
  }));
  const rows = top.result?.processes ?? [];
  // No selection here: the scroll offset picks the first process shown.
  return <Table columns={columns} rows={rows.slice(scroll)} selected={-1} height={height - 1} width={width} focused={false} emptyText="No processes" />;
}
