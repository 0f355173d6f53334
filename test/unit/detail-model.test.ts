// The detail pane's model without Ink: which stream is open for what the pane shows,
// the settle delay before a log opens, and n/N search over a log. The engine is a fake
// of the narrow Pick<EngineApi, …> the model uses: what matters here is which calls are
// made and closed, not what an engine answers.
import { describe, expect, it } from 'vitest';
import { DetailModel, type DetailApi } from '../../src/state/detail-model.js';
import type { EngineFeed, ConnectionState } from '../../src/state/engine-feed.js';
import { LogRing } from '../../src/state/log-ring.js';
import type { RawLogLine } from '../../src/engine/models/types.js';
import type { SwarmApi } from '../../src/engine/api/swarm.js';
import { findLogMatch } from '../../src/state/log-search.js';
import { Store } from '../../src/state/store.js';
import type { EngineEvent, TopResult } from '../../src/engine/models/types.js';
import { waitFor } from '../support/wait.js';

interface Opened {
  kind: 'logs' | 'top' | 'stats' | 'inspect';
  id: string;
  opts?: unknown;
  signal?: AbortSignal;
}

function fakes(logLines: Record<string, RawLogLine[]> = {}) {
  const opened: Opened[] = [];
  const listeners = new Set<(e: EngineEvent) => void>();
  const untilAborted = (signal: AbortSignal) => new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
  const api: DetailApi = {
    async *logs(id, opts, signal) {
      opened.push({ kind: 'logs', id, opts, signal });
      yield logLines[id] ?? [];
      await untilAborted(signal);
    },
    async top(id, signal): Promise<TopResult> {
      opened.push({ kind: 'top', id, signal });
      return { titles: ['PID'], processes: [['1']] };
    },
    async *stats(id, signal) {
      opened.push({ kind: 'stats', id, signal });
      await untilAborted(signal);
    },
    async inspectContainer(id, signal) {
      opened.push({ kind: 'inspect', id, signal });
      return { Id: id, n: opened.length };
    },
    async inspectImage(id, signal) {
      opened.push({ kind: 'inspect', id, signal });
      return { Id: id };
    },
    // A service's log (test/unit/service-log-follower.test.ts); nothing here opens one.
    swarm: {} as SwarmApi,
  };
  const connection = new Store<ConnectionState>({ status: 'connected' });
  const feed: EngineFeed = {
    onEvent: (l) => (listeners.add(l), () => listeners.delete(l)),
    connection,
    isConnected: () => connection.get().status === 'connected',
  };
  const emit = (e: EngineEvent) => listeners.forEach((l) => l(e));
  return { api, feed, opened, emit, listeners };
}

/** A line as the engine's log stream gives it: the stamp, a space, the text. */
function line(n: number, text: string): RawLogLine {
  const ts = `2026-01-01T00:00:00.${String(n).padStart(9, '0')}Z`;
  return { ts, stream: 'stdout', text, raw: `${ts} ${text}`, textStart: ts.length + 1 };
}

