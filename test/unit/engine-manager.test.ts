// The engine manager over fake engines (the sessions are real): a switch replaces the
// app's session and drops what was opened on the old one; an unreachable engine keeps
// the current one and says why; fleet actions go to the row's own engine.
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/app/app-context.js';
import { Controller } from '../../src/app/dispatch/controller.js';
import { fleetList } from '../../src/app/engines/fleet.js';
import type { Endpoint } from '../../src/engine/api/connection.js';
import type { EngineApi } from '../../src/engine/api/engine-api.js';
import { KEYMAP } from '../../src/keys/keymap.js';
import { EngineSession } from '../../src/state/session.js';
import { activeScopes } from '../../src/app/dispatch/scopes.js';
import { detailTarget } from '../../src/views/detail/detail-pane.js';
import { imagesSize } from '../../src/views/engines/engine-summary.js';
import type { ImageRow } from '../../src/engine/models/types.js';
import { FakeEngine, fakeContainer } from '../support/fake-engine.js';
import { waitFor } from '../support/wait.js';

const endpoint = (name: string): Endpoint => ({ kind: 'unix', socketPath: `/${name}.sock`, url: `unix:///${name}.sock` });

class ClosableEngine extends FakeEngine {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

async function twoEngines() {
  const first = new ClosableEngine();
  first.containers = [fakeContainer(1)];
  const second = new ClosableEngine();
  second.containers = [fakeContainer(2)];
  const session = new EngineSession(first as unknown as EngineApi);
  await session.start();
  const ctx = createAppContext(session, {
    cols: 120,
    rows: 30,
    keymap: KEYMAP,
    readOnly: false,
    engines: {
      entries: [
        { id: 'one', name: 'one', url: endpoint('one').url, endpoint: endpoint('one') },
        { id: 'two', name: 'two', url: endpoint('two').url, endpoint: endpoint('two') },
        { id: 'down', name: 'down', url: endpoint('down').url, endpoint: endpoint('down') },
      ],
      currentId: 'one',
      connect: (to) => (to.url === endpoint('two').url ? Promise.resolve(second as unknown as EngineApi) : Promise.reject(new Error('connection refused'))),
    },
  });
  return { first, second, session, ctx, controller: new Controller(ctx, () => undefined) };
}

describe('EngineManager', () => {
  it('a switch replaces the session, drops dialogs, forms and filters, and closes the old engine', async () => {
    const { first, second, session, ctx, controller } = await twoEngines();
    controller.handleKey('/', '/');
    controller.handleKey('x', 'x');
    controller.handleKey('enter', '');
    controller.handleKey('d', 'd');
    expect(ctx.ui.get().lists.containers.filter).toBe('x');
    expect(await ctx.engines.switchTo('two')).toBe(true);
    expect(ctx.session).not.toBe(session);
    expect(ctx.session.engine).toBe(second);
    expect(ctx.ui.get().dialog).toBeUndefined();
    expect(ctx.ui.get().lists.containers.filter).toBe('');
    expect(session.signal.aborted).toBe(true);
    expect(first.closed).toBe(true);
    expect(ctx.ui.get().status?.text).toBe('Switched to two (unix:///two.sock)');
    await waitFor(() => ctx.session.containers.get().rows[0]?.name === fakeContainer(2).name);
    ctx.engines.stop();
    expect(second.closed).toBe(true);
  });

  it('an unreachable engine keeps the current one and says why', async () => {
    const { session, ctx } = await twoEngines();
    expect(await ctx.engines.switchTo('down')).toBe(false);
    expect(ctx.session).toBe(session);
    expect(ctx.ui.get().status).toEqual({ text: 'Cannot switch to down (still on one): connection refused', kind: 'error' });
    ctx.engines.stop();
  });

  it('the fleet lists both engines, and s stops the row on its own engine', async () => {
    const { first, second, ctx, controller } = await twoEngines();
    controller.handleKey('0', '0');
    controller.handleKey('f', 'f');
    await waitFor(() => fleetList(ctx.engines, ctx.ui.get()).rows.length === 2);
    expect(fleetList(ctx.engines, ctx.ui.get()).rows.map((r) => `${r.engine} ${r.row.name}`)).toEqual([
      `one ${fakeContainer(1).name}`,
      `two ${fakeContainer(2).name}`,
    ]);
    controller.handleKey('j', 'j');
    controller.handleKey('s', 's');
    await waitFor(() => second.calls.length > 0);
    expect(second.calls).toEqual([{ kind: 'container', target: fakeContainer(2).id, action: 'stop', force: undefined }]);
    expect(first.calls).toEqual([]);
    // Leaving the view closes the other engine's session.
    controller.handleKey('1', '1');
    expect(second.closed).toBe(true);
    ctx.engines.stop();
  });

  it('t on a fleet row opens its detail pane on the row’s engine, the app’s engine unchanged; Esc closes it', async () => {
    const { first, second, session, ctx, controller } = await twoEngines();
    controller.handleKey('0', '0');
    controller.handleKey('f', 'f');
    await waitFor(() => fleetList(ctx.engines, ctx.ui.get()).rows.length === 2);
    controller.handleKey('j', 'j');
    controller.handleKey('t', 't');
    const ui = ctx.ui.get();
    expect(ui.engines.detail).toBe(true);
    expect(ui.detailTab).toBe('top');
    expect(activeScopes(ui)).toEqual(['detail', 'fleet', 'global']);
    // What the pane asks the detail model for: the row's container, read through engine two.
    const picked = fleetList(ctx.engines, ui).rows[1]!;
    const other = ctx.engines.sessionOf('two')!;
    const target = detailTarget(session, ui, { row: picked, engine: { id: 'two', api: other.engine, feed: other } });
    expect(target).toMatchObject({ tab: 'top', containerId: fakeContainer(2).id, engine: { id: 'two' } });
    let topsOnSecond = 0;
    second.top = () => (topsOnSecond++, Promise.resolve({ titles: ['PID'], processes: [['1']] }));
    first.top = () => Promise.reject(new Error('asked the wrong engine'));
    ctx.detail.show(target);
    await waitFor(() => ctx.detail.state.top?.result !== undefined);
    expect(topsOnSecond).toBeGreaterThan(0);
    expect(ctx.session).toBe(session);
    // Esc closes the pane and leaves the fleet; j moves in the list again.
    controller.handleKey('esc', '');
    expect(ctx.ui.get().engines.detail).toBe(false);
    expect(ctx.ui.get().focus).toBe('engines');
    ctx.detail.stop();
    ctx.engines.stop();
  });
});

describe('imagesSize', () => {
  it('counts each image once however many tags it has', () => {
    const row = (id: string, tag: string, size: number) => ({ id, tag, size }) as ImageRow;
    expect(imagesSize([row('a', 'v1', 1000), row('a', 'v2', 1000), row('b', 'latest', 500)])).toBe(1500);
    expect(imagesSize([])).toBe(0);
  });
});
