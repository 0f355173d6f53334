// The merged log of a project: lines of every container interleaved by their engine
// timestamps, tagged per service/replica; containers join and leave with the list.
import { describe, expect, it } from 'vitest';
import { MergedLogFollower, memberTag } from '../../src/state/merged-log-follower.js';
import { taggedText } from '../../src/state/time-ordered-merge.js';
import { Store } from '../../src/state/store.js';
import { containerRow } from '../../src/engine/models/rows.js';
import { stripSgr } from '../../src/text/sanitize.js';
import type { ContainerRow, EngineEvent, LogLine } from '../../src/engine/models/types.js';
import type { ListState } from '../../src/state/resource-query.js';
import { waitFor } from '../support/wait.js';

const stamp = (n: number, text: string): LogLine => ({ ts: `2026-01-01T00:00:00.${String(n).padStart(9, '0')}Z`, stream: 'stdout', text });

function member(id: string, service: string, number: number, project = 'shop'): ContainerRow {
  return containerRow(
    {
      Id: id,
      Names: [`/${project}-${service}-${number}`],
      State: 'running',
      Created: 1,
      Labels: {
        'com.docker.compose.project': project,
        'com.docker.compose.service': service,
        'com.docker.compose.container-number': String(number),
      },
    },
    0,
  );
}

/**
 * An engine whose containers' logs are scripted per id: each stream yields its batches
 * (the first one at once, the rest when released), then stays open until aborted.
 */
function fakeEngine(logs: Record<string, LogLine[][]>) {
  const opened: string[] = [];
  const release = new Map<string, () => void>();
  const engine = {
    async *logs(id: string, _opts: unknown, signal: AbortSignal) {
      opened.push(id);
      const batches = [...(logs[id] ?? [])];
      if (batches.length) yield batches.shift()!;
      for (const batch of batches) {
        await new Promise<void>((resolve) => release.set(id, resolve));
        yield batch;
      }
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    },
  };
  const feed = {
    onEvent: (_l: (e: EngineEvent) => void) => () => undefined,
    connection: new Store({ status: 'connected' as const }),
    isConnected: () => true,
  };
  return { engine, feed, opened, release: (id: string) => release.get(id)?.() };
}

const shown = (f: MergedLogFollower) =>
  f.store
    .get()
    .lines.slice(0)
    .map((l) => stripSgr(l.text));

