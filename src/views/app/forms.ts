// Opening forms and prompts from actions, and feeding them keys.
import { createForm, formKey, type FieldSpec, type FieldValue } from '../../ui/form/form-state.js';
import type { AppContextValue } from './app-context.js';
import type { Confirm, OpenForm, SubmitResult } from './ui-state.js';

export interface FormRequest {
  title: string;
  fields: readonly FieldSpec[];
  note?: string;
  /** The field that has the focus first (default: the first). */
  focus?: number;
  /** `signal` is aborted by Esc while the action runs. */
  onSubmit: (values: Record<string, FieldValue>, signal: AbortSignal) => Promise<SubmitResult> | SubmitResult;
}

export function openForm(ctx: AppContextValue, request: FormRequest): void {
  ctx.ui.update((s) => ({
    ...s,
    form: { title: request.title, note: request.note, state: createForm(request.fields, request.focus), onSubmit: request.onSubmit },
  }));
}

/** A one-field form: "Pull image: ____". */
export function openPrompt(
  ctx: AppContextValue,
  request: { title: string; label: string; initial?: string; placeholder?: string; secret?: boolean; note?: string;
    validate?: (value: string) => string | undefined; onSubmit: (value: string, signal: AbortSignal) => Promise<SubmitResult> | SubmitResult },
): void {
  openForm(ctx, {
    title: request.title,
    note: request.note,
    fields: [{
      name: 'value', label: request.label, kind: 'text', initial: request.initial, placeholder: request.placeholder,
      secret: request.secret, validate: request.validate ? (v) => request.validate!(String(v)) : undefined,
    }],
    onSubmit: (values, signal) => request.onSubmit(String(values.value ?? ''), signal),
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
  if (open.confirm) {
    // The form asked "… overwrite? y/N": only y does it; Esc closes the form; any other key
    // (n, Enter…) goes back to editing, with the value kept, and nothing was written.
    const confirm = open.confirm;
    if (name === 'esc') return ctx.ui.update((s) => ({ ...s, form: undefined }));
    if (name === 'y' || name === 'Y') return run(ctx, open, (signal) => confirm.onYes(signal));
    return ctx.ui.update((s) => (s.form ? { ...s, form: { ...s.form, confirm: undefined, state: { ...s.form.state, error: 'Not overwritten: nothing was written' } } } : s));
  }
  const step = formKey(open.state, name, input);
  if (step.type === 'cancel') return ctx.ui.update((s) => ({ ...s, form: undefined }));
  if (step.type === 'edit') return ctx.ui.update((s) => (s.form ? { ...s, form: { ...s.form, state: step.state } } : s));
  const values = step.values;
  run(ctx, open, (signal) => open.onSubmit(values, signal));
}

function isConfirm(r: SubmitResult): r is Confirm {
  return typeof r === 'object' && r !== null && 'confirm' in r;
}

/** Runs a submit (or a confirmed one): busy meanwhile; closes on success, shows an error or a question. */
function run(ctx: AppContextValue, open: OpenForm, action: (signal: AbortSignal) => Promise<SubmitResult> | SubmitResult): void {
  const running = new AbortController();
  ctx.ui.update((s) => (s.form ? { ...s, form: { ...s.form, busy: true, running, confirm: undefined } } : s));
  void (async () => {
    let result: SubmitResult;
    try {
      result = await action(running.signal);
    } catch (err) {
      result = err instanceof Error ? err.message : String(err);
    }
    ctx.ui.update((s) => {
      if (s.form !== undefined && s.form.onSubmit !== open.onSubmit) return s;
      if (result === undefined) return { ...s, form: undefined };
      if (!s.form) return s;
      const question = isConfirm(result) ? result : undefined;
      const error = question ? question.confirm : (result as string);
      return { ...s, form: { ...s.form, busy: false, running: undefined, confirm: question, state: { ...s.form.state, error } } };
    });
  })();
}
