// The Stats tab: live CPU, memory, network and block I/O of the selected container,
// from the engine's streaming stats (one sample a second), with the last minute of CPU
// and memory as sparklines. The stream closes when the tab or the selection changes.
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import { formatSize } from '../../engine/models/format.js';
import { sparkline, STATS_HISTORY_SECONDS } from '../../engine/models/stats.js';
import { truncateToWidth } from '../../text/width.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { useApp } from '../app/use-app.js';

const LABEL = 10;

function Line({ label, value, width }: { label: string; value: string; width: number }) {
  return (
    <Text wrap="truncate">
      <Text color={theme.muted}>{label.padEnd(LABEL)}</Text>
      {truncateToWidth(value, width - LABEL)}
    </Text>
  );
}

export function StatsView({ containerId, running, width, height }: { containerId: string; running: boolean; width: number; height: number }) {
  const ctx = useApp();
  const detail = useStore(ctx.detail.store);
  const stats = running && detail.stats?.containerId === containerId ? detail.stats : undefined;
  if (!running) return <Text color={theme.muted}>The container is not running: no live usage.</Text>;
  if (!stats?.latest) {
    return stats?.error ? (
      <Text color={theme.error} wrap="truncate">
        {stats.error}
      </Text>
    ) : (
      <Text color={theme.muted}>Waiting for the first sample…</Text>
    );
  }
  const s = stats.latest;
  const graph = Math.max(10, Math.min(STATS_HISTORY_SECONDS, width - LABEL));
  const cpu = stats.history.map((h) => h.cpuPercent ?? 0);
  const mem = stats.history.map((h) => h.memUsage);
  return (
    <Box flexDirection="column" height={height}>
      <Line label="CPU" value={s.cpuPercent === null ? 'measuring…' : `${s.cpuPercent.toFixed(2)}%`} width={width} />
      <Text color={theme.success} wrap="truncate">
        {' '.repeat(LABEL)}
        {sparkline(cpu, graph, Math.max(100, ...cpu))}
      </Text>
      <Line label="Memory" value={`${formatSize(s.memUsage)} / ${formatSize(s.memLimit)} (${s.memPercent.toFixed(2)}%)`} width={width} />
      <Text color={theme.accent} wrap="truncate">
        {' '.repeat(LABEL)}
        {sparkline(mem, graph)}
      </Text>
      <Line label="Net I/O" value={`rx ${formatSize(s.netRx)} / tx ${formatSize(s.netTx)}`} width={width} />
      <Line label="Block I/O" value={`read ${formatSize(s.blockRead)} / write ${formatSize(s.blockWrite)}`} width={width} />
      <Line label="PIDs" value={String(s.pids)} width={width} />
      <Text color={theme.muted} wrap="truncate">
        {truncateToWidth(`last ${stats.history.length} s · one sample a second (streaming)`, width)}
      </Text>
      {stats.error ? (
        <Text color={theme.error} wrap="truncate">
          {truncateToWidth(stats.error, width)}
        </Text>
      ) : null}
    </Box>
  );
}