describe('DetailModel', () => {
  it('opens a log only once the selection settles: passing over containers opens nothing', async () => {
    const { api, feed, opened } = fakes({ c3: [line(1, 'third')] });
    const model = new DetailModel(api, feed, { settleMs: 20, logFlushMs: 1 });
    for (const id of ['c1', 'c2', 'c3']) model.show({ tab: 'logs', containerId: id, tail: 1000 });
    expect(opened).toEqual([]);
    await waitFor(() => model.state.logs?.state === 'live' && model.state.logs.lines.length === 1);
    expect(opened.map((o) => o.id)).toEqual(['c3']);
    expect(model.state.logs?.containerId).toBe('c3');
    model.stop();
    expect(opened[0]!.signal!.aborted).toBe(true);
    expect(model.state).toEqual({});
  });

  it('re-opens the same container for a new tail, keeping its lines until the new stream is there', async () => {
    const { api, feed, opened } = fakes({ c1: [line(1, 'a'), line(2, 'b')] });
    const model = new DetailModel(api, feed, { settleMs: 5, logFlushMs: 1 });
    model.show({ tab: 'logs', containerId: 'c1', tail: 100 });
    await waitFor(() => model.state.logs?.lines.length === 2);
    model.show({ tab: 'logs', containerId: 'c1', tail: 1000 });
    expect(opened[0]!.signal!.aborted).toBe(true);
    expect(model.state.logs?.lines.length).toBe(2);
    await waitFor(() => opened.length === 2);
    expect(opened[1]!.opts).toMatchObject({ tail: 1000 });
    // Another container starts empty: its log is not the previous one's.
    model.show({ tab: 'logs', containerId: 'c2', tail: 1000 });
    expect(model.state.logs).toBeUndefined();
    model.stop();
  });

  it('showing the same target again keeps the stream open', async () => {
    const { api, feed, opened } = fakes();
    const model = new DetailModel(api, feed, { settleMs: 1 });
    model.show({ tab: 'stats', containerId: 'c1', running: true });
    model.show({ tab: 'stats', containerId: 'c1', running: true });
    await waitFor(() => opened.length === 1);
    expect(opened[0]!.signal!.aborted).toBe(false);
    model.stop();
  });

  it('reads top and stats only for a running container, and closes them when the tab changes', async () => {
    const { api, feed, opened } = fakes();
    const model = new DetailModel(api, feed);
    model.show({ tab: 'top', containerId: 'c1', running: false });
    expect(model.state.top).toBeUndefined();
    model.show({ tab: 'top', containerId: 'c1', running: true });
    await waitFor(() => model.state.top?.loading === false);
    expect(model.state.top?.result?.processes).toEqual([['1']]);
    model.show({ tab: 'stats', containerId: 'c1', running: true });
    expect(opened[0]!.signal!.aborted).toBe(true);
    expect(model.state.top).toBeUndefined();
    await waitFor(() => opened.length === 2);
    expect(opened[1]!.kind).toBe('stats');
    model.show(undefined);
    expect(opened[1]!.signal!.aborted).toBe(true);
  });

  it("re-reads inspect on its target's events and stops listening when closed", async () => {
    const { api, feed, opened, emit, listeners } = fakes();
    const model = new DetailModel(api, feed);
    model.show({ tab: 'inspect', inspect: { kind: 'container', id: 'c1' } });
    await waitFor(() => model.state.inspect?.loading === false);
    emit({ type: 'container', action: 'rename', id: 'c1', time: 0, attributes: {} });
    emit({ type: 'container', action: 'rename', id: 'other', time: 0, attributes: {} });
    await waitFor(() => opened.length === 2);
    expect(opened.map((o) => o.id)).toEqual(['c1', 'c1']);
    model.show(undefined);
    expect(listeners.size).toBe(0);
  });
});

describe('findLogMatch (n/N)', () => {
  const ring = (texts: string[]) => {
    const r = new LogRing();
    texts.forEach((t, i) => r.push(line(i, t)));
    return r;
  };

  it('finds the next and previous match from a line', () => {
    const lines = ring(['x', 'err one', 'y', 'err two', 'z']);
    expect(findLogMatch(lines, 'err', undefined, 1, false)).toEqual({ seq: 3, wrapped: false });
    expect(findLogMatch(lines, 'err', undefined, 3, true)).toEqual({ seq: 1, wrapped: false });
  });

  it('wraps around once, and says when there is no other match', () => {
    const lines = ring(['err one', 'y', 'err two']);
    expect(findLogMatch(lines, 'err', undefined, 2, false)).toEqual({ seq: 0, wrapped: true });
    expect(findLogMatch(ring(['only err', 'y']), 'err', undefined, 0, false)).toEqual({ none: 'no other match' });
    expect(findLogMatch(lines, 'nothing', undefined, 0, false)).toEqual({ none: 'no match' });
  });

  it('skips matches the filter hides', () => {
    const lines = ring(['err a', 'err b keep', 'err c', 'err d keep']);
    const filter = { pattern: 'keep', ignoreCase: true };
    expect(findLogMatch(lines, 'err', filter, 1, false)).toEqual({ seq: 3, wrapped: false });
    expect(findLogMatch(lines, 'err', filter, 3, false)).toEqual({ seq: 1, wrapped: true });
  });
});
