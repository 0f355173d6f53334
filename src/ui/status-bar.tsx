// The one-line outcome of the last action ("stopped web-1", "409: conflict …").

import { Text } from './text.js';
import { theme } from './theme.js';
import { cellWidth, truncateToWidth } from '../text/width.js';

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

/**
 * One row: a message too long for it is cut, and says which key (`moreKey`) opens it whole,
 * so nothing of an error is lost to the width of the terminal.
 */
export function StatusBar({ status, width, moreKey }: { status?: StatusMessage; width: number; moreKey?: string }) {
  return (
    <Text wrap="truncate" color={status ? COLORS[status.kind] : undefined}>
      {status ? statusLine(status.text, width, moreKey) : ' '}
    </Text>
  );
}

export function statusLine(text: string, width: number, moreKey?: string): string {
  const oneLine = text.includes('\n') ? text.split('\n')[0]! + ' …' : text;
  if (cellWidth(oneLine) <= width && oneLine === text) return text;
  if (!moreKey) return truncateToWidth(oneLine, width);
  const more = ` (${moreKey}: all)`;
  return truncateToWidth(oneLine, Math.max(1, width - cellWidth(more))) + more;
}

export function HintBar({ text }: { text: string }) {
  return (
    <Text wrap="truncate" color={theme.muted}>
      {text}
    </Text>
  );
}
