// The Engine view (4): `docker version` + `docker info` essentials, registry mirrors and
// insecure registries, and `docker system df`. Read while on screen, re-read on events.
import { useEffect } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import type { EngineOverview } from '../../engine/models/engine-overview.js';
import { formatSize } from '../../engine/models/format.js';
import { alignColumns } from '../../engine/models/history.js';
import { Panel, PANEL_CHROME } from '../../ui/panel.js';
import { theme } from '../../ui/theme.js';
import { useStore } from '../../ui/use-store.js';
import { useApp } from '../app/use-app.js';
import { keyLabel, keyLabels } from '../../keys/labels.js';

function percent(part: number, whole: number): string {
  return whole > 0 ? ` (${Math.floor((part * 100) / whole)}%)` : '';
}

/** The view's lines, pure so a test can read them without a terminal. */
export function overviewLines(o: EngineOverview): Array<{ text: string; heading?: boolean }> {
  const kv = (k: string, v: string) => ({ text: `${k.padEnd(20)} ${v}` });
  const c = o.containers;
  const lines: Array<{ text: string; heading?: boolean }> = [
    { text: 'Server', heading: true },
    kv('Version', o.serverVersion),
    kv('API version', `${o.apiVersion}, minimum ${o.minApiVersion}`),
    kv('OS/Arch', `${o.os}/${o.arch}`),
    kv('Operating system', o.osName),
    kv('Kernel', o.kernel),
    kv('Storage driver', o.storageDriver),
    kv('Cgroup driver', `${o.cgroupDriver}${o.cgroupVersion ? ` (cgroup v${o.cgroupVersion})` : ''}`),
    kv('Docker root dir', o.dockerRoot),
    kv('CPUs / memory', `${o.cpus} / ${formatSize(o.memory)}`),
    kv('Containers', `${c.total} (running ${c.running} · paused ${c.paused} · stopped ${c.stopped})`),
    kv('Images', String(o.images)),
    { text: '' },
    { text: 'Registries', heading: true },
    kv('Registry mirrors', o.mirrors.join(', ') || 'none'),
    kv('Insecure registries', o.insecureRegistries.join(', ') || 'none'),
    { text: '' },
    { text: 'Disk usage (docker system df)', heading: true },
  ];
  if (o.diskError) lines.push({ text: `disk usage unavailable: ${o.diskError}` });
  else {
    const table = alignColumns([
      ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE', 'PRUNE'],
      ...o.disk.map((d) => [d.type, String(d.total), String(d.active), formatSize(d.size),
        `${formatSize(d.reclaimable)}${percent(d.reclaimable, d.size)}`,
        { containers: 'C', images: 'I', volumes: 'V', buildCache: 'B' }[d.kind]]),
    ]);
    for (const t of table) lines.push({ text: t });
  }
  return lines;
}

/** Lines of the overview that fit: the panel's border and title, and one line saying there is more. */
export function engineRows(height: number): number {
  return Math.max(1, height - PANEL_CHROME.rows - 1);
}

export function EnginePane({ width, height }: { width: number; height: number }) {
  const { session, ui } = useApp();
  useEffect(() => session.overview.acquire(), [session]);
  const state = useStore(session.overview.store);
  const scroll = useStore(ui).engineScroll;
  const lines = state.value ? overviewLines(state.value) : [];
  const rows = engineRows(height) - (state.error ? 1 : 0);
  const top = Math.max(0, Math.min(scroll, lines.length - rows));
  const below = lines.length - top - rows;
  const more = below > 0 ? `↓ ${below} more line(s): ${keyLabels('move.down').split('/')[1] ?? ''}/${keyLabel('move.pageDown')}` : top > 0 ? `↑ ${keyLabels('move.up').split('/')[1] ?? ''}/${keyLabel('move.pageUp')} for the lines above` : '';
  return (
    <Panel focused width={width} height={height} title={<Text><Text color={theme.muted}>[4] </Text><Text bold>Engine</Text></Text>}>
      {state.error ? <Text color={theme.error} wrap="truncate">{state.error}</Text> : null}
      {!state.loaded ? <Text color={theme.muted}>Loading…</Text> : null}
      <Box flexDirection="column">
        {lines.slice(top, top + rows).map((l, i) => (
          <Text key={i} bold={l.heading} color={l.heading ? theme.accent : undefined} wrap="truncate">
            {l.text || ' '}
          </Text>
        ))}
      </Box>
      {more ? <Text color={theme.muted} wrap="truncate">{more}</Text> : null}
    </Panel>
  );
}
