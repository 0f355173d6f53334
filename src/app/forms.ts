// Opening forms and prompts from actions, and applying the form keys to the open one.
// A form records the session it was opened on; submitting after an engine switch is refused.
import { createForm, formCommand, formToggle, formType, type FieldSpec, type FieldValue, type FormCommand, type FormStep } from '../ui/form/form-state.js';
import type { AppContextValue } from './app-context.js';
import { setStatus } from './status.js';
import { keyLabel, keyLabels } from '../keys/labels.js';

/** A form's keys line; each ' · ' part starts with its key (a click on it presses that key, src/app/dispatch/mouse.ts). */
export const formKeysLine = (): string =>
  `${keyLabel('form.submit')} submit · ${keyLabel('form.next')}/${keyLabels('form.prev').split('/')[1]}${keyLabels('form.next').split('/')[1]} next field · ` +
  `${keyLabel('form.toggle')} toggle · ${keyLabels('form.toggle').split('/').slice(1).join('')} choose · ${keyLabel('form.cancel')} cancel`;
import type { Confirm, OpenForm, SubmitResult } from './ui-state.js';

export interface FormRequest {
  title: string;
  fields: readonly FieldSpec[];
  note?: string;
  /** Id of what the form acts on, if one thing (recorded in its origin). */
  target?: string;
  /** The field that has the focus first (default: the first). */
  focus?: number;
  /** `signal` is aborted by Esc while the action runs. */
  onSubmit: (values: Record<string, FieldValue>, signal: AbortSignal) => Promise<SubmitResult> | SubmitResult;
}

export function openForm(ctx: AppContextValue, request: FormRequest): void {
  const origin = { session: ctx.session, target: request.target };
  ctx.ui.update((s) => ({
    ...s,
    form: { title: request.title, note: request.note, origin, state: createForm(request.fields, request.focus), onSubmit: request.onSubmit },
  }));
}

/** A one-field form: "Pull image: ____". */
export function openPrompt(
  ctx: AppContextValue,
  request: {
    title: string;
    label: string;
    initial?: string;
    placeholder?: string;
    secret?: boolean;
    note?: string;
    target?: string;
    validate?: (value: string) => string | undefined;
    onSubmit: (value: string, signal: AbortSignal) => Promise<SubmitResult> | SubmitResult;
  },
): void {
  openForm(ctx, {
    title: request.title,
    note: request.note,
    target: request.target,
    fields: [
      {
        name: 'value',
        label: request.label,
        kind: 'text',
        initial: request.initial,
        placeholder: request.placeholder,
        secret: request.secret,
        validate: request.validate ? (v) => request.validate!(String(v)) : undefined,
      },
    ],
    onSubmit: (values, signal) => request.onSubmit(String(values.value ?? ''), signal),
  });
}

/** The form keys (keymap scope 'form'): commands, the toggle key, and typing for the rest. */
export function formKeys(ctx: AppContextValue) {
  const current = () => ctx.ui.get().form;
  // While the form asks "… overwrite? y/N", a key answers it instead of editing (answer()).
  const apply = (step: (state: OpenForm['state']) => FormStep, key?: { name: string }) => {
    const open = current();
    if (!open || open.busy) return;
    if (open.confirm) return answer(ctx, open, open.confirm, key?.name ?? '');
    applyStep(ctx, step(open.state));
  };
  const command = (c: FormCommand) => (key?: { name: string }) => apply((state) => formCommand(state, c), key ?? { name: c });
  return {
    handlers: {
      'form.submit': command('submit'),
      // While the action runs, Esc (cancel) aborts it; the form then shows what the action reports.
      'form.cancel': () => {
        const open = current();
        if (open?.busy) return open.running?.abort();
        if (open?.confirm) return ctx.ui.update((s) => ({ ...s, form: undefined }));
        command('cancel')();
      },
      'form.next': command('next'),
      'form.prev': command('prev'),
      'form.toggle': (key: { name: string }) => apply((state) => formToggle(state, key.name === 'left', key.name), key),
    },
    /** A key the form scope does not bind: typed into the focused field. */
    type: (name: string, input: string) => apply((state) => formType(state, name, input), { name }),
  };
}

/**
 * The answer to "… overwrite? y/N": only y does it; Esc closes the form (form.cancel); any
 * other key goes back to editing with the value kept, and nothing was written.
 */
function answer(ctx: AppContextValue, open: OpenForm, confirm: Confirm, name: string): void {
  if (name === 'y' || name === 'Y') return run(ctx, open, (signal) => confirm.onYes(signal));
  ctx.ui.update((s) =>
    s.form ? { ...s, form: { ...s.form, confirm: undefined, state: { ...s.form.state, error: 'Not overwritten: nothing was written' } } } : s,
  );
}

function applyStep(ctx: AppContextValue, step: FormStep): void {
  const open = ctx.ui.get().form;
  if (!open) return;
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
  if (open.origin.session !== ctx.session) {
    ctx.ui.update((s) => ({ ...s, form: undefined }));
    return setStatus(ctx, `${open.title}: not done — the form was opened on another engine`, 'error');
  }
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
