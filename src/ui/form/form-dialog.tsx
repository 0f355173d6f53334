// A form (or a one-line prompt) drawn over the middle of the screen.

import { Text } from '../text.js';
import { Modal, modalFill } from '../modal.js';
import { padToWidth, truncateToWidth } from '../../text/width.js';
import { theme } from '../theme.js';
import type { FormState } from './form-state.js';

export interface FormDialogProps {
  title: string;
  form: FormState;
  /** Shown under the fields: what Enter will do, or progress while it runs. */
  note?: string;
  /** The keys line at the bottom (from the keymap). */
  keys: string;
  cols: number;
  rows: number;
}

export function FormDialog({ title, form, note, keys, cols, rows }: FormDialogProps) {
  const width = Math.min(cols - 4, 90);
  const inner = width - 2;
  const labelWidth = Math.min(24, Math.max(...form.fields.map((f) => f.label.length)) + 1);
  const height = form.fields.length + 6;
  const fill = modalFill(width);
  return (
    <Modal width={width} height={height} cols={cols} rows={rows} borderColor={theme.accent}>
      <Text bold color={theme.accent}>{fill(title)}</Text>
      {form.fields.map((f, i) => {
        const focused = i === form.focus;
        const raw = form.values[f.name];
        const shown =
          f.kind === 'toggle' ? (raw ? '[x]' : '[ ]') :
          f.kind === 'choice' ? `‹ ${String(raw)} ›` :
          f.secret ? '•'.repeat(String(raw).length) : String(raw);
        const valueWidth = inner - labelWidth - 3;
        const empty = f.kind === 'text' && !raw;
        const text = empty && f.placeholder ? f.placeholder : shown;
        return (
          <Text key={f.name} wrap="truncate">
            <Text color={focused ? theme.accent : undefined} bold={focused}>
              {padToWidth(` ${focused ? '›' : ' '} ${f.label}`, labelWidth + 3)}
            </Text>
            <Text color={empty ? theme.muted : undefined} inverse={focused && f.kind !== 'text'}>
              {padToWidth(truncateToWidth(text, valueWidth - 1) + (focused && f.kind === 'text' ? '▏' : ''), valueWidth)}
            </Text>
          </Text>
        );
      })}
      <Text>{fill('')}</Text>
      <Text color={form.error ? theme.error : theme.muted}>{fill(form.error ?? note ?? '')}</Text>
      <Text color={theme.muted}>{fill(keys)}</Text>
    </Modal>
  );
}
