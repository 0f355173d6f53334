// The Inspect tab: the container's (or image's) inspect JSON, scrollable and searchable.
import { counted } from '../../text/plural.js';
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import type { InspectTarget } from '../../state/inspect-loader.js';
import { truncateToWidth } from '../../text/width.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { useApp } from '../app/use-app.js';
import { HighlightedLine } from '../highlighted-line.js';
import { inspectMatches } from '../../state/log-search.js';
import { keyLabel } from '../../keys/labels.js';
import { inspectRows } from '../../app/inspect-rows.js';

export function InspectView({ target, width, height }: { target: InspectTarget; width: number; height: number }) {
  const ctx = useApp();
  const view = useStore(ctx.ui).inspect;
  const detail = useStore(ctx.detail.store);
  const snap = detail.inspect?.target.id === target.id ? detail.inspect : undefined;
  if (!snap || snap.loading) return <Text color={theme.muted}>Reading inspect…</Text>;
  if (snap.error)
    return (
      <Text color={theme.error} wrap="truncate">
        {snap.error}
      </Text>
    );
  const body = height - 1;
  const { rows, lineOf } = inspectRows(snap.lines, view.wrap, width);
  const top = Math.max(0, Math.min(view.top, rows.length - body));
  const matches = view.search ? inspectMatches(snap.lines, view.search) : [];
  const first = (lineOf[top] ?? 0) + 1;
  const last = lineOf[Math.min(rows.length, top + body) - 1] ?? 0;
  // Where it is, then the keys a long value needs: wrap (w) and export (o).
  const keys = `${keyLabel('logs.wrap')} ${view.wrap ? 'nowrap' : 'wrap'} · ${keyLabel('logs.save')} export`;
  const status =
    `lines ${first}–${last + 1} of ${snap.lines.length}` +
    (view.search
      ? ` · "${view.search}" ${counted(matches.length, 'matching line')} · ${keyLabel('detail.next')}/${keyLabel('detail.prev')}`
      : ` · ${keyLabel('detail.search')} search`) +
    ` · ${keys}`;
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" height={body}>
        {rows.slice(top, top + body).map((row, i) => (
          <HighlightedLine key={i} text={truncateToWidth(row, width)} search={view.search} current={lineOf[top + i] === view.searchAt} />
        ))}
      </Box>
      <Text wrap="truncate" color={theme.muted}>
        {truncateToWidth(status, width)}
      </Text>
    </Box>
  );
}
