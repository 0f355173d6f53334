// The Logs tab: the selected container's last 1000 lines, then live. Opens its stream
// a moment after the selection settles (arrowing through 50 containers opens one
// stream, not 50) and closes it when the selection, tab or pane changes.
import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { LogFollower, type LogSnapshot } from '../../docker/log-follower.js';
import { Store } from '../../docker/store.js';
import { sanitize } from '../../text/sanitize.js';
import { truncateToWidth } from '../../text/width.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { followTop } from '../app/navigation.js';
import { useApp } from '../app/use-app.js';

const SETTLE_MS = 120;
const EMPTY = new Store<LogSnapshot | undefined>(undefined);

function useLogFollower(containerId: string): LogSnapshot | undefined {
  const ctx = useApp();
  const [follower, setFollower] = useState<LogFollower>();
  useEffect(() => {
    const next = new LogFollower(ctx.session, containerId);
    const timer = setTimeout(() => {
      next.start();
      ctx.live.logs = next;
      setFollower(next);
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      next.stop();
      if (ctx.live.logs === next) ctx.live.logs = undefined;
    };
  }, [ctx, containerId]);
  const current = follower?.containerId === containerId ? follower : undefined;
  return useStore<LogSnapshot | undefined>(current?.store ?? EMPTY);
}

export function LogsView({ containerId, width, height }: { containerId: string; width: number; height: number }) {
  const { ui, session } = useApp();
  const scroll = useStore(ui).logScroll;
  const engineLost = useStore(session.connection).status === 'lost';
  const log = useLogFollower(containerId);
  if (!log || (log.state === 'loading' && log.lines.length === 0)) {
    return <Text color={theme.muted}>Loading logs…</Text>;
  }
  // The last line is the log's own status line.
  const bodyHeight = height - 1;
  const { lines } = log;
  const top = scroll.topSeq ?? followTop(log, bodyHeight);
  const start = Math.max(0, top - lines.dropped);
  const shown = lines.slice(start, start + bodyHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" height={bodyHeight}>
        {lines.length === 0 ? <Text color={theme.muted}>No log output yet</Text> : null}
        {shown.map((line, i) => (
          <Text key={i} wrap="truncate" color={line.stream === 'stderr' ? theme.stderr : undefined}>
            {truncateToWidth(sanitize(line.text), width)}
          </Text>
        ))}
      </Box>
      <Text wrap="truncate" color={log.state === 'error' ? theme.error : theme.muted}>
        {truncateToWidth(logPosition(log, scroll.topSeq, engineLost), width)}
      </Text>
    </Box>
  );
}

/** "following · 1,234 lines", "paused at line 120 of 1,234 · End to follow", or why not live. */
export function logPosition(log: LogSnapshot, topSeq: number | null, engineLost = false): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const dropped = log.lines.dropped ? ` (${count(log.lines.dropped)} dropped)` : '';
  const total = `${count(log.lines.totalPushed)} lines${dropped}`;
  // A killed engine ends the stream cleanly: it is not the end of the log.
  if (engineLost && log.state !== 'live') return `engine unreachable — the log resumes from line ${count(log.lines.totalPushed)} when it is back`;
  if (log.state === 'error') return `log stream lost: ${log.error ?? ''} — resumes when the engine is back · ${total}`;
  const where = topSeq === null ? 'following' : `paused at line ${count(topSeq + 1)} · End to follow`;
  if (log.state === 'ended') return `${topSeq === null ? 'end of log' : where} · the container is not running · ${total}`;
  return `${where} · ${total}`;
}
