// Help overlay and confirm dialogs over a fake engine: help is generated from the
// keymap and shows every action at the sizes people use; dialogs name their target,
// default to No, and only y reaches the engine.
import { afterEach, describe, expect, it } from 'vitest';
import { KEYMAP } from '../../src/keys/keymap.js';
import { FakeEngine, fakeApp, fakeContainer, fakeImage } from '../support/fake-engine.js';
import { UI_COLS, renderApp, type RenderedApp } from '../support/ui-render.js';
import { waitFor } from '../support/wait.js';
import { openOverlay } from '../../src/app/overlay.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

async function open(rows: number, setup: (e: FakeEngine) => void = () => {}) {
  const engine = new FakeEngine();
  engine.containers = [fakeContainer(1, { name: 'web-1' }), fakeContainer(2, { name: 'db-1', state: 'exited', status: 'Exited (0) 1 hour ago' })];
  engine.images = [fakeImage(1, { repository: 'shop/web', tag: 'v2', ref: 'shop/web:v2', containers: 1 })];
  setup(engine);
  const { ctx } = await fakeApp(engine, { cols: UI_COLS, rows });
  app = await renderApp(ctx);
  await app.waitForText('web-1');
  return { engine, app, ctx };
}

/** The help body's lines on screen (between the title and the "more" line), borders removed. */
function helpBody(screen: string): string[] {
  const lines = screen.split('\n');
  const start = lines.findIndex((l) => l.includes('Keys — '));
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const inner = /^│ (.*) │$/.exec(line)?.[1];
    if (inner === undefined || /^(↓ PgDn|↑ PgUp)/.test(inner)) break;
    body.push(inner.trimEnd());
  }
  return body;
}

/**
 * Every help line the overlay showed while paging through it with PgDn, in order, with
 * wrapped help text joined back onto its row (a continuation is indented past the keys).
 */
async function readAllHelp(app: RenderedApp): Promise<string> {
  const lines = helpBody(app.text());
  for (let i = 0; i < 30 && !app.text().includes('↑ PgUp for the keys above'); i++) {
    const before = app.text();
    await app.press('\x1b[6~');
    // Every PgDn before the last page moves the list, so wait for the frame to change.
    await waitFor(async () => (await app.waitForText('')) !== before, { timeout: 3000, interval: 10, message: 'help to scroll on PgDn' });
    const page = helpBody(app.text());
    // The last page stops at the end of the list, so it can repeat lines already read.
    let overlap = Math.min(page.length, lines.length);
    while (overlap > 0 && lines.slice(-overlap).join('\n') !== page.slice(0, overlap).join('\n')) overlap--;
    lines.push(...page.slice(overlap));
  }
  const joined: string[] = [];
  for (const line of lines) {
    if (/^ {3,}\S/.test(line) && joined.length > 0) joined[joined.length - 1] += ` ${line.trim()}`;
    else joined.push(line);
  }
  return joined.join('\n');
}

describe('help overlay', () => {
  for (const rows of [45, 24]) {
    it(`lists every keymap action at ${UI_COLS}×${rows}`, async () => {
      const { app } = await open(rows);
      await app.press('?');
      await app.waitForText('Keys — ');
      // A short terminal says there is more rather than silently cutting the list.
      if (rows === 24) expect(app.text()).toContain('↓ PgDn for more keys');
      const seen = await readAllHelp(app);
      for (const action of KEYMAP) expect(seen, action.id).toContain(action.help);
      await app.press('\x1b');
      await app.waitForText('[1] Containers');
      expect(app.text()).not.toContain('Keys — ');
    });
  }
});

describe('confirm dialogs', () => {
  it('names a running container, says it is force-removed and volumes are kept; n cancels, y removes', async () => {
    const { engine, app } = await open(24);
    await app.press('d');
    const screen = await app.waitForText('Remove container web-1? y/N');
    expect(screen).toMatch(/force-removed/);
    expect(screen).toMatch(/volumes are kept/);
    expect(screen).toMatch(/n\/Esc cancel \(default No\)/);
    await app.press('n');
    await app.waitForText(/s stop/);
    expect(engine.calls).toEqual([]);
    await app.press('d');
    await app.waitForText('Remove container web-1? y/N');
    await app.press('\r'); // Enter is No too
    await app.waitForText(/s stop/);
    expect(engine.calls).toEqual([]);
    await app.press('d', 'y');
    await app.waitForText('Removed web-1');
    expect(engine.calls).toEqual([{ kind: 'container', target: engine.containers[0]!.id, action: 'remove', force: true }]);
  });

  it('names an image by repo:tag and id, and shows a conflict as one line while the app keeps running', async () => {
    const { engine, app } = await open(24);
    await app.press('2', 'd');
    const screen = await app.waitForText('Remove image shop/web:v2? y/N');
    expect(screen).toContain(engine.images[0]!.shortId);
    engine.failNext = Object.assign(
      new Error(
        '(HTTP code 409) unexpected - conflict: unable to remove repository reference "shop/web:v2" (must force) - container 123 is using its referenced image abc',
      ),
      {
        statusCode: 409,
        json: { message: 'conflict: unable to remove repository reference "shop/web:v2" (must force) - container 123 is using its referenced image abc' },
      },
    );
    await app.press('y');
    const after = await app.waitForText(/409: conflict/);
    expect(after).toContain('shop/web:v2');
    // Still usable: the dialog is gone and keys work.
    await app.press('1');
    await app.waitForText(/s stop/);
  });
});

describe('text overlay search', () => {
  it('/ finds lines (smart case), counts them right, highlights them and n/N move between them', async () => {
    const { app, ctx } = await open(24);
    const lines = Array.from({ length: 60 }, (_, i) => (i === 5 || i === 30 || i === 50 ? `  "Gateway": "10.0.${i}.1"` : `  "Line": ${i}`));
    openOverlay(ctx, { title: 'Inspect network net-a', lines });
    await app.waitForText('Inspect network net-a');
    await app.press('/');
    await app.waitForText('Search Inspect network net-a');
    for (const c of 'gateway') await app.press(c);
    await app.press('\r');
    // The first match is on screen and counted; "1/3": it is the one n/N jumped to.
    await app.waitForText('"gateway" 1/3 matches');
    const row = app
      .text()
      .split('\n')
      .findIndex((l) => l.includes('10.0.5.1'));
    const col = app.line(row).indexOf('Gateway');
    expect(app.cell(row, col).inverse).toBe(true);
    expect(app.cell(row, col - 2).inverse).toBe(false);
    await app.press('n');
    await app.waitForText('"gateway" 2/3 matches');
    expect(app.text()).toContain('10.0.30.1');
    expect(app.text()).not.toContain('10.0.5.1');
    await app.press('n', 'n');
    await app.waitForText('"gateway": no later match');
    expect(app.text()).toContain('"gateway" 3/3 matches');
    await app.press('N');
    await app.waitForText('"gateway" 2/3 matches');
    // One match: singular.
    await app.press('/');
    await app.waitForText('Search Inspect network net-a');
    for (let i = 0; i < 'gateway'.length; i++) await app.press('\x7f');
    for (const c of '10.0.50') await app.press(c);
    await app.press('\r');
    await app.waitForText('"10.0.50" 1/1 match ');
    // Upper case matches case-sensitively: nothing here.
    await app.press('/');
    await app.waitForText('Search Inspect network net-a');
    for (let i = 0; i < '10.0.50'.length; i++) await app.press('\x7f');
    for (const c of 'GATEWAY') await app.press(c);
    await app.press('\r');
    await app.waitForText('"GATEWAY" 0 matches');
  });
});
