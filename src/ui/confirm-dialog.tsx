// A modal question drawn over the middle of the screen. No is the default: Enter,
// n and Esc all cancel; only y confirms.

import { Text } from './text.js';
import { Modal, modalFill } from './modal.js';
import { theme } from './theme.js';

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
  const height = lines.length + 5;
  const fill = modalFill(width);
  return (
    <Modal width={width} height={height} cols={cols} rows={rows} borderColor={danger ? theme.danger : theme.dialogBorder}>
      <Text bold wrap="truncate" color={danger ? theme.danger : theme.accent}>
        {fill(title)}
      </Text>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {fill(line)}
        </Text>
      ))}
      <Text>{fill('')}</Text>
      <Text wrap="truncate">{fill(footer)}</Text>
    </Modal>
  );
}
