// A new resource kind needs no edit outside its folder, keymap.ts, queries.ts and registry.ts:
// its pane key's handler, the engine events it refreshes on, Tab order, its detail tabs, its
// sort keys, whether custom commands act on it (and their placeholders), the layering of its
// keys for config conflicts, that dtui may start on it, and the keys it puts on another
// kind's pane all come from its query spec and descriptor. Proven with a fake extra kind
// added to those two lists only — as the one line each a real kind adds there.
import { describe, expect, it, vi } from 'vitest';
import type { ResourceDescriptor } from '../../src/resources/types.js';
import type { ResourceQuerySpec } from '../../src/resources/query.js';
import type * as Queries from '../../src/resources/queries.js';
import type * as Registry from '../../src/resources/registry.js';
import { detailTargetFor, tabOwner, type DetailTab } from '../../src/state/detail-tabs.js';

interface Widget {
  id: string;
  container: string;
  weight: number;
}

const WIDGETS: Widget[] = [
  { id: 'w1', container: 'c1', weight: 5 },
  { id: 'w2', container: 'c2', weight: 1 },
];

const widgetQuery: ResourceQuerySpec<Widget> = {
  kind: 'widgets',
  rowKey: (w) => w.id,
  filterFields: (w) => [w.id],
  list: () => Promise.resolve(WIDGETS),
  refreshOn: [{ type: 'widget' }],
  live: 'always',
  debounceMs: 10,
  sortKeys: [{ id: 'weight', title: 'WEIGHT', value: (w) => w.weight }],
  commands: { target: (w) => ({ key: w.id, label: `widget ${w.id}` }), placeholders: { ID: (w) => w.id, Name: (w) => `widget-${w.id}` } },
};

/** What the fake kind's contributed key (a key on the Containers pane) ran. */
const poked = vi.fn();

// Only the two lists a kind joins know the fake kind, and they get it as a line added to
// each list would (the lists' own helpers, e.g. sortKeysOf, see it); nothing else is edited.
vi.mock('../../src/resources/queries.js', async (importOriginal) => {
  const real = await importOriginal<typeof Queries>();
  Object.assign(real.RESOURCE_QUERIES, { widgets: widgetQuery });
  real.RESOURCE_KINDS.push('widgets' as Queries.ResourceKind);
  return real;
});
vi.mock('../../src/resources/registry.js', async (importOriginal) => {
  const real = await importOriginal<typeof Registry>();
  const widgets = {
    ...widgetQuery,
    title: 'Widgets',
    noun: 'widget',
    paneAction: 'pane.widgets',
    placement: 'bottom-left',
    columns: () => [],
    detailTabs: ['logs'],
    detailSubject: (w: Widget) => ({ title: w.id, containerId: w.container, running: true }),
    actions: () => ({}),
    contributes: () => ({ 'container.poke': poked }),
  } as unknown as ResourceDescriptor<unknown>;
  Object.assign(real.RESOURCES, { widgets });
  return real;
});

const fakeEngine = () => ({
  endpoint: { kind: 'unix', socketPath: '/fake.sock', url: 'unix:///fake.sock' },
  info: { endpoint: 'unix:///fake.sock', serverVersion: '99.0', apiVersion: '1.47', os: 'linux', arch: 'amd64' },
  listContainers: () => Promise.resolve([]),
  listImages: () => Promise.resolve([]),
  statsOnce: () => new Promise(() => {}),
  events: async function* (signal: AbortSignal) {
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
  },
});

const source = { path: '/home/u/.config/dtui/config.yml', explicit: true };

