// The pure parts of look: SGR mouse reports, sorting (ties, missing values), the
// config's column choice with label columns, and the bulk plan for marked containers.
import { describe, expect, it } from 'vitest';
import { TerminalInput } from '../../src/cli/input/terminal-input.js';
import { sgrMouse } from '../../src/cli/input/terminal-input.js';
import { nextSort, sortRows } from '../../src/app/sorting.js';
import { chooseColumns, labelKey, unknownColumns } from '../../src/resources/choose-columns.js';
import { percentValue, sizeValue } from '../../src/resources/sort-values.js';
import { planFor } from '../../src/app/actions/container-bulk.js';
import type { SortKey, ResourceColumn } from '../../src/resources/types.js';
import type { EngineSession } from '../../src/state/session.js';
import type { ContainerRow } from '../../src/engine/models/types.js';

const session = {} as EngineSession;

describe('SGR mouse reports', () => {
  it('parses press, release, wheel and modifiers; 1-based cells become 0-based', () => {
    expect(sgrMouse('<0;12;5', 0x4d)).toMatchObject({ button: 0, x: 11, y: 4, release: false, wheel: undefined, motion: false });
    expect(sgrMouse('<0;12;5', 0x6d)).toMatchObject({ release: true });
    expect(sgrMouse('<64;1;1', 0x4d)).toMatchObject({ wheel: 'up', x: 0, y: 0 });
    expect(sgrMouse('<65;3;3', 0x4d)).toMatchObject({ wheel: 'down' });
    expect(sgrMouse('<20;3;3', 0x4d)).toMatchObject({ button: 0, shift: true, ctrl: true });
    expect(sgrMouse('<32;3;3', 0x4d)).toMatchObject({ motion: true });
    expect(sgrMouse('<0;0;3', 0x4d)).toBeUndefined();
    expect(sgrMouse('<0;3', 0x4d)).toBeUndefined();
    expect(sgrMouse('<0;3;3', 0x52)).toBeUndefined();
  });

  it('the input filter turns a report into one mouse event, keys around it stay keys', () => {
    const events = new TerminalInput().push(Buffer.from('j\x1b[<0;10;20Mk'));
    expect(events.map((e) => e.kind)).toEqual(['keys', 'mouse', 'keys']);
    const mouse = events[1];
    expect(mouse?.kind === 'mouse' && mouse.event).toMatchObject({ x: 9, y: 19 });
    // A report cut in two reads is still one event.
    const input = new TerminalInput();
    expect(input.push(Buffer.from('\x1b[<65;1'))).toEqual([]);
    expect(input.push(Buffer.from(';2M')).map((e) => e.kind)).toEqual(['mouse']);
    // Not SGR-shaped: dropped as a reply, never typed as keys.
    expect(new TerminalInput().push(Buffer.from('\x1b[<1;2M')).map((e) => e.kind)).toEqual(['reply']);
  });
});

interface R {
  id: string;
  name: string;
  cpu?: number;
}
const KEYS: SortKey<R>[] = [
  { id: 'name', title: 'NAME', value: (r) => r.name },
  { id: 'cpu', title: 'CPU%', value: (r) => r.cpu, desc: true },
];
const rows: R[] = [
  { id: '1', name: 'b', cpu: 5 },
  { id: '2', name: 'A' },
  { id: '3', name: 'c', cpu: 50 },
  { id: '4', name: 'd', cpu: 5 },
];

describe('sorting', () => {
  it('by text (any case) and by number; missing values last both ways; ties keep the engine order', () => {
    expect(sortRows(rows, KEYS, { key: 'name', desc: false }, session).map((r) => r.id)).toEqual(['2', '1', '3', '4']);
    expect(sortRows(rows, KEYS, { key: 'cpu', desc: true }, session).map((r) => r.id)).toEqual(['3', '1', '4', '2']);
    expect(sortRows(rows, KEYS, { key: 'cpu', desc: false }, session).map((r) => r.id)).toEqual(['1', '4', '3', '2']);
    expect(sortRows(rows, KEYS, undefined, session)).toEqual(rows);
  });

  it('o cycles the keys, each in its own direction', () => {
    expect(nextSort(KEYS, undefined)).toEqual({ key: 'name', desc: false });
    expect(nextSort(KEYS, { key: 'name', desc: false })).toEqual({ key: 'cpu', desc: true });
    expect(nextSort(KEYS, { key: 'cpu', desc: false })).toEqual({ key: 'name', desc: false });
  });

  it('reads CPU and memory cells back as numbers', () => {
    expect(percentValue('12.5%')).toBe(12.5);
    expect(percentValue('…')).toBeUndefined();
    expect(sizeValue('1.5MiB')).toBe(1.5 * 1024 ** 2);
    expect(sizeValue('980KiB')! < sizeValue('0.98MiB')!).toBe(true);
    expect(sizeValue('999MiB')! < sizeValue('0.98GiB')!).toBe(true);
    expect(sizeValue('12XB')).toBeUndefined();
    expect(sizeValue('?')).toBeUndefined();
  });
});

describe('columns from the config', () => {
  type L = { labels?: Record<string, string> };
  const all: ResourceColumn<L>[] = [
    { title: 'NAME', value: () => 'n' },
    { title: 'STATE', value: () => 's' },
    { title: 'CPU%', value: () => 'c' },
  ];
  it('keeps the named columns in the given order, any case, with label columns', () => {
    const chosen = chooseColumns(all, ['state', 'label:com.example.team', 'Name']);
    expect(chosen.map((c) => c.title)).toEqual(['STATE', 'TEAM', 'NAME']);
    expect(chosen[1]!.value({ labels: { 'com.example.team': 'payments' } })).toBe('payments');
    expect(chosen[1]!.value({})).toBe('');
    expect(labelKey('{{ .Labels "com.example.team" }}')).toBe('com.example.team');
    expect(labelKey('{{.Label "a/b"}}')).toBe('a/b');
    expect(labelKey('NAME')).toBeUndefined();
  });
  it('unknown titles are reported; naming none that exist keeps every column', () => {
    expect(unknownColumns(all, ['NAME', 'NAMEZ', 'label:x'])).toEqual(['NAMEZ']);
    expect(chooseColumns(all, ['nope']).map((c) => c.title)).toEqual(['NAME', 'STATE', 'CPU%']);
    expect(chooseColumns(all, undefined)).toBe(all);
  });
});

describe('bulk actions on marked containers', () => {
  const row = (state: ContainerRow['state']) => ({ state }) as ContainerRow;
  it('plans what each key does to each row, or why it skips it', () => {
    expect(planFor('stop', row('running'))).toEqual({ action: 'stop' });
    expect(planFor('stop', row('exited'))).toEqual({ skip: 'not running' });
    expect(planFor('start', row('paused'))).toEqual({ skip: 'paused' });
    expect(planFor('pause', row('paused'))).toEqual({ action: 'unpause' });
    expect(planFor('remove', row('running'))).toEqual({ action: 'remove', force: true });
    expect(planFor('remove', row('exited'))).toEqual({ action: 'remove', force: false });
  });
});
