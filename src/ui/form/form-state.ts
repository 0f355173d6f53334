// A small form as pure state + a reducer over key names, so every prompt in dtui
// (one text field) and every form (run, commit, pull, tag…) edits, validates and
// submits the same way — and can be tested without a terminal.

export type FieldValue = string | boolean;

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'toggle' | 'choice';
  initial?: FieldValue;
  /** For kind 'choice'. */
  choices?: readonly string[];
  placeholder?: string;
  /** Drawn as bullets: passwords. */
  secret?: boolean;
  /** An error message, or undefined when the value is acceptable. */
  validate?: (value: FieldValue, values: Readonly<Record<string, FieldValue>>) => string | undefined;
}

export interface FormState {
  fields: readonly FieldSpec[];
  values: Record<string, FieldValue>;
  focus: number;
  error?: string;
}

export type FormStep =
  | { type: 'edit'; state: FormState }
  | { type: 'submit'; values: Record<string, FieldValue> }
  | { type: 'cancel' };

export function createForm(fields: readonly FieldSpec[]): FormState {
  const values: Record<string, FieldValue> = {};
  for (const f of fields) {
    values[f.name] = f.initial ?? (f.kind === 'toggle' ? false : f.kind === 'choice' ? (f.choices?.[0] ?? '') : '');
  }
  return { fields, values, focus: 0 };
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
      if (invalid) return { type: 'edit', state: { ...state, error: invalid.error, focus: invalid.field } };
      return { type: 'submit', values: state.values };
    }
    case 'next':
      return edited(state, { focus: (state.focus + 1) % state.fields.length });
    case 'prev':
      return edited(state, { focus: (state.focus - 1 + state.fields.length) % state.fields.length });
  }
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
  return name === 'space' ? formType(state, name, ' ') : { type: 'edit', state };
}

/** Typing into the focused text field: printable characters, Backspace, Ctrl+U clears. */
export function formType(state: FormState, name: string, input: string): FormStep {
  const field = state.fields[state.focus];
  if (!field || field.kind !== 'text') return { type: 'edit', state };
  const text = String(state.values[field.name] ?? '');
  if (name === 'backspace') return withValue(state, text.slice(0, -1));
  if (name === 'ctrl+u') return withValue(state, '');
  if (name === 'space') return withValue(state, `${text} `);
  // Printable characters only: a control byte never lands in a field.
  if (input && [...input].length === 1 && name === input && !/[\u0000-\u001f\u007f-\u009f]/.test(input)) {
    return withValue(state, text + input);
  }
  return { type: 'edit', state };
}

/** One key (a name from keys/match.ts) applied to the form with the default bindings. */
export function formKey(state: FormState, name: string, input: string): FormStep {
  const commands: Record<string, FormCommand> = { esc: 'cancel', enter: 'submit', tab: 'next', down: 'next', 'shift+tab': 'prev', up: 'prev' };
  const command = commands[name];
  if (command) return formCommand(state, command);
  if (name === 'space' || name === 'left' || name === 'right') return formToggle(state, name === 'left', name);
  return formType(state, name, input);
}
