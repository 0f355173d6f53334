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

export type FormStep = { type: 'edit'; state: FormState } | { type: 'submit'; values: Record<string, FieldValue> } | { type: 'cancel' };

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

/** The form's own commands; the keymap's form scope says which keys mean them. */
export type FormCommand = 'submit' | 'cancel' | 'next' | 'prev';

function edited(state: FormState, patch: Partial<FormState>): FormStep {
  return { type: 'edit', state: { ...state, error: undefined, ...patch } };
}

function withValue(state: FormState, value: FieldValue): FormStep {
  const field = state.fields[state.focus]!;
  return edited(state, { values: { ...state.values, [field.name]: value } });
}

export function formCommand(state: FormState, command: FormCommand): FormStep {
  switch (command) {
    case 'cancel':
      return { type: 'cancel' };
    case 'submit': {
      const invalid = validateForm(state);
      if (invalid) {
        const focus = invalid.field === state.focus ? { focus: state.focus, cursor: state.cursor } : focusAt(state, invalid.field);
        return { type: 'edit', state: { ...state, error: invalid.error, ...focus } };
      }
      return { type: 'submit', values: state.values };
    }
    case 'next':
      return edited(state, focusAt(state, (state.focus + 1) % state.fields.length));
    case 'prev':
      return edited(state, focusAt(state, (state.focus - 1 + state.fields.length) % state.fields.length));
  }
}

/** Focuses field `index` (a click on it), the cursor at the end of its value. */
export function formFocus(state: FormState, index: number): FormStep {
  if (index < 0 || index >= state.fields.length || index === state.focus) return { type: 'edit', state };
  return edited(state, focusAt(state, index));
}

/**
 * Toggles a checkbox or steps a choice (backwards when `back`). In a text field the
 * toggle key types itself when it is Space, and does nothing otherwise (← →).
 */
export function formToggle(state: FormState, back: boolean, name: string): FormStep {
  const field = state.fields[state.focus];
  if (!field) return { type: 'edit', state };
  const value = state.values[field.name];
  if (field.kind === 'toggle') return withValue(state, !value);
  if (field.kind === 'choice') return withValue(state, cycle(field.choices ?? [], String(value), back ? -1 : 1));
  // In a text field the same keys edit: Space types, ← → move the cursor.
  return formType(state, name, name === 'space' ? ' ' : '');
}

/**
 * Editing the focused text field at its cursor (text-edit.ts): printable characters go in
 * at the cursor; ← → Home End Ctrl+A/E move; Backspace, Delete, Ctrl+W/K/U delete.
 */
export function formType(state: FormState, name: string, input: string): FormStep {
  const field = state.fields[state.focus];
  if (!field || field.kind !== 'text') return { type: 'edit', state };
  const next = editLine({ text: String(state.values[field.name] ?? ''), cursor: state.cursor }, name, input);
  if (!next) return { type: 'edit', state };
  return edited(state, { values: { ...state.values, [field.name]: next.text }, cursor: next.cursor });
}

/** Pasted text (one line, already cleaned) inserted at the cursor of the focused text field. */
export function formPaste(state: FormState, line: string): FormStep | undefined {
  const field = state.fields[state.focus];
  if (!field || field.kind !== 'text' || !line) return undefined;
  const text = String(state.values[field.name] ?? '');
  const at = Math.min(state.cursor, text.length);
  return edited(state, { values: { ...state.values, [field.name]: text.slice(0, at) + line + text.slice(at) }, cursor: at + line.length });
}

/** One key (a name from keys/match.ts) applied to the form with the default bindings. */
export function formKey(state: FormState, name: string, input: string): FormStep {
  const commands: Record<string, FormCommand> = { esc: 'cancel', enter: 'submit', tab: 'next', down: 'next', 'shift+tab': 'prev', up: 'prev' };
  const command = commands[name];
  if (command) return formCommand(state, command);
  if (name === 'space' || name === 'left' || name === 'right') return formToggle(state, name === 'left', name);
  return formType(state, name, input);
}
