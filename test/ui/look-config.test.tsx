// A config with a light theme, a colour override, chosen columns with a label column and
// a first sort, drawn over a fake engine: dtui follows every part of it.
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { applyLook } from '../../src/cli/look.js';
import { createAppContext } from '../../src/app/app-context.js';
import { KEYMAP } from '../../src/keys/keymap.js';
import { EngineSession } from '../../src/state/session.js';
import type { EngineApi } from '../../src/engine/api/engine-api.js';
import { applyTheme } from '../../src/ui/theme.js';
import { FakeEngine, fakeContainer } from '../support/fake-engine.js';
import { PALETTE, UI_COLS, renderApp, type RenderedApp } from '../support/ui-render.js';

const SIZE = { cols: UI_COLS, rows: 20 };
let app: RenderedApp | undefined;
afterEach(() => {
  app?.unmount();
  applyTheme('dark');
});

const CONFIG = `
look:
  theme: light
  colors:
    running: magenta
  sort:
    containers: { by: name, order: desc }
  columns:
    containers: [name, "label:com.example.team", state]
`;

describe('look from the config', () => {
  it('light theme, a role override, chosen columns with a label column, the first sort', async () => {
    const { config } = parseConfig(CONFIG, { path: '/c/config.yml', explicit: true });
    const look = applyLook(config.look, {});
    const engine = new FakeEngine();
    engine.containers = [
      fakeContainer(1, { labels: { 'com.example.team': 'payments' } }),
      fakeContainer(2, { labels: { 'com.example.team': 'search' }, state: 'exited' }),
      fakeContainer(3),
    ];
    const session = new EngineSession(engine as unknown as EngineApi);
    await session.start();
    const ctx = createAppContext(session, { ...SIZE, keymap: KEYMAP, readOnly: false, defaults: look.defaults, columns: look.columns });
    app = await renderApp(ctx);
    const screen = await app.waitForText('fake-001');
    const lines = screen.split('\n');
    const header = lines.find((l) => l.includes('NAME▼'))!;
    // Only the chosen columns, in the chosen order: no IMAGE, CPU% or STATUS.
    expect(header).toMatch(/NAME▼\s+TEAM\s+STATE/);
    expect(header).not.toMatch(/IMAGE|CPU%|STATUS/);
    const names = lines.map((l) => /^│ (fake-\d+)/.exec(l)?.[1]).filter(Boolean);
    expect(names).toEqual(['fake-003', 'fake-002', 'fake-001']);
    const row1 = lines.findIndex((l) => l.startsWith('│ fake-001 '));
    expect(lines[row1]).toMatch(/fake-001\s+payments\s+running/);
    expect(lines.find((l) => l.startsWith('│ fake-002 '))).toMatch(/search\s+exited/);
    // The light theme's selection (blue) on the first row; the override colours "running".
    const selected = lines.findIndex((l) => l.startsWith('│ fake-003 '));
    expect(app.cell(selected, 2).bg).toBe(PALETTE.blue);
    const state = lines[row1]!.indexOf('running');
    expect(app.cell(row1, state).fg).toBe(PALETTE.magenta);
  });
});
