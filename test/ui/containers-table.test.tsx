// The Containers table at a fixed 100×20 over a fake engine with 50 rows: only the rows
// that fit are drawn, the selection is highlighted (cyan when focused, gray when not),
// rows never spill past the width, and hostile names reach the screen defused.
import { afterEach, describe, expect, it } from 'vitest';
import { containerRow } from '../../src/engine/models/rows.js';
import { layoutFor } from '../../src/app/layout.js';
import { FakeEngine, fakeApp, fakeContainer } from '../support/fake-engine.js';
import { hintedPane } from '../support/hints.js';
import { PALETTE, UI_COLS, renderApp, type RenderedApp } from '../support/ui-render.js';

const SIZE = { cols: UI_COLS, rows: 20 };

/** The detail pane's title naming a container: after its tabs (short at 100 columns), with no room left for the state. */
const detailTitle = (name: string) => new RegExp(`(?:Inspect|Insp) i\\s+${name}\\b`);
let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

async function fiftyRows(): Promise<{ engine: FakeEngine; app: RenderedApp }> {
  const engine = new FakeEngine();
  engine.containers = Array.from({ length: 50 }, (_, i) => fakeContainer(i));
  const { ctx } = await fakeApp(engine, SIZE);
  app = await renderApp(ctx);
  await app.waitForText('fake-000');
  return { engine, app };
}

/** Screen row of the line that shows `name` in the left pane. */
function rowOf(app: RenderedApp, name: string): number {
  const lines = app.text().split('\n');
  const i = lines.findIndex((l) => l.startsWith(`│ ${name} `));
  if (i < 0) throw new Error(`${name} not in the list:\n${app.text()}`);
  return i;
}

describe('containers table at 100×20', () => {
  it('renders only the rows that fit, and follows the selection to the end', async () => {
    const { app } = await fiftyRows();
    const visible = layoutFor(SIZE.cols, SIZE.rows).containerRows;
    const shown = app
      .text()
      .match(/fake-\d{3}/g)!
      .filter((n, i, all) => all.indexOf(n) === i);
    // The detail pane's title names the selection too, hence the de-duplication.
    expect(shown).toEqual(Array.from({ length: visible }, (_, i) => `fake-${String(i).padStart(3, '0')}`));
    expect(app.text()).toContain('[1] Containers (50)');

    await app.press('\x1b[F'); // End
    await app.waitForText('fake-049');
    expect(app.text()).not.toContain('fake-000');
    expect(app.cell(rowOf(app, 'fake-049'), 2).bg).toBe(PALETTE.cyan);
    // Page up moves one window up: the window's first row becomes selected.
    await app.press('\x1b[5~');
    await app.waitForText(detailTitle(`fake-${String(49 - visible).padStart(3, '0')}`));
  });

  it('highlights the selected row in cyan while focused and gray when another pane has focus', async () => {
    const { app } = await fiftyRows();
    await app.press('j', 'j');
    await app.waitForText(detailTitle('fake-002'));
    const row = rowOf(app, 'fake-002');
    for (const col of [2, 10, 40]) {
      expect(app.cell(row, col)).toMatchObject({ bg: PALETTE.cyan, fg: PALETTE.black });
    }
    expect(app.cell(rowOf(app, 'fake-001'), 2).bg).toBe(-1);
    expect(app.cell(rowOf(app, 'fake-003'), 2).bg).toBe(-1);
    // Tab to Images: the container selection stays visible, dimmed.
    await app.press('\t');
    // The hint bar offers the Images keys (d remove, but no s stop): focus has moved there.
    await app.waitForText((screen) => hintedPane(screen) === 'images');
    expect(app.cell(rowOf(app, 'fake-002'), 2).bg).toBe(PALETTE.gray);
  });

  it('truncates every line to the terminal width', async () => {
    const engine = new FakeEngine();
    engine.containers = [fakeContainer(1, { name: `very-long-${'x'.repeat(200)}`, image: `registry.example.com/${'y'.repeat(150)}:tag` })];
    const { ctx } = await fakeApp(engine, SIZE);
    app = await renderApp(ctx);
    await app.waitForText('very-long-');
    for (const line of app.text().split('\n')) expect([...line].length).toBeLessThanOrEqual(SIZE.cols);
    // The row is cut with an ellipsis inside its column, and the pane's right border survives.
    const row = app
      .text()
      .split('\n')
      .find((l) => l.startsWith('│ very-'))!;
    expect(row).toContain('…');
    expect(row.indexOf('││')).toBe(layoutFor(SIZE.cols, SIZE.rows).leftWidth - 1);
  });

  it('shows hostile container names with their escape sequences defused', async () => {
    const engine = new FakeEngine();
    const hostile = containerRow(
      {
        Id: 'f'.repeat(64),
        Names: ['/evil\x1b[2J\x1b]0;pwned\x07name\r\nnext'],
        Image: 'img\x1b[31m',
        Command: 'sh',
        State: 'running',
        Status: 'Up',
        Ports: [],
        Created: 1_700_000_000,
        Labels: {},
      },
      Date.now(),
    );
    engine.containers = [hostile];
    const { ctx } = await fakeApp(engine, SIZE);
    app = await renderApp(ctx);
    await app.waitForText(/evil/);
    const screen = app.text();
    expect(screen).not.toContain('pwned');
    // The frame still has its header and borders: nothing was cleared or moved.
    expect(screen.split('\n')[0]).toContain('dtui unix:///fake.sock');
    expect(screen.split('\n')).toHaveLength(SIZE.rows);
    expect(app.line(2).startsWith('╭')).toBe(true);
  });
});
