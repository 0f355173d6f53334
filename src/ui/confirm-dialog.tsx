// A modal question drawn over the middle of the screen. No is the default: Enter,
// n and Esc all cancel; only y confirms.

import { Text } from './text.js';
import { Modal, modalFill } from './modal.js';
import { theme } from './theme.js';
import { wrapToWidth } from '../text/wrap.js';

export interface ConfirmDialogProps {
  title: string;
  lines: string[];
  danger: boolean;
  /** Replaces the default "y confirm · n/Esc cancel" line when the dialog offers more. */
  footer: string;
  cols: number;
  rows: number;
}

export function ConfirmDialog({ title, lines, danger, footer, cols, rows }: ConfirmDialogProps) {
  const width = Math.min(cols - 4, Math.max(50, ...lines.map((l) => l.length + 6), title.length + 6));
  // A line wider than the dialog (a long error, a long name) wraps instead of being cut:
  // what the person confirms is shown whole. The dialog grows up to the screen's height.
  const room = Math.max(1, rows - 5);
  const wrapped = lines.flatMap((l) => wrapToWidth(l, Math.max(10, width - 4)).rows);
  const shown = wrapped.length > room ? [...wrapped.slice(0, room - 1), '…'] : wrapped;
  const height = shown.length + 5;
  const fill = modalFill(width);
  return (
    <Modal width={width} height={height} cols={cols} rows={rows} borderColor={danger ? theme.danger : theme.accent}>
      <Text bold wrap="truncate" color={danger ? theme.danger : theme.accent}>
        {fill(title)}
      </Text>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate">
          {fill(line)}
        </Text>
      ))}
      <Text>{fill('')}</Text>
      <Text wrap="truncate">{fill(footer)}</Text>
    </Modal>
  );
}
