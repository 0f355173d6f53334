// A form (or a one-line prompt) drawn over the middle of the screen.

import { Text } from '../text.js';
import { Modal, modalFill } from '../modal.js';
import { cellWidth, padToWidth, truncateToWidth } from '../../text/width.js';
import { theme } from '../theme.js';
import { placeholderOf, type FormState } from './form-state.js';
import { fieldWindow } from './text-edit.js';

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
  // Taller than the screen (60×15): show a window of fields that keeps the focused one in view.
  const visible = Math.max(1, Math.min(form.fields.length, rows - 6));
  const first = Math.min(Math.max(0, form.focus - visible + 1), form.fields.length - visible);
  const height = visible + 6;
  const fill = modalFill(width);
  const focusedHint = form.fields[form.focus]?.hint;
  const more = visible < form.fields.length ? ` (${first + 1}–${first + visible} of ${form.fields.length} fields)` : '';
  return (
    <Modal width={width} height={height} cols={cols} rows={rows} borderColor={theme.dialogBorder}>
      <Text bold color={theme.accent}>
        {fill(title + more)}
      </Text>
      {form.fields.slice(first, first + visible).map((f, n) => {
        const i = first + n;
        const focused = i === form.focus;
        const raw = form.values[f.name];
        const valueWidth = inner - labelWidth - 3;
        const label = (
          <Text color={focused ? theme.accent : undefined} bold={focused}>
            {padToWidth(` ${focused ? '›' : ' '} ${f.label}`, labelWidth + 3)}
          </Text>
        );
        if (f.kind === 'text') {
          const value = String(raw ?? '');
          const placeholder = placeholderOf(f, form.values);
          if (!value && (!focused || placeholder)) {
            // The placeholder, with the cursor on its first cell when focused.
            const shown = truncateToWidth(placeholder ?? '', valueWidth - 1);
            return (
              <Text key={f.name} wrap="truncate">
                {label}
                {focused ? <Text inverse> </Text> : null}
                <Text color={theme.muted}>{padToWidth(shown, focused ? valueWidth - 1 : valueWidth)}</Text>
              </Text>
            );
          }
          const shownValue = f.secret ? '•'.repeat([...value].length) : value;
          const cursor = f.secret ? [...value.slice(0, form.cursor)].length : form.cursor;
          if (!focused) {
            return (
              <Text key={f.name} wrap="truncate">
                {label}
                <Text>{padToWidth(truncateToWidth(shownValue, valueWidth - 1), valueWidth)}</Text>
              </Text>
            );
          }
          const win = fieldWindow(shownValue, cursor, valueWidth - 1);
          return (
            <Text key={f.name} wrap="truncate">
              {label}
              <Text>{win.before}</Text>
              <Text inverse>{win.at}</Text>
              <Text>{padToWidth(win.after, valueWidth - cellWidth(win.before) - cellWidth(win.at))}</Text>
            </Text>
          );
        }
        const shown = f.kind === 'toggle' ? (raw ? '[x]' : '[ ]') : `‹ ${String(raw)} ›`;
        return (
          <Text key={f.name} wrap="truncate">
            {label}
            <Text inverse={focused}>{padToWidth(truncateToWidth(shown, valueWidth - 1), valueWidth)}</Text>
          </Text>
        );
      })}
      <Text>{fill('')}</Text>
      <Text color={form.error ? theme.error : theme.muted}>{fill(form.error ?? focusedHint ?? note ?? '')}</Text>
      <Text color={theme.muted}>{fill(keys)}</Text>
    </Modal>
  );
}