/** The message of the ConfigError a config text gets. */
async function configError(text: string): Promise<string> {
  const { parseConfig } = await import('../../src/config/load.js');
  const { buildKeymap } = await import('../../src/config/keymap.js');
  try {
    const loaded = parseConfig(text, source);
    buildKeymap(loaded.config, loaded.locate);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

/** An app over a real EngineSession (a fake engine listing the widgets), with a config text. */
async function widgetApp(configText = '') {
  const { parseConfig } = await import('../../src/config/load.js');
  const { createAppContext } = await import('../../src/app/app-context.js');
  const { EngineSession } = await import('../../src/state/session.js');
  const { KEYMAP } = await import('../../src/keys/keymap.js');
  const session = new EngineSession(fakeEngine() as never);
  await session.start();
  const config = parseConfig(configText, source).config;
  const ctx = createAppContext(session, { cols: 120, rows: 40, keymap: KEYMAP, readOnly: false, config });
  await vi.waitFor(() => expect(session.list('widgets' as never).store.get().rows).toHaveLength(2));
  return { session, ctx };
}

describe('a kind added only to the registry', () => {
  it('gets its pane key handler, focusing its pane', async () => {
    const { paneHandlers } = await import('../../src/app/dispatch/handlers.js');
    const focus = vi.fn();
    const handlers = paneHandlers(focus) as Record<string, (key: { name: string; input: string }) => void>;
    expect(Object.keys(handlers).sort()).toEqual([
      'pane.containers',
      'pane.images',
      'pane.networks',
      'pane.nodes',
      'pane.projects',
      'pane.services',
      'pane.tasks',
      'pane.volumes',
      'pane.widgets',
    ]);
    handlers['pane.widgets']!({ name: '5', input: '5' });
    expect(focus).toHaveBeenCalledWith('widgets');
  });

  it('joins Tab order by its placement', async () => {
    const { PANES } = await import('../../src/app/dispatch/handlers.js');
    expect(PANES).toEqual(['containers', 'projects', 'images', 'widgets', 'detail']);
  });

  it("has its events subscribed to: the session passes its refreshOn types to the engine's events()", async () => {
    const { EngineSession, SESSION_EVENT_TYPES } = await import('../../src/state/session.js');
    expect(SESSION_EVENT_TYPES).toEqual(['container', 'image', 'volume', 'network', 'service', 'node', 'widget', 'daemon']);
    const asked: (readonly string[])[] = [];
    const engine = {
      listContainers: () => Promise.resolve([]),
      listImages: () => Promise.resolve([]),
      statsOnce: () => new Promise(() => {}),
      events: async function* (signal: AbortSignal, types: readonly string[]) {
        asked.push(types);
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
      },
    };
    const session = new EngineSession(engine as never);
    await session.start();
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toContain('widget');
    expect(session.list('widgets' as never).store.get().rows).toEqual(WIDGETS);
    session.stop();
  });

  it('is sorted by its sort keys: o in its pane, the config may name them, and the list is ordered by them', async () => {
    const { parseConfig } = await import('../../src/config/load.js');
    const look = parseConfig('look:\n  sort:\n    widgets: { by: weight, order: asc }\n', source).config.look;
    expect(look.sort).toEqual({ widgets: { by: 'weight', order: 'asc' } });
    const { session, ctx } = await widgetApp();
    const { listActions } = await import('../../src/app/actions/list-actions.js');
    const { filterRows } = await import('../../src/app/selectors.js');
    ctx.ui.update((s) => ({ ...s, focus: 'widgets' as never }));
    listActions(ctx)['list.sort']();
    const list = ctx.ui.get().lists['widgets' as never] as { sort?: unknown; filter: string };
    expect(list.sort).toEqual({ key: 'weight', desc: false });
    expect(ctx.ui.get().status?.text).toBe('Sorted by WEIGHT ▲');
    expect(filterRows('widgets' as never, WIDGETS as never, list as never, session).rows.map((w) => (w as Widget).id)).toEqual(['w2', 'w1']);
    session.stop();
  });

  it('is a custom command scope with its own placeholders, checked by the config and filled from its row', async () => {
    const { COMMAND_SCOPES, PLACEHOLDERS } = await import('../../src/config/sections/commands.js');
    expect(COMMAND_SCOPES).toContain('widgets');
    expect(PLACEHOLDERS.Name!.scopes).toContain('widgets');
    expect(PLACEHOLDERS['Engine.Host']!.scopes).toContain('widgets');
    expect(PLACEHOLDERS.Image!.scopes).not.toContain('widgets');
    const command = (arg: string) =>
      `commands:\n  - name: show\n    key: ctrl+w\n    scope: widgets\n    run: background\n    command: [echo, "${arg}", "{{.ID}}"]\n`;
    expect(await configError(command('{{.Image}}'))).toMatch(
      /unknown placeholder \{\{\.Image\}\}; placeholders of widgets: \{\{\.ID\}\} \{\{\.Name\}\} \{\{\.Engine\.Host\}\} \{\{\.Engine\.Context\}\}$/,
    );
    const { session, ctx } = await widgetApp(command('{{.Name}}'));
    const { commandActions } = await import('../../src/app/actions/command-actions.js');
    ctx.ui.update((s) => ({ ...s, focus: 'widgets' as never }));
    commandActions(ctx).get('command.show')!();
    await vi.waitFor(() => expect(ctx.ui.get().overlay?.title).toBe('show · widget w1 · exit 0'));
    expect(ctx.ui.get().overlay?.lines).toEqual(['widget-w1 w1']);
    session.stop();
  });

  it("has its pane's keys layered over the list and global ones: a config key clashing there is refused", async () => {
    const clash = 'commands:\n  - name: clash\n    key: o\n    scope: widgets\n    command: ["true"]\n';
    expect(await configError(clash)).toMatch(/key o of command\.clash .* is also the key of list\.sort \(Lists\) — both are in effect there/);
  });

  it('may be the pane dtui starts on; sharing a slot, it is the list drawn there', async () => {
    const { parseConfig } = await import('../../src/config/load.js');
    expect(parseConfig('settings:\n  defaultPane: widgets\n', source).config.settings.defaultPane).toBe('widgets');
    const { initialUiState } = await import('../../src/app/ui-state.js');
    const { listsShown, showStartPane } = await import('../../src/app/dispatch/handlers.js');
    const start = showStartPane(initialUiState({ focus: 'widgets' as never }));
    expect(start.lastList).toBe('widgets');
    expect(listsShown(start.lastList)).toEqual(['containers', 'widgets']);
    // The lists that always were start panes start as they did.
    expect(showStartPane(initialUiState({ focus: 'images' })).lastList).toBe('containers');
  });

  it("puts its keys on another kind's pane: the handler table takes its descriptor's contributions", async () => {
    const { ctx, session } = await widgetApp();
    const { createHandlers } = await import('../../src/app/dispatch/handlers.js');
    const { table } = createHandlers(ctx, { quit: () => {} });
    (table as unknown as Record<string, () => void>)['container.poke']!();
    expect(poked).toHaveBeenCalledOnce();
    session.stop();
  });
});

describe('detail tabs', () => {
  const kinds = ['containers', 'images'] as const;
  const tabs: Record<(typeof kinds)[number], readonly DetailTab[]> = { containers: ['logs', 'top', 'stats', 'inspect'], images: ['inspect'] };

  it("a tab key shows the pane's own kind's tab when it has one, else the first list that has it", () => {
    expect(tabOwner('inspect', 'images', kinds, (k) => tabs[k])).toBe('images');
    expect(tabOwner('logs', 'images', kinds, (k) => tabs[k])).toBe('containers');
    expect(tabOwner('top', 'containers', kinds, (k) => tabs[k])).toBe('containers');
    expect(tabOwner('logs', 'images', kinds, () => [])).toBe('images');
  });

  it('each tab reads what the subject gives it, and nothing when it gives nothing', () => {
    const log = { tail: 1000 as const, since: undefined };
    const container = { title: 'web', containerId: 'c1', running: false, inspect: { kind: 'container' as const, id: 'c1' } };
    expect(detailTargetFor(container, 'logs', log)).toEqual({ tab: 'logs', containerId: 'c1', tail: 1000, since: undefined });
    expect(detailTargetFor(container, 'stats', log)).toEqual({ tab: 'stats', containerId: 'c1', running: false });
    expect(detailTargetFor(container, 'inspect', log)).toEqual({ tab: 'inspect', inspect: { kind: 'container', id: 'c1' } });
    const image = { title: 'Image x', inspect: { kind: 'image' as const, id: 'sha256:1' } };
    expect(detailTargetFor(image, 'logs', log)).toBeUndefined();
    expect(detailTargetFor(image, 'top', log)).toBeUndefined();
  });
});