describe('merged logs', () => {
  it('interleaves the tails of every replica by timestamp, each line tagged service-replica', async () => {
    const { engine, feed } = fakeEngine({
      a: [[stamp(1, 'web one'), stamp(4, 'web four'), stamp(7, 'web seven')]],
      b: [[stamp(2, 'web two'), stamp(5, 'web five')]],
      c: [[stamp(3, 'db three'), stamp(6, 'db six')]],
    });
    const list = new Store<ListState<ContainerRow>>({
      rows: [member('a', 'web', 1), member('b', 'web', 2), member('c', 'db', 1), member('x', 'db', 1, 'other')],
      loaded: true,
    });
    const f = new MergedLogFollower(engine as never, feed, list, { key: 'project:shop', project: 'shop' }, { flushMs: 1, quietMs: 5 });
    f.start();
    await waitFor(() => shown(f).length === 7);
    expect(shown(f)).toEqual([
      'web-1 | web one',
      'web-2 | web two',
      'db-1  | db three',
      'web-1 | web four',
      'web-2 | web five',
      'db-1  | db six',
      'web-1 | web seven',
    ]);
    // The stamps stay on the lines (shown with T), in order.
    const stamps = f.store
      .get()
      .lines.slice(0)
      .map((l) => l.ts);
    expect([...stamps].sort()).toEqual(stamps);
    expect(f.memberIds().sort()).toEqual(['a', 'b', 'c']);
    f.stop();
  });

  it("draws carriage returns and tabs from the container line start: the tag stays, tab stops are the container's", async () => {
    const { engine, feed } = fakeEngine({ a: [[stamp(1, '10%\r50%\r100% done'), stamp(2, 'a\tb')]] });
    const list = new Store<ListState<ContainerRow>>({ rows: [member('a', 'web', 1)], loaded: true });
    const f = new MergedLogFollower(engine as never, feed, list, { key: 'project:shop', project: 'shop' }, { flushMs: 1, quietMs: 5 });
    f.start();
    await waitFor(() => shown(f).length === 2);
    expect(shown(f)).toEqual(['web-1 | 100% done', 'web-1 | a       b']);
    f.stop();
  });

  it('holds a line until every container still writing has passed its time (a lagging stream is waited for)', async () => {
    const { engine, feed, release } = fakeEngine({
      a: [[stamp(1, 'a1')], [stamp(30, 'a30'), stamp(50, 'a50')]],
      b: [[stamp(2, 'b2')], [stamp(40, 'b40')]],
    });
    const list = new Store<ListState<ContainerRow>>({ rows: [member('a', 'web', 1), member('b', 'web', 2)], loaded: true });
    const f = new MergedLogFollower(
      engine as never,
      feed,
      list,
      { key: 'service:shop/web', project: 'shop', service: 'web' },
      {
        flushMs: 1,
        quietMs: 60_000,
        holdMs: 60_000,
      },
    );
    f.start();
    // b2 waits: a (still writing) might yet send a line older than it.
    await waitFor(() => shown(f).length === 1 && f.held() === 1);
    expect(shown(f)).toEqual(['web-1 | a1']);
    // a's stream runs ahead: b2 is placed, a30 and a50 must wait for b, whenever its next lines come.
    release('a');
    await waitFor(() => f.held() === 2);
    expect(shown(f)).toEqual(['web-1 | a1', 'web-2 | b2']);
    release('b');
    await waitFor(() => shown(f).length === 4);
    // b has reached 40: a50 may still be followed by older lines of b, so it waits.
    expect(shown(f)).toEqual(['web-1 | a1', 'web-2 | b2', 'web-1 | a30', 'web-2 | b40']);
    f.stop();
  });

  it('places a line anyway once it has waited holdMs for a stream that lags', async () => {
    const { engine, feed, release } = fakeEngine({ a: [[stamp(1, 'a1')], [stamp(30, 'a30')]], b: [[stamp(2, 'b2')]] });
    const list = new Store<ListState<ContainerRow>>({ rows: [member('a', 'web', 1), member('b', 'web', 2)], loaded: true });
    const f = new MergedLogFollower(engine as never, feed, list, { key: 'project:shop', project: 'shop' }, { flushMs: 1, quietMs: 60_000, holdMs: 20 });
    f.start();
    await waitFor(() => shown(f).length === 2);
    release('a');
    await waitFor(() => shown(f).length === 3);
    expect(shown(f)).toEqual(['web-1 | a1', 'web-2 | b2', 'web-1 | a30']);
    f.stop();
  });

  it('lets a container that appears while watching join (its whole log), and one removed leave', async () => {
    const { engine, feed, opened } = fakeEngine({ a: [[stamp(1, 'a1')]], n: [[stamp(9, 'new9')]] });
    const list = new Store<ListState<ContainerRow>>({ rows: [member('a', 'web', 1)], loaded: true });
    const f = new MergedLogFollower(engine as never, feed, list, { key: 'project:shop', project: 'shop' }, { flushMs: 1, quietMs: 5 });
    f.start();
    await waitFor(() => shown(f).length === 1);
    list.set({ rows: [member('a', 'web', 1), member('n', 'web', 2)], loaded: true });
    await waitFor(() => shown(f).length === 2);
    expect(shown(f)).toEqual(['web-1 | a1', 'web-2 | new9']);
    list.set({ rows: [member('n', 'web', 2)], loaded: true });
    expect(f.memberIds()).toEqual(['n']);
    expect(opened).toEqual(['a', 'n']);
    f.stop();
    expect(f.memberIds()).toEqual([]);
  });

  it('tags with the service and replica, and sanitizes a hostile tag', () => {
    expect(memberTag(member('a', 'web', 3))).toBe('web-3');
    const plain = containerRow({ Id: 'z', Names: ['/loose'], State: 'running', Created: 1 }, 0);
    expect(memberTag(plain)).toBe('loose');
    const text = taggedText('ev\u001b]0;x\u0007il', 36, 6, 'hello');
    expect(stripSgr(text)).toBe('evil   | hello');
    expect(text.startsWith('\u001b[36m')).toBe(true);
  });
});
