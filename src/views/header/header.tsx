// The top lines: which engine, which versions, and whether it is reachable right now; then
// every pane as a tab with its key (src/app/pane-tabs.ts), the one in front highlighted.
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import { useStore } from '../../ui/use-store.js';
import { hasColour, theme } from '../../ui/theme.js';
import { useApp } from '../app/use-app.js';
import { unreachableNotice } from '../../engine/errors.js';
import { paneTabs } from '../../app/pane-tabs.js';
import { swarmManager } from '../../app/swarm-role.js';

export function Header({ width }: { width: number }) {
  return (
    <Box flexDirection="column" width={width} height={2}>
      <EngineLine width={width} />
      <PaneTabs width={width} />
    </Box>
  );
}

function PaneTabs({ width }: { width: number }) {
  const { session, ui, keymap, screen } = useApp();
  const state = useStore(ui);
  const manager = useStore(swarmManager(session));
  const tabs = paneTabs(keymap, state, width, manager);
  screen.setPaneTabs(tabs.map((t) => ({ id: t.action, from: t.from, to: t.to })));
  return (
    <Text wrap="truncate">
      {tabs.map((t) => {
        // Without colour (TERM=dumb drops reverse video too) the current tab is bracketed, same width.
        const [open, close] = t.current && !hasColour() ? ['[', ']'] : [' ', ' '];
        return (
          <Text key={t.action} inverse={t.current} bold={t.current} color={t.current ? theme.accent : undefined}>
            {open}
            <Text color={t.current ? undefined : theme.accent}>{t.key}</Text>
            {t.label ? <Text color={t.current ? undefined : theme.muted}>{` ${t.label}`}</Text> : null}
            {close}
          </Text>
        );
      })}
    </Text>
  );
}

function EngineLine({ width }: { width: number }) {
  const { session, readOnly, insecure } = useApp();
  const connection = useStore(session.connection);
  const info = session.engine.info;
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text bold color={theme.accent}>
          dtui
        </Text>
        {/* First after the name, so a narrow terminal cannot truncate it away. */}
        {insecure ? (
          <Text color={theme.alertFg} backgroundColor={theme.alertBg} inverse={!hasColour()}>
            {' '}
            NO TLS: anyone on the network can control this engine{' '}
          </Text>
        ) : null}
        {info.context ? (
          <Text>
            {' '}
            context <Text bold>{info.context}</Text> ·
          </Text>
        ) : null}
        <Text>
          {' '}
          {info.endpoint} · {info.product ?? 'Docker'} {info.serverVersion} · API {info.apiVersion} · {info.os}/{info.arch}
        </Text>
        {readOnly ? <Text color={theme.warning}> · read-only</Text> : null}
        {connection.status === 'lost' ? (
          <Text color={theme.alertFg} backgroundColor={theme.alertBg} inverse={!hasColour()}>
            {' '}
            {unreachableNotice(connection.error)}{' '}
          </Text>
        ) : null}
      </Text>
    </Box>
  );
}
