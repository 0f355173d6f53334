// The detail pane over a fake engine: Tab reaches it, it shows the image summary or the
// container's Logs, and the movement keys scroll the log there.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine, fakeApp, fakeContainer, fakeImage } from '../support/fake-engine.js';
import { hintedPane } from '../support/hints.js';
import { UI_COLS, renderApp, type RenderedApp } from '../support/ui-render.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

// Each log line starts with a one-cell gutter (blank, or ▌ for stderr) after the border's space.
const logText = (app: RenderedApp) =>
  app
    .text()
    .split('\n')
    .map((l) => /│ [ ▌](entry \d+)\s*│$/.exec(l)?.[1])
    .filter(Boolean);

describe('detail pane', () => {
  it('Tab from Images shows the image; l there switches to the container logs, which j/k/End scroll', async () => {
    const engine = new FakeEngine();
    engine.containers = [fakeContainer(1, { name: 'web-1', imageId: 'sha256:img' })];
    engine.images = [fakeImage(1, { id: 'sha256:img', repository: 'shop/web', tag: 'v2' })];
    engine.logLines = Array.from({ length: 100 }, (_, i) => ({ ts: '', stream: 'stdout' as const, text: `entry ${i}` }));
    const { ctx } = await fakeApp(engine, { cols: UI_COLS, rows: 24 });
    app = await renderApp(ctx);
    await app.waitForText('web-1');
    await app.press('\t', '\t');
    const image = await app.waitForText('Image shop/web:v2');
    expect(image).toMatch(/In use\s+1 container\(s\)/);
    await app.press('l');
    await app.waitForText(/following · 100 lines/);
    expect(logText(app).at(-1)).toBe('entry 99');
    await app.press('k');
    await app.waitForText(/paused at line/);
    expect(logText(app).at(-1)).toBe('entry 98');
    await app.press('\x1b[F'); // End
    await app.waitForText(/following · 100 lines/);
    expect(logText(app).at(-1)).toBe('entry 99');
    // Esc goes back to the list the container came from.
    await app.press('\x1b');
    await app.waitForText((screen) => hintedPane(screen) === 'containers');
  });

  it('keeps every tab named with its key; a long container name is cut in its middle, keeping its end', async () => {
    const engine = new FakeEngine();
    const long = 'shop-backend-payments-worker-eu-west-1';
    engine.containers = [fakeContainer(1, { name: 'web-1' }), fakeContainer(2, { name: long })];
    const { ctx } = await fakeApp(engine, { cols: 160, rows: 30 });
    app = await renderApp(ctx);
    const short = await app.waitForText(/Logs l\s+Top t\s+Stats m\s+Inspect i\s+web-1 running/);
    expect(short).toContain('web-1');
    await app.press('j');
    // Too long beside the full tab names: the short ones, and the name cut in its middle.
    const title = (await app.waitForText(/Insp i\s+shop-\S*…\S*eu-west-1/)).split('\n').find((l) => l.includes('eu-west-1'))!;
    expect(title).toMatch(/Log l {2}Top t {2}Stat m {2}Insp i\s+shop-backend\S*…\S*-eu-west-1 running/);
    await app.press('t');
    await app.waitForText(/PID|Reading processes|not running/);
    expect(app.text()).toMatch(/Top t {2}Stat m {2}Insp i\s+shop-\S*…/);
  });

  for (const cols of [80, 100, 120]) {
    it(`names every tab with its key at ${cols} columns (short names), with the container's name where it fits`, async () => {
      const engine = new FakeEngine();
      engine.containers = [fakeContainer(1, { name: 'shop-backend-payments-worker-1' })];
      const { ctx } = await fakeApp(engine, { cols, rows: 24 });
      app = await renderApp(ctx);
      const screen = await app.waitForText(/Log l {2}Top t {2}Stat m {2}Insp i/);
      const title = screen.split('\n').find((l) => l.includes('Insp i'))!;
      // At 80 the tabs take the whole title; from 100 the name's end shows after them.
      if (cols >= 100) expect(title).toMatch(/Insp i\s+shop\S*…\S*-1\b/);
      // Mouse zones follow the short names: Top t is where it is drawn.
      const inner = title.indexOf('││') + 1 + 2; // the detail pane's border and padding
      expect(ctx.screen.detailTabAt(title.indexOf('Top t') - inner)).toBe('top');
      expect(ctx.screen.detailTabAt(title.indexOf('Insp i') - inner)).toBe('inspect');
    });
  }
});
