// The Engine view (4): `docker version` + `docker info` essentials, registry mirrors and
// insecure registries, and `docker system df`. Read while on screen, re-read on events.
import { useEffect } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import { overviewLines } from '../../engine/models/engine-overview.js';
import { engineRows } from '../../app/layout.js';
import { Panel } from '../../ui/panel.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { useApp } from '../app/use-app.js';
import { keyLabel, keyLabels } from '../../keys/labels.js';

export function EnginePane({ width, height }: { width: number; height: number }) {
  const { session, ui } = useApp();
  useEffect(() => session.overview.acquire(), [session]);
  const state = useStore(session.overview.store);
  const scroll = useStore(ui).engineScroll;
  const lines = state.value ? overviewLines(state.value) : [];
  const rows = engineRows(height) - (state.error ? 1 : 0);
  const top = Math.max(0, Math.min(scroll, lines.length - rows));
  const below = lines.length - top - rows;
  const more =
    below > 0
      ? `↓ ${below} more line(s): ${keyLabels('move.down').split('/')[1] ?? ''}/${keyLabel('move.pageDown')}`
      : top > 0
        ? `↑ ${keyLabels('move.up').split('/')[1] ?? ''}/${keyLabel('move.pageUp')} for the lines above`
        : '';
  return (
    <Panel
      focused
      width={width}
      height={height}
      title={
        <Text>
          <Text color={theme.muted}>[4] </Text>
          <Text bold>Engine</Text>
        </Text>
      }
    >
      {state.error ? (
        <Text color={theme.error} wrap="truncate">
          {state.error}
        </Text>
      ) : null}
      {!state.loaded ? <Text color={theme.muted}>Loading…</Text> : null}
      <Box flexDirection="column">
        {lines.slice(top, top + rows).map((l, i) => (
          <Text key={i} bold={l.heading} color={l.heading ? theme.accent : undefined} wrap="truncate">
            {l.text || ' '}
          </Text>
        ))}
      </Box>
      {more ? (
        <Text color={theme.muted} wrap="truncate">
          {more}
        </Text>
      ) : null}
    </Panel>
  );
}
