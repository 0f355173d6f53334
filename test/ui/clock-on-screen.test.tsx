// The Containers list's clock ticks every second only while a row ON SCREEN counts
// seconds: a container restarting below the window (or filtered out) leaves it at 30 s,
// and scrolling to that row makes it tick every second again at once (issue 14: an
// all-day dtui must not wake every second for a row nobody sees).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeEngine, fakeApp, fakeContainer } from '../support/fake-engine.js';
import { UI_COLS, renderApp, type RenderedApp } from '../support/ui-render.js';
import { waitFor } from '../support/wait.js';

const CLOCK_PERIODS = new Set([1000, 30_000]);
/**
 * The periods of the clock timers now running, sorted (useClock is the only 1 s / 30 s
 * interval; the Images pane below the list keeps its own 30 s clock).
 */
function watchClock(): () => number[] {
  const active = new Map<unknown, number>();
  const realSet = globalThis.setInterval;
  const realClear = globalThis.clearInterval;
  vi.spyOn(globalThis, 'setInterval').mockImplementation((fn: () => void, ms?: number) => {
    const timer = realSet(fn, ms);
    if (ms !== undefined && CLOCK_PERIODS.has(ms)) active.set(timer, ms);
    return timer;
  });
  vi.spyOn(globalThis, 'clearInterval').mockImplementation((timer?: Parameters<typeof clearInterval>[0]) => {
    active.delete(timer);
    realClear(timer);
  });
  return () => [...active.values()].sort((a, b) => a - b);
}

let app: RenderedApp | undefined;
afterEach(() => {
  app?.unmount();
  vi.restoreAllMocks();
});

describe('the list clock follows the rows on screen', () => {
  it('ticks every 30 s while the only young container is below the window, every second once it is scrolled to', async () => {
    const clock = watchClock();
    const engine = new FakeEngine();
    engine.containers = Array.from({ length: 40 }, (_, i) =>
      i === 39 ? fakeContainer(i, { status: 'Up 3 seconds', statusAt: Date.now() }) : fakeContainer(i),
    );
    const { ctx } = await fakeApp(engine, { cols: UI_COLS, rows: 24 });
    app = await renderApp(ctx);
    await app.waitForText('fake-000');
    expect(app.text()).not.toContain('fake-039');
    await waitFor(() => clock().join() === '30000,30000', { message: () => `two 30 s clocks, got [${clock().join()}]` });

    await app.press('G');
    await app.waitForText('fake-039');
    await waitFor(() => clock().join() === '1000,30000', { message: () => `a 1 s clock, got [${clock().join()}]` });

    await app.press('g');
    await app.waitForText('fake-000');
    await waitFor(() => clock().join() === '30000,30000', { message: () => `back to two 30 s clocks, got [${clock().join()}]` });
  });

  it('ticks every 30 s while the young container is filtered out', async () => {
    const clock = watchClock();
    const engine = new FakeEngine();
    engine.containers = [fakeContainer(0, { status: 'Up 3 seconds', statusAt: Date.now() }), fakeContainer(1)];
    const { ctx } = await fakeApp(engine, { cols: UI_COLS, rows: 24 });
    app = await renderApp(ctx);
    await app.waitForText('fake-000');
    await waitFor(() => clock().join() === '1000,30000', { message: () => `a 1 s clock, got [${clock().join()}]` });
    await app.press('/', ...'fake-001', '\r');
    await app.waitForText((s) => s.includes('fake-001') && !s.includes('fake-000'));
    await waitFor(() => clock().join() === '30000,30000', { message: () => `two 30 s clocks, got [${clock().join()}]` });
  });
});
