// A confirm dialog acts only on the engine session it was opened on, and only while that
// is still the app's session: after an engine switch, "Remove container X?" answered y
// must not send X's id to the new engine (issue 9).
import { describe, expect, it } from 'vitest';
import { Controller } from '../../src/app/dispatch/controller.js';
import type { EngineApi } from '../../src/engine/api/engine-api.js';
import { EngineSession } from '../../src/state/session.js';
import { FakeEngine, fakeApp, fakeContainer } from '../support/fake-engine.js';
import { waitFor } from '../support/wait.js';

async function openRemoveDialog() {
  const first = new FakeEngine();
  first.containers = [fakeContainer(1, { state: 'exited' })];
  const { ctx, session } = await fakeApp(first, { cols: 100, rows: 30 });
  const controller = new Controller(ctx, () => undefined);
  controller.handleKey('d', 'd');
  const dialog = ctx.ui.get().dialog;
  return { first, ctx, session, controller, dialog };
}

describe('confirm dialogs and engine sessions', () => {
  it('records the session, the action and the target it was opened on', async () => {
    const { ctx, session, dialog } = await openRemoveDialog();
    expect(dialog?.title).toMatch(/^Remove container fake-001\?/);
    expect(dialog?.origin).toEqual({ session, action: 'container.remove', target: fakeContainer(1).id });
    session.stop();
    ctx.ui.update((s) => ({ ...s, dialog: undefined }));
  });

  it('y removes the container on the engine it was asked on', async () => {
    const { first, session, controller } = await openRemoveDialog();
    controller.handleKey('y', 'y');
    await waitFor(() => first.calls.length > 0);
    expect(first.calls).toEqual([{ kind: 'container', target: fakeContainer(1).id, action: 'remove', force: false }]);
    session.stop();
  });

  it('after an engine switch, y does nothing on either engine and says why', async () => {
    const { first, ctx, session, controller } = await openRemoveDialog();
    const second = new FakeEngine();
    second.containers = [fakeContainer(1, { state: 'exited' })];
    const next = new EngineSession(second as unknown as EngineApi);
    await next.start();
    ctx.sessions.set(next);
    controller.handleKey('y', 'y');
    expect(ctx.ui.get().dialog).toBeUndefined();
    expect(ctx.ui.get().status?.kind).toBe('error');
    expect(ctx.ui.get().status?.text).toBe('Remove container fake-001? — not done: it was asked on another engine');
    // Give a wrongly started removal time to reach either engine: none may.
    await new Promise((resolve) => setImmediate(resolve));
    expect(second.calls).toEqual([]);
    expect(first.calls).toEqual([]);
    session.stop();
    next.stop();
  });

  it('a form opened on one engine is not submitted to another', async () => {
    const { ctx, session, controller } = await openRemoveDialog();
    controller.handleKey('n', 'n');
    controller.handleKey('c', 'c'); // commit form of the selected container
    expect(ctx.ui.get().form?.origin).toEqual({ session, action: 'container.commit', target: fakeContainer(1).id });
    for (const ch of 'snap:1') controller.handleKey(ch, ch);
    const other = new EngineSession(new FakeEngine() as unknown as EngineApi);
    ctx.sessions.set(other);
    controller.handleKey('enter', '');
    expect(ctx.ui.get().form).toBeUndefined();
    expect(ctx.ui.get().status?.text).toMatch(/not done — the form was opened on another engine/);
    session.stop();
    other.stop();
  });
});
