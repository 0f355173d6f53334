// Opening forms and prompts from actions, and feeding them keys.
import { createForm, formKey, type FieldSpec, type FieldValue } from '../../ui/form/form-state.js';
import type { AppContextValue } from './app-context.js';

export interface FormRequest {
  title: string;
  fields: readonly FieldSpec[];
  note?: string;
  /** `signal` is aborted by Esc while the action runs. */
  onSubmit: (values: Record<string, FieldValue>, signal: AbortSignal) => Promise<string | undefined> | string | undefined;
}

export function openForm(ctx: AppContextValue, request: FormRequest): void {
  ctx.ui.update((s) => ({
    ...s,
    form: { title: request.title, note: request.note, state: createForm(request.fields), onSubmit: request.onSubmit },
  }));
}

/** A one-field form: "Pull image: ____". */
export function openPrompt(
  ctx: AppContextValue,
  request: { title: string; label: string; initial?: string; placeholder?: string; secret?: boolean; note?: string;
    validate?: (value: string) => string | undefined; onSubmit: (value: string) => Promise<string | undefined> | string | undefined },
): void {
  openForm(ctx, {
    title: request.title,
    note: request.note,
    fields: [{
      name: 'value', label: request.label, kind: 'text', initial: request.initial, placeholder: request.placeholder,
      secret: request.secret, validate: request.validate ? (v) => request.validate!(String(v)) : undefined,
    }],
    onSubmit: (values) => request.onSubmit(String(values.value ?? '')),
  });
}

export function formInput(ctx: AppContextValue, name: string, input: string): void {
  const open = ctx.ui.get().form;
  if (!open) return;
  if (open.busy) {
    // Keys are ignored while the action runs (nothing is submitted twice), except Esc: it
    // cancels the action; the form then shows what the action reports.
    if (name === 'esc') open.running?.abort();
    return;
  }
  const step = formKey(open.state, name, input);
  if (step.type === 'cancel') return ctx.ui.update((s) => ({ ...s, form: undefined }));
  if (step.type === 'edit') return ctx.ui.update((s) => (s.form ? { ...s, form: { ...s.form, state: step.state } } : s));
  const running = new AbortController();
  ctx.ui.update((s) => (s.form ? { ...s, form: { ...s.form, busy: true, running } } : s));
  void (async () => {
    let error: string | undefined;
    try {
      error = await open.onSubmit(step.values, running.signal);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    ctx.ui.update((s) => {
      if (s.form !== undefined && s.form.onSubmit !== open.onSubmit) return s;
      if (!error) return { ...s, form: undefined };
      return s.form ? { ...s, form: { ...s.form, busy: false, running: undefined, state: { ...s.form.state, error } } } : s;
    });
  })();
}
