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
      if (invalid) return { type: 'edit', state: { ...state, error: invalid.error, focus: invalid.field } };
      return { type: 'submit', values: state.values };
    }
    case 'tab':
    case 'down':
      return edit({ focus: (state.focus + 1) % state.fields.length });
    case 'shift+tab':
    case 'up':
      return edit({ focus: (state.focus - 1 + state.fields.length) % state.fields.length });
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
  const text = String(value ?? '');
  if (name === 'backspace') return setValue(text.slice(0, -1));
  if (name === 'ctrl+u') return setValue('');
  if (name === 'space') return setValue(`${text} `);
  // Printable characters only: a control byte never lands in a field.
  if (input && [...input].length === 1 && name === input && !/[\u0000-\u001f\u007f-\u009f]/.test(input)) {
    return setValue(text + input);
  }
  return { type: 'edit', state };
}
