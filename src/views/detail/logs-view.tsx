// The Logs tab: the selected container's last lines (tail 100/1000/10000/all, or since a
// time), then live, as the detail model (src/state/detail-model.ts) streams them. Only
// the rows on screen are laid out: filters and searches keep incremental indexes
// (src/state/log-index.ts), so 100k lines stay fast.
import { counted } from '../../text/plural.js';
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import type { LogSnapshot } from '../../state/log-follower.js';
import { truncateToWidth } from '../../text/width.js';
import { groupDigits } from '../../text/group-digits.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import type { AppContextValue } from '../../app/app-context.js';
import { useApp } from '../app/use-app.js';
import type { LogView } from '../../app/ui-state.js';
import { compileFilter, searchIndex, viewRows, type LogRows } from '../../state/log-index.js';
import { lineRows, renderLine } from './log-line.js';
import { topIndex } from '../../app/log-scroll.js';
import { keyLabel } from '../../keys/labels.js';

/** The log the detail model has open for this container, if any yet. */
function useLogSnapshot(ctx: AppContextValue, containerId: string): LogSnapshot | undefined {
  const detail = useStore(ctx.detail.store);
  return detail.target?.tab === 'logs' && detail.target.containerId === containerId ? detail.logs : undefined;
}

/** The screen rows for the window starting at row `top` (or ending at the last row when following). */
function windowRows(log: LogSnapshot, rows: LogRows, view: LogView, top: number, following: boolean, width: number, height: number): React.ReactNode[] {
  const { lines } = log;
  const line = (i: number) => lines.get(rows.seqAt(i) - lines.dropped)!;
  if (!view.wrap) {
    const out: React.ReactNode[] = [];
    for (let i = top; i < Math.min(rows.count, top + height); i++) out.push(...renderLine(line(i), view, width, rows.seqAt(i)));
    return out;
  }
  if (following) {
    // Walk back from the end until the screen is full; only those lines are wrapped.
    let used = 0;
    let first = rows.count;
    while (first > 0 && used < height) used += lineRows(line(--first), view, width);
    const out: React.ReactNode[] = [];
    for (let i = first; i < rows.count; i++) out.push(...renderLine(line(i), view, width, rows.seqAt(i), i === first ? Math.max(0, used - height) : 0));
    return out;
  }
  const out: React.ReactNode[] = [];
  for (let i = top; i < rows.count && out.length < height; i++) out.push(...renderLine(line(i), view, width, rows.seqAt(i)));
  return out.slice(0, height);
}

export function LogsView({ containerId, width, height }: { containerId: string; width: number; height: number }) {
  const ctx = useApp();
  const ui = useStore(ctx.ui);
  const view = ui.logView;
  const scroll = ui.logScroll;
  const log = useLogSnapshot(ctx, containerId);
  const engineLost = useStore(ctx.session.connection).status === 'lost';
  if (!log || (log.state === 'loading' && log.lines.length === 0)) {
    return <Text color={theme.muted}>Loading logs…</Text>;
  }
  // The last line is the log's own status line.
  const bodyHeight = height - 1;
  const rows = viewRows(log.lines, view.filter);
  const top = topIndex(rows, scroll.topSeq, bodyHeight);
  const shown = windowRows(log, rows, view, top, scroll.topSeq === null, width, bodyHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" height={bodyHeight}>
        {log.lines.length === 0 && log.noLogsDriver ? <Text color={theme.warning}>{noLogsSentence(log.noLogsDriver)}</Text> : null}
        {log.lines.length === 0 && !log.noLogsDriver ? <Text color={theme.muted}>No log output yet</Text> : null}
        {log.lines.length > 0 && rows.count === 0 ? <Text color={theme.muted}>No line matches the filter</Text> : null}
        {shown}
      </Box>
      <Text wrap="truncate" color={log.state === 'error' ? theme.error : theme.muted}>
        {truncateToWidth(logPosition(log, scroll.topSeq, view, rows, top, engineLost), width)}
      </Text>
    </Box>
  );
}

const count = groupDigits;

/** Said in full (the pane wraps it): why there is nothing, and what shows the output instead. */
export function noLogsSentence(driver: string): string {
  return `This container's logging driver (${driver}) keeps no logs, so there is nothing to show here. To watch its output as it is printed, attach to it: press ${keyLabel('container.attach')}.`;
}

/** What the log is showing: position, search and filter first (the line is narrow), then size and modes. */
export function logPosition(log: LogSnapshot, topSeq: number | null, view?: LogView, rows?: LogRows, top = 0, engineLost = false): string {
  const dropped = log.lines.dropped ? ` (${count(log.lines.dropped)} dropped)` : '';
  const total = `${counted(log.lines.totalPushed, 'line', 'lines', count(log.lines.totalPushed))}${dropped}`;
  // A killed engine ends the stream cleanly: it is not the end of the log.
  if (engineLost && log.state !== 'live') return `engine unreachable — the log resumes from line ${count(log.lines.totalPushed)} when it is back`;
  const found = view ? searchAndFilter(log, view, rows) : '';
  const modes = view ? logModes(view) : '';
  if (log.state === 'error') return `log stream lost: ${log.error ?? ''} — resumes when the engine is back${found} · ${total}${modes}`;
  const where =
    topSeq === null
      ? 'following'
      : `paused at ${rows && view?.filter ? `match ${count(top + 1)}` : `line ${count(topSeq + 1)}`} · ${keyLabel('move.end')}/${keyLabel('logs.follow')} to follow`;
  if (log.noLogsDriver && log.lines.length === 0) return `no logs: logging driver ${log.noLogsDriver}`;
  if (log.state === 'ended') return `${topSeq === null ? 'end of log' : where}${found} · ${log.endedWhy ?? 'the container is not running'} · ${total}${modes}`;
  return `${where}${found} · ${total}${modes}`;
}

function searchAndFilter(log: LogSnapshot, view: LogView, rows: LogRows | undefined): string {
  const parts: string[] = [];
  if (view.search) {
    const index = searchIndex(log.lines, view.search);
    const at = view.searchAt !== null && index.count ? `${count(Math.min(index.count, index.indexOf(view.searchAt) + 1))}/` : '';
    parts.push(`"${view.search}" ${counted(index.count, 'match', 'matches', at + count(index.count))}`);
  }
  if (view.filter) {
    const bad = compileFilter(view.filter.pattern, view.filter.ignoreCase);
    parts.push(
      typeof bad === 'string' ? `bad filter: ${bad}` : `& /${view.filter.pattern}/${view.filter.ignoreCase ? 'i' : ''} ${count(rows?.count ?? 0)} shown`,
    );
  }
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}

function logModes(view: LogView): string {
  const parts: string[] = [`tail ${view.tail === 'all' ? 'all' : count(view.tail)}`];
  if (view.since) parts.push(`since ${view.since.input}`);
  if (view.timestamps) parts.push('T');
  if (view.wrap) parts.push('wrap');
  if (!view.colour) parts.push('no colour');
  return ` · ${parts.join(' · ')}`;
}
