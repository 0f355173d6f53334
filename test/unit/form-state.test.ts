import { describe, expect, it } from 'vitest';
import { createForm, formFocus, formKey, type FormState } from '../../src/ui/form/form-state.js';

const fields = [
  { name: 'name', label: 'Name', kind: 'text' as const, validate: (v: unknown) => (String(v) ? undefined : 'required') },
  { name: 'rm', label: 'Remove on exit', kind: 'toggle' as const, initial: true },
  { name: 'restart', label: 'Restart', kind: 'choice' as const, choices: ['no', 'always', 'unless-stopped'] },
];

function type(state: FormState, keys: string[]): FormState {
  for (const k of keys) {
    const step = formKey(state, k, k.length === 1 ? k : '');
    if (step.type !== 'edit') throw new Error(`unexpected ${step.type}`);
    state = step.state;
  }
  return state;
}

describe('form state', () => {
  it('types, deletes, toggles and chooses', () => {
    let s = createForm(fields);
    s = type(s, ['w', 'e', 'x', 'backspace', 'b', 'tab', 'space', 'tab', 'right', 'right']);
    expect(s.values).toEqual({ name: 'web', rm: false, restart: 'unless-stopped' });
    s = type(s, ['left', 'shift+tab', 'shift+tab']);
    expect(s.values.restart).toBe('always');
    expect(s.focus).toBe(0);
  });

  it('refuses to submit while a field is invalid, and focuses it', () => {
    const s = type(createForm(fields), ['tab']);
    const step = formKey(s, 'enter', '');
    expect(step.type).toBe('edit');
    if (step.type !== 'edit') return;
    expect(step.state.error).toBe('Name: required');
    expect(step.state.focus).toBe(0);
  });

  it('submits valid values and cancels on Esc', () => {
    const s = type(createForm(fields), ['a']);
    expect(formKey(s, 'enter', '')).toEqual({ type: 'submit', values: { name: 'a', rm: true, restart: 'no' } });
    expect(formKey(s, 'esc', '').type).toBe('cancel');
  });

  it('never lets a control character into a field', () => {
    const s = createForm(fields);
    const step = formKey(s, '\x1b', '\x1b');
    expect(step.type === 'edit' && step.state.values.name).toBe('');
  });
});

describe('formFocus (a click on a field)', () => {
  it('focuses the field with the cursor at the end of its value and clears the error', () => {
    const state = { ...createForm(fields, 1), values: { name: 'web', rm: true, restart: 'no' }, error: 'Name: required' };
    const step = formFocus(state, 0);
    expect(step).toMatchObject({ type: 'edit', state: { focus: 0, cursor: 3, error: undefined } });
  });
  it('a click outside the fields, or on the focused one, changes nothing', () => {
    const state = createForm(fields, 1);
    expect(formFocus(state, 1)).toEqual({ type: 'edit', state });
    expect(formFocus(state, 7)).toEqual({ type: 'edit', state });
    expect(formFocus(state, -1)).toEqual({ type: 'edit', state });
  });
});
