// ContainerTimesStore: which inspects it makes, not what an engine answers (the e2e test
// status-age.test.ts reads real engine times). The engine is a fake of the one call it uses.
import { describe, expect, it } from 'vitest';
import { ContainerTimesStore, timesForRow } from '../../src/state/container-times.js';
import type { ContainerRow, EngineEvent } from '../../src/engine/models/types.js';
import { waitFor } from '../support/wait.js';

const row = (id: string, state: ContainerRow['state'], status: string): ContainerRow => ({
  id,
  shortId: id,
  name: id,
  image: 'x',
  imageId: '',
  command: '',
  state,
  status,
  statusAt: 0,
  ports: '',
  created: 0,
  mounts: [],
});
const event = (id: string, action: string): EngineEvent => ({ type: 'container', action, id, time: 0, attributes: {} });

function fakeEngine() {
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const pending: Array<() => void> = [];
  return {
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
    /** Answers every inspect waiting so far. */
    answerAll() {
      for (const done of pending.splice(0)) done();
    },
    async inspectContainer(id: string) {
      calls.push(id);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise<void>((resolve) => pending.push(resolve));
      inFlight--;
      if (id.startsWith('gone')) throw Object.assign(new Error('no such container'), { statusCode: 404 });
      return { State: { StartedAt: '2026-01-02T15:04:05Z', FinishedAt: '2026-01-02T16:00:00Z' } };
    },
  };
}

describe('ContainerTimesStore', () => {
  it('inspects only rows whose status counts from a time, a few at a time, once', async () => {
    const engine = fakeEngine();
    const store = new ContainerTimesStore(engine, new AbortController().signal);
    const rows = Array.from({ length: 10 }, (_, i) => row(`c${i}`, 'running', 'Up 3 seconds'));
    store.setVisible([...rows, row('new', 'created', 'Created')]);
    store.setVisible(rows); // a re-render while the first batch is in flight asks nothing twice
    for (let i = 0; i < 5; i++) {
      await waitFor(() => engine.calls.length > 0);
      engine.answerAll();
      await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => store.store.get().size === 10);
    expect([...engine.calls].sort()).toEqual(rows.map((r) => r.id).sort());
    expect(engine.maxInFlight).toBeLessThanOrEqual(4);
    expect(timesForRow(store.store.get(), rows[0]!)).toMatchObject({ startedAt: Date.UTC(2026, 0, 2, 15, 4, 5) });
    store.setVisible(rows);
    expect(engine.calls).toHaveLength(10);
  });

  it('reads again after a start/die event or a state change, and never for a gone container again', async () => {
    const engine = fakeEngine();
    const store = new ContainerTimesStore(engine, new AbortController().signal);
    const up = row('a', 'running', 'Up 3 seconds');
    const settle = async (n: number) => {
      await waitFor(() => engine.calls.length === n);
      engine.answerAll();
    };
    store.setVisible([up, row('gone1', 'running', 'Up 1 second')]);
    await settle(2);
    await waitFor(() => store.store.get().size === 2);
    store.onEvent(event('a', 'exec_start'));
    store.setVisible([up]);
    expect(engine.calls).toHaveLength(2);
    store.onEvent(event('a', 'die'));
    expect(store.store.get().has('a')).toBe(false);
    store.setVisible([up, row('gone1', 'running', 'Up 1 second')]);
    await settle(3);
    await waitFor(() => store.store.get().has('a'));
    // Exited now, with times read while it still looked running: those are not used, and re-read.
    const exited = row('a', 'exited', 'Exited (0) 1 second ago');
    expect(timesForRow(store.store.get(), exited)).toBeUndefined();
    store.setVisible([exited]);
    await settle(4);
    await waitFor(() => timesForRow(store.store.get(), exited) !== undefined);
    expect(engine.calls).toEqual(['a', 'gone1', 'a', 'a']);
  });

  it('drops an answer read across a restart (die + start while the inspect was in flight)', async () => {
    const engine = fakeEngine();
    const store = new ContainerTimesStore(engine, new AbortController().signal);
    const up = row('b', 'running', 'Up 3 seconds');
    store.setVisible([up]);
    await waitFor(() => engine.calls.length === 1);
    store.onEvent(event('b', 'die'));
    store.onEvent(event('b', 'start'));
    engine.answerAll();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.store.get().has('b')).toBe(false);
    store.setVisible([up]);
    await waitFor(() => engine.calls.length === 2);
    engine.answerAll();
    await waitFor(() => store.store.get().has('b'));
  });
});
