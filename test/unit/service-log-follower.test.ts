// The live service log without an engine: lines of several tasks placed in time order
// (the tails' burst sorted before the first lines show, later lines held until every
// task still writing has passed them), tagged task@node from the task list — re-read
// when a line names a task not known yet (a task scaled up) — and everything it opened
// closed by stop().
import { describe, expect, it } from 'vitest';
import type { SwarmApi, SwarmListing } from '../../src/engine/api/swarm.js';
import type { RawLogLine } from '../../src/engine/models/types.js';
import type { ConnectionState, EngineFeed } from '../../src/state/engine-feed.js';
import { untagged } from '../../src/state/merged-log-follower.js';
import { ServiceLogFollower } from '../../src/state/service-log-follower.js';
import { Store } from '../../src/state/store.js';
import { waitFor } from '../support/wait.js';

const details = (task: string, node: string) => `com.docker.swarm.node.id=${node},com.docker.swarm.service.id=svc,com.docker.swarm.task.id=${task}`;
const line = (sec: number, task: string, node: string, text: string): RawLogLine => {
  const ts = `2026-01-02T03:04:${String(sec).padStart(2, '0')}.5Z`;
  const body = `${details(task, node)} ${text}`;
  return { ts, stream: 'stdout', text: body, raw: `${ts} ${body}`, textStart: ts.length + 1 };
};
const listingOf = (tasks: Array<[id: string, slot: number, node: string]>): SwarmListing => ({
  services: [{ ID: 'svc', Spec: { Name: 'web', Mode: { Replicated: { Replicas: tasks.length } } } }],
  tasks: tasks.map(([id, slot, node]) => ({ ID: id, ServiceID: 'svc', Slot: slot, NodeID: node, DesiredState: 'running', Status: { State: 'running' } })),
  nodes: [
    { ID: 'nodeAAAAAAAA', Description: { Hostname: 'vm' }, Spec: { Role: 'manager' }, Status: { State: 'ready' } },
    { ID: 'nodeBBBBBBBB', Description: { Hostname: 'vm' }, Spec: { Role: 'worker' }, Status: { State: 'ready' } },
  ],
});

function fakes() {
  let listing = listingOf([
    ['t1', 1, 'nodeAAAAAAAA'],
    ['t2', 2, 'nodeBBBBBBBB'],
  ]);
  const signals: AbortSignal[] = [];
  const listings: number[] = [];
  const queue: RawLogLine[][] = [];
  let wake: (() => void) | undefined;
  const push = (batch: RawLogLine[]) => {
    queue.push(batch);
    wake?.();
  };
  const swarm: Pick<SwarmApi, 'listing' | 'serviceLogs'> = {
    async listing(signal) {
      signals.push(signal);
      listings.push(Date.now());
      return listing;
    },
    async *serviceLogs(_id, opts, signal) {
      expect(opts.follow).toBe(true);
      signals.push(signal);
      while (!signal.aborted) {
        const batch = queue.shift();
        if (batch) yield batch;
        else await new Promise<void>((r) => ((wake = r), signal.addEventListener('abort', () => r(), { once: true })));
      }
    },
  };
  const connection = new Store<ConnectionState>({ status: 'connected' });
  const feed: EngineFeed = { onEvent: () => () => {}, connection, isConnected: () => true };
  return {
    api: { swarm: swarm as SwarmApi },
    feed,
    signals,
    listings,
    push,
    setListing: (l: SwarmListing) => (listing = l),
  };
}

const texts = (f: ServiceLogFollower) => {
  const { lines } = f.store.get();
  return Array.from({ length: lines.length }, (_, i) => untagged(lines.get(i)!.text));
};

describe('ServiceLogFollower', () => {
  it('sorts the tails by time, tags each line task@node, and places later lines in time order', async () => {
    const { api, feed, push } = fakes();
    const f = new ServiceLogFollower(api, feed, 'svc', 'service:svc', { flushMs: 1, burstQuietMs: 20, quietMs: 200, holdMs: 2000 });
    f.start();
    // Each task's tail in turn, as the engine sends them.
    push([line(1, 't1', 'nodeAAAAAAAA', 'a1'), line(3, 't1', 'nodeAAAAAAAA', 'a3')]);
    push([line(2, 't2', 'nodeBBBBBBBB', 'b2')]);
    await waitFor(() => f.store.get().lines.length === 3);
    expect(texts(f)).toEqual(['web.1@vm nodeAAA | a1', 'web.2@vm nodeBBB | b2', 'web.1@vm nodeAAA | a3']);
    expect(f.store.get().state).toBe('live');
    // Live: t1's newer line waits until t2 (still writing) has passed it.
    push([line(6, 't1', 'nodeAAAAAAAA', 'a6')]);
    await new Promise((r) => setTimeout(r, 50));
    expect(f.store.get().lines.length).toBe(3);
    push([line(5, 't2', 'nodeBBBBBBBB', 'b5'), line(7, 't2', 'nodeBBBBBBBB', 'b7')]);
    await waitFor(() => f.store.get().lines.length === 5);
    expect(texts(f).slice(3)).toEqual(['web.2@vm nodeBBB | b5', 'web.1@vm nodeAAA | a6']);
    f.stop();
  });

  it('a task that joins later (scaled up) is tagged after the task list is read again', async () => {
    const { api, feed, push, listings, setListing } = fakes();
    const f = new ServiceLogFollower(api, feed, 'svc', 'service:svc', { flushMs: 1, burstQuietMs: 5, quietMs: 50, holdMs: 100, relistMs: 10 });
    f.start();
    push([line(1, 't1', 'nodeAAAAAAAA', 'first')]);
    await waitFor(() => f.store.get().lines.length === 1);
    const before = listings.length;
    setListing(
      listingOf([
        ['t1', 1, 'nodeAAAAAAAA'],
        ['t2', 2, 'nodeBBBBBBBB'],
        ['t3', 3, 'nodeBBBBBBBB'],
      ]),
    );
    push([line(9, 't3', 'nodeBBBBBBBB', 'new task')]);
    await waitFor(() => f.store.get().lines.length === 2);
    expect(texts(f)[1]).toBe('web.3@vm nodeBBB | new task');
    expect(listings.length).toBe(before + 1);
    // A known task asks for no re-read.
    push([line(10, 't3', 'nodeBBBBBBBB', 'again')]);
    await waitFor(() => f.store.get().lines.length === 3);
    expect(listings.length).toBe(before + 1);
    f.stop();
  });

  it("draws a task line's tabs and carriage returns before the tag goes in front (a CR must not overwrite the tag)", async () => {
    const { api, feed, push } = fakes();
    const f = new ServiceLogFollower(api, feed, 'svc', 'service:svc', { flushMs: 1, burstQuietMs: 5, quietMs: 50, holdMs: 100 });
    f.start();
    push([line(1, 't1', 'nodeAAAAAAAA', '10%\r50%\r100%'), line(2, 't1', 'nodeAAAAAAAA', 'a\tb')]);
    await waitFor(() => f.store.get().lines.length === 2);
    expect(texts(f)).toEqual(['web.1@vm nodeAAA | 100%', 'web.1@vm nodeAAA | a       b']);
    f.stop();
  });

  it('stop() closes the stream and the task-list read', async () => {
    const { api, feed, signals } = fakes();
    const f = new ServiceLogFollower(api, feed, 'svc', 'service:svc');
    f.start();
    await waitFor(() => signals.length === 2);
    f.stop();
    expect(signals.every((s) => s.aborted)).toBe(true);
  });
});
