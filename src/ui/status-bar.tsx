// The one-line outcome of the last action ("stopped web-1", "409: conflict …").

import { Text } from './text.js';
import { theme } from './theme.js';

export type StatusKind = 'info' | 'progress' | 'success' | 'error';

export interface StatusMessage {
  text: string;
  kind: StatusKind;
}

const COLORS: Record<StatusKind, string | undefined> = {
  info: undefined,
  progress: theme.warning,
  success: theme.success,
  error: theme.error,
};

export function StatusBar({ status, width }: { status?: StatusMessage; width: number }) {
  return (
    <Text wrap="truncate" color={status ? COLORS[status.kind] : undefined}>
      {status ? status.text.slice(0, width) : ' '}
    </Text>
  );
}

export function HintBar({ text }: { text: string }) {
  return (
    <Text wrap="truncate" color={theme.muted}>
      {text}
    </Text>
  );
}
