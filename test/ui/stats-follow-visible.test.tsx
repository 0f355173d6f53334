// The list's CPU/MEM sampler reads only rows someone sees: when a full-body pane (Volumes,
// like Services and Tasks) or the help overlay replaces the Containers pane, it lets go of
// every row — no read is left on its schedule — and takes them up again on the way back.
// (Issue 14: the bench once counted 50 stats reads/min in the Services and Tasks panes;
// those came from a dtui an earlier failed scenario left running, not from this one.)
import { afterEach, describe, expect, it } from 'vitest';
import type { RawStats } from '../../src/engine/models/stats.js';
import type { EngineSession } from '../../src/state/session.js';
import { FakeEngine, fakeApp, fakeContainer } from '../support/fake-engine.js';
import { UI_COLS, renderApp, type RenderedApp } from '../support/ui-render.js';
import { waitFor } from '../support/wait.js';

/** A fake engine that answers one-shot stats reads and records which container each was for. */
class StatsEngine extends FakeEngine {
  readonly statsReads: string[] = [];
  statsOnce(id: string): Promise<RawStats> {
    this.statsReads.push(id);
    return Promise.resolve({ memory_stats: { usage: 1_048_576 }, cpu_stats: { cpu_usage: { total_usage: 1 }, system_cpu_usage: 1, online_cpus: 1 } });
  }
  listVolumes(): Promise<[]> {
    return Promise.resolve([]);
  }
}

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

async function sampledList(): Promise<{ engine: StatsEngine; session: EngineSession; app: RenderedApp }> {
  const engine = new StatsEngine();
  engine.containers = Array.from({ length: 12 }, (_, i) => fakeContainer(i));
  const { session, ctx } = await fakeApp(engine, { cols: UI_COLS, rows: 24 });
  app = await renderApp(ctx);
  await app.waitForText('fake-000');
  // The running rows on screen are read: their CPU% cells fill in.
  await app.waitForText(/fake-000 .*running\s+0\.0%/);
  await waitFor(() => session.stats.store.get().size > 0);
  return { engine, session, app };
}

/** The sampler holds no row: nothing is read, nothing is scheduled. */
const letGo = (session: EngineSession) => () => session.stats.store.get().size === 0 && session.stats.pending === 0;

describe('stats sampling follows what is on screen', () => {
  it('stops reading the Containers rows while a full-body pane is shown, and reads them again after', async () => {
    const { engine, session, app } = await sampledList();
    await app.press('3');
    await app.waitForText('[3] Volumes');
    expect(app.text()).not.toContain('fake-000');
    await waitFor(letGo(session), { message: 'the sampler to let go of the hidden rows' });
    const readsWhileHidden = engine.statsReads.length;
    await app.press('1');
    await app.waitForText('fake-000');
    // Back on the list: its rows are read at once (new to the sampler again).
    await waitFor(() => engine.statsReads.length > readsWhileHidden && session.stats.store.get().size > 0);
    expect(engine.statsReads.slice(readsWhileHidden)).toContain(engine.containers[0]!.id);
  });

  it('lets go of the rows while the help overlay covers the list', async () => {
    const { session, app } = await sampledList();
    await app.press('?');
    await app.waitForText((s) => !s.includes('fake-000'));
    await waitFor(letGo(session), { message: 'the sampler to let go of the rows under the help' });
  });
});
