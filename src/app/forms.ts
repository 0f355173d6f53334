// Opening forms and prompts from actions, and applying the form keys to the open one.
// A form records the session it was opened on; submitting after an engine switch is refused.
import { createForm, formCommand, formToggle, formType, type FieldSpec, type FieldValue, type FormCommand, type FormStep } from '../ui/form/form-state.js';
import type { AppContextValue } from './app-context.js';
import { setStatus } from './status.js';

export interface FormRequest {
  title: string;
  fields: readonly FieldSpec[];
  note?: string;
  /** Id of what the form acts on, if one thing (recorded in its origin). */
  target?: string;
  /** `signal` is aborted by Esc while the action runs. */
  onSubmit: (values: Record<string, FieldValue>, signal: AbortSignal) => Promise<string | undefined> | string | undefined;
}

export function openForm(ctx: AppContextValue, request: FormRequest): void {
  const origin = { session: ctx.session, target: request.target };
  ctx.ui.update((s) => ({
    ...s,
    form: { title: request.title, note: request.note, origin, state: createForm(request.fields), onSubmit: request.onSubmit },
  }));
}

/** A one-field form: "Pull image: ____". */
export function openPrompt(
  ctx: AppContextValue,
  request: { title: string; label: string; initial?: string; placeholder?: string; secret?: boolean; note?: string; target?: string;
    validate?: (value: string) => string | undefined; onSubmit: (value: string, signal: AbortSignal) => Promise<string | undefined> | string | undefined },
): void {
  openForm(ctx, {
    title: request.title,
    note: request.note,
    target: request.target,
    fields: [{
      name: 'value', label: request.label, kind: 'text', initial: request.initial, placeholder: request.placeholder,
      secret: request.secret, validate: request.validate ? (v) => request.validate!(String(v)) : undefined,
    }],
    onSubmit: (values, signal) => request.onSubmit(String(values.value ?? ''), signal),
  });
}

/** The form keys (keymap scope 'form'): commands, the toggle key, and typing for the rest. */
export function formKeys(ctx: AppContextValue) {
  const apply = (step: (state: NonNullable<ReturnType<typeof current>>['state']) => FormStep) => {
    const open = current();
    if (!open || open.busy) return;
    applyStep(ctx, step(open.state));
  };
  const current = () => ctx.ui.get().form;
  const command = (c: FormCommand) => () => apply((state) => formCommand(state, c));
  return {
    handlers: {
      'form.submit': command('submit'),
      // While the action runs, Esc (cancel) aborts it; the form then shows what the action reports.
      'form.cancel': () => (current()?.busy ? current()?.running?.abort() : command('cancel')()),
      'form.next': command('next'),
      'form.prev': command('prev'),
      'form.toggle': (key: { name: string }) => apply((state) => formToggle(state, key.name === 'left', key.name)),
    },
    /** A key the form scope does not bind: typed into the focused field. */
    type: (name: string, input: string) => apply((state) => formType(state, name, input)),
  };
}

function applyStep(ctx: AppContextValue, step: FormStep): void {
  const open = ctx.ui.get().form;
  if (!open) return;
  if (step.type === 'cancel') return ctx.ui.update((s) => ({ ...s, form: undefined }));
  if (step.type === 'edit') return ctx.ui.update((s) => (s.form ? { ...s, form: { ...s.form, state: step.state } } : s));
  if (open.origin.session !== ctx.session) {
    ctx.ui.update((s) => ({ ...s, form: undefined }));
    return setStatus(ctx, `${open.title}: not done — the form was opened on another engine`, 'error');
  }
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
