// The whole screen at the smallest common terminal (80×24) over a fake engine: nothing
// spills past the edge, every pane keeps its border, and dangling images stay marked.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine, fakeApp, fakeContainer, fakeImage } from '../support/fake-engine.js';
import { renderApp, type RenderedApp } from '../support/ui-render.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

describe('layout at 80×24', () => {
  it('fits every line in 80 columns with intact borders, status and hint lines', async () => {
    const engine = new FakeEngine();
    engine.containers = Array.from({ length: 30 }, (_, i) => fakeContainer(i, { ports: '0.0.0.0:8080->80/tcp, :::8080->80/tcp' }));
    engine.images = [fakeImage(1), fakeImage(2, { dangling: true, repository: '<none>', tag: '<none>', ref: 'sha256:x', key: 'd' })];
    const { ctx } = await fakeApp(engine, { cols: 80, rows: 24 });
    app = await renderApp(ctx);
    await app.waitForText('fake-000');
    const lines = app.text().split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    // Header (engine, pane tabs), then panes from line 2 to the last body line, then status + hints; one spare line.
    expect(lines[0]).toMatch(/^dtui /);
    expect(lines[1]).toMatch(/^ 1 Containers {2}2 Images {2}3 Volumes {2}4 Engine {2}5 Networks {2}6 Projects {2}0 Engines/);
    const body = lines.slice(2, 21);
    expect(body[0]).toMatch(/^╭─+╮╭─+╮$/);
    for (const line of body.slice(1, -1)) expect(line, line).toMatch(/^[│╭╰].*[│╮╯]$/);
    expect(body.at(-1)).toMatch(/^╰─+╯╰─+╯$/);
    // The detail tabs name themselves and their keys (short at 80 columns), so the hint bar leaves them out.
    expect(lines[3]).toMatch(/Log l {2}Top t {2}Stat m {2}Insp i/);
    expect(lines[22]).toMatch(/^s stop · S start/);
    // The dangling image is marked even though its column is narrow here.
    expect(app.text()).toMatch(/│ dangling/);
  });

  it('shows an action outcome in the status line', async () => {
    const engine = new FakeEngine();
    engine.containers = [fakeContainer(1, { name: 'web-1' })];
    const { ctx } = await fakeApp(engine, { cols: 80, rows: 24 });
    app = await renderApp(ctx);
    await app.waitForText('web-1');
    await app.press('s');
    await app.waitForText('Stopped web-1');
    expect(engine.calls).toEqual([{ kind: 'container', target: engine.containers[0]!.id, action: 'stop', force: undefined }]);
    engine.failNext = Object.assign(new Error('no such container'), { statusCode: 404, json: { message: 'No such container: abc' } });
    await app.press('r');
    await app.waitForText('Could not restart web-1: 404: No such container: abc');
    // The app keeps running: a key still acts.
    await app.press('?');
    await app.waitForText('Keys — ');
  });
});
