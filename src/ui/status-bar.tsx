// The one-line outcome of the last action ("stopped web-1", "409: conflict …").

import { Text } from './text.js';
import { theme } from './theme.js';

export type StatusKind = 'info' | 'progress' | 'success' | 'error';

export interface StatusMessage {
  text: string;
  kind: StatusKind;
}

/** Read when drawn: the theme is filled in at start (theme.ts). */
const colorOf = (kind: StatusKind): string | undefined =>
  kind === 'progress' ? theme.warning : kind === 'success' ? theme.success : kind === 'error' ? theme.error : undefined;

export function StatusBar({ status, width }: { status?: StatusMessage; width: number }) {
  return (
    <Text wrap="truncate" color={status ? colorOf(status.kind) : undefined}>
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
