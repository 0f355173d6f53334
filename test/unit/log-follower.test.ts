import { describe, expect, it } from 'vitest';
import { LogFollower } from '../../src/state/log-follower.js';
import { Store } from '../../src/state/store.js';
import type { EngineEvent, LogLine } from '../../src/engine/models/types.js';
import { waitFor } from '../support/wait.js';

/** A session whose log streams are scripted: each call to logs() takes the next script. */
function fakeSession(scripts: LogLine[][][]) {
  const listeners = new Set<(e: EngineEvent) => void>();
  const calls: Array<{ tail: number | 'all'; since?: string }> = [];
  const session = {
    engine: {
      async *logs(_id: string, opts: { tail: number | 'all'; since?: string }) {
        calls.push(opts);
        for (const batch of scripts.shift() ?? []) yield batch;
      },
    },
    onEvent: (l: (e: EngineEvent) => void) => (listeners.add(l), () => listeners.delete(l)),
    connection: new Store({}),
    isConnected: () => true,
  };
  const start = () => listeners.forEach((l) => l({ type: 'container', action: 'start', id: 'c1', time: 0, attributes: {} }));
  return { session, calls, start };
}

const at = (n: number, text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogLine => ({
  ts: `2026-01-01T00:00:00.${String(n).padStart(9, '0')}Z`,
  stream,
  text,
});
const texts = (f: LogFollower) =>
  f.store
    .get()
    .lines.slice(0)
    .map((l) => l.text);

describe('LogFollower', () => {
  it('keeps stdout/stderr lines whose stamps are out of order', async () => {
    const { session } = fakeSession([[[at(1, 'a'), at(3, 'b'), at(2, 'err', 'stderr'), at(3, 'c')]]]);
    const f = new LogFollower(session.engine as never, session as never, 'c1', { flushMs: 1 });
    f.start();
    await waitFor(() => f.store.get().state === 'ended');
    expect(texts(f)).toEqual(['a', 'b', 'err', 'c']);
    f.stop();
  });

  it('resumes after a restart from the last stamp: no duplicates, no gap', async () => {
    const { session, calls, start } = fakeSession([
      [[at(1, 'one'), at(2, 'two'), at(2, 'two-bis')]],
      // since is inclusive: the engine repeats both lines stamped 2, then goes on.
      [
        [at(2, 'two'), at(2, 'two-bis')],
        [at(2, 'also two, new'), at(5, 'five')],
      ],
    ]);
    const f = new LogFollower(session.engine as never, session as never, 'c1', { flushMs: 1 });
    f.start();
    await waitFor(() => f.store.get().state === 'ended');
    start();
    await waitFor(() => texts(f).includes('five'));
    expect(texts(f)).toEqual(['one', 'two', 'two-bis', 'also two, new', 'five']);
    expect(calls[1]).toEqual({ tail: 'all', since: '1767225600.000000002' });
    f.stop();
  });
});
