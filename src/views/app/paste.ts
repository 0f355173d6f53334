// A bracketed paste (see src/cli/input) is text for the field being edited — a form's
// text field or a list's filter prompt — and never keys: pasting "text\rs" must not
// accept the filter and then stop a container. With no text field in focus it is dropped.
import { useEffect } from 'react';
import { useStdin } from 'ink';
import type { AppContextValue } from '../../app/app-context.js';
import { withList, type ListId } from '../../app/ui-state.js';
import { formPaste } from '../../ui/form/form-state.js';

/** One line, as a one-line field holds it: line breaks and tabs become spaces. */
export function pastedLine(text: string): string {
  return text
    .replace(/\n+$/, '')
    .replace(/[\n\t]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/** Inserts pasted text where the person is typing; returns whether it went anywhere. */
export function pasteInto(ctx: AppContextValue, text: string): boolean {
  const line = pastedLine(text);
  if (!line) return false;
  const s = ctx.ui.get();
  if (s.form) {
    const { state } = s.form;
    const field = state.fields[state.focus];
    if (s.form.busy || !field || field.kind !== 'text') return false;
    // In at the cursor, like typing (form-state.ts).
    const step = formPaste(state, line);
    if (!step || step.type !== 'edit') return false;
    ctx.ui.update((st) => (st.form ? { ...st, form: { ...st.form, state: step.state } } : st));
    return true;
  }
  if (s.dialog || s.transfer || s.search || s.overlay || s.help) return false;
  if (s.focus === 'detail' || s.focus === 'engine' || s.focus === 'engines') return false;
  const list: ListId = s.focus;
  if (!s.lists[list].editingFilter) return false;
  const filter = s.lists[list].filter + line;
  ctx.ui.update((st) => withList(st, list, { filter, cursor: 0, selectedKey: undefined }));
  return true;
}

/** Subscribes the app to the pastes its stdin (a FilteredStdin) reports. */
export function usePaste(ctx: AppContextValue): void {
  const { stdin } = useStdin();
  useEffect(() => {
    const onPaste = (text: string) => void pasteInto(ctx, text);
    stdin.on('paste', onPaste);
    return () => {
      stdin.off('paste', onPaste);
    };
  }, [ctx, stdin]);
}
