// The top line: which engine, which versions, and whether it is reachable right now.
import { Box } from 'ink';
import { Text } from '../../ui/text.js';
import { useStore } from '../../ui/use-store.js';
import { theme } from '../../ui/theme.js';
import { useApp } from '../app/use-app.js';
import { unreachableNotice } from '../../engine/errors.js';

export function Header({ width }: { width: number }) {
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
          <Text color="white" backgroundColor={theme.error}>
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
          <Text color="white" backgroundColor={theme.error}>
            {' '}
            {unreachableNotice(connection.error)}{' '}
          </Text>
        ) : null}
      </Text>
    </Box>
  );
}
