// A small form as pure state + a reducer over key names, so every prompt in dtui
// (one text field) and every form (run, commit, pull, tag…) edits, validates and
// submits the same way — and can be tested without a terminal.

import { editLine } from './text-edit.js';

export type FieldValue = string | boolean;

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'toggle' | 'choice';
  initial?: FieldValue;
  /** For kind 'choice'. */
  choices?: readonly string[];
  placeholder?: string;
  /** A placeholder that depends on the other values (the cp form's From/To swap with the direction). */
  placeholderFor?: (values: Readonly<Record<string, FieldValue>>) => string;
  /** Shown under the fields while this field has the focus: how to write its value. */
  hint?: string;
  /** Drawn as bullets: passwords. */
  secret?: boolean;
  /** An error message, or undefined when the value is acceptable. */
  validate?: (value: FieldValue, values: Readonly<Record<string, FieldValue>>) => string | undefined;
}

export interface FormState {
  fields: readonly FieldSpec[];
  values: Record<string, FieldValue>;
  focus: number;
  /** Where the cursor is in the focused text field (a UTF-16 offset on a grapheme boundary). */
  cursor: number;
  error?: string;
}

export type FormStep =
  | { type: 'edit'; state: FormState }
  | { type: 'submit'; values: Record<string, FieldValue> }
  | { type: 'cancel' };

export function createForm(fields: readonly FieldSpec[], focus = 0): FormState {
  const values: Record<string, FieldValue> = {};
  for (const f of fields) {
    values[f.name] = f.initial ?? (f.kind === 'toggle' ? false : f.kind === 'choice' ? (f.choices?.[0] ?? '') : '');
  }
  const at = Math.max(0, Math.min(fields.length - 1, focus));
  return { fields, values, focus: at, cursor: String(values[fields[at]?.name ?? ''] ?? '').length };
}

/** The cursor at the end of field `focus`'s value, as when a person tabs into it. */
function focusAt(state: FormState, focus: number): Pick<FormState, 'focus' | 'cursor'> {
  const f = state.fields[focus];
  return { focus, cursor: f && f.kind === 'text' ? String(state.values[f.name] ?? '').length : 0 };
}

/** The placeholder field `f` shows now. */
export function placeholderOf(f: FieldSpec, values: Readonly<Record<string, FieldValue>>): string | undefined {
  return f.placeholderFor ? f.placeholderFor(values) : f.placeholder;
}

/** The first field error, named by its label, or undefined when all are valid. */
export function validateForm(state: FormState): { error: string; field: number } | undefined {
  for (let i = 0; i < state.fields.length; i++) {
    const f = state.fields[i]!;
    const error = f.validate?.(state.values[f.name]!, state.values);
    if (error) return { error: `${f.label}: ${error}`, field: i };
  }
  return undefined;
}

function cycle(list: readonly string[], current: string, step: number): string {
  const i = list.indexOf(current);
  return list[(i + step + list.length) % list.length] ?? current;
}

/** One key (a name from keys/match.ts) applied to the form. */
export function formKey(state: FormState, name: string, input: string): FormStep {
  const field = state.fields[state.focus];
  const edit = (patch: Partial<FormState>): FormStep => ({ type: 'edit', state: { ...state, error: undefined, ...patch } });
  const setValue = (value: FieldValue) => edit({ values: { ...state.values, [field!.name]: value } });
  switch (name) {
    case 'esc':
      return { type: 'cancel' };
    case 'enter': {
      const invalid = validateForm(state);
      if (invalid) {
        const focus = invalid.field === state.focus ? { focus: state.focus, cursor: state.cursor } : focusAt(state, invalid.field);
        return { type: 'edit', state: { ...state, error: invalid.error, ...focus } };
      }
      return { type: 'submit', values: state.values };
    }
    case 'tab':
    case 'down':
      return edit(focusAt(state, (state.focus + 1) % state.fields.length));
    case 'shift+tab':
    case 'up':
      return edit(focusAt(state, (state.focus - 1 + state.fields.length) % state.fields.length));
  }
  if (!field) return { type: 'edit', state };
  const value = state.values[field.name];
  if (field.kind === 'toggle') {
    if (name === 'space' || name === 'left' || name === 'right') return setValue(!value);
    return { type: 'edit', state };
  }
  if (field.kind === 'choice') {
    if (name === 'right' || name === 'space') return setValue(cycle(field.choices ?? [], String(value), 1));
    if (name === 'left') return setValue(cycle(field.choices ?? [], String(value), -1));
    return { type: 'edit', state };
  }
  const next = editLine({ text: String(value ?? ''), cursor: state.cursor }, name, input);
  if (!next) return { type: 'edit', state };
  return edit({ values: { ...state.values, [field.name]: next.text }, cursor: next.cursor });
}
