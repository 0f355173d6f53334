// A new resource kind needs no edit outside its folder, keymap.ts, queries.ts and registry.ts:
// its pane key's handler, the engine events it refreshes on, Tab order and its detail tabs
// all come from its descriptor. Proven with a fake extra kind added to the registry only.
import { describe, expect, it, vi } from 'vitest';
import type { ResourceDescriptor } from '../../src/resources/types.js';
import type { ResourceQuerySpec } from '../../src/resources/query.js';
import type * as Queries from '../../src/resources/queries.js';
import type * as Registry from '../../src/resources/registry.js';
import { detailTargetFor, tabOwner, type DetailTab } from '../../src/state/detail-tabs.js';

interface Widget {
  id: string;
  container: string;
}

const widgetQuery: ResourceQuerySpec<Widget> = {
  kind: 'widgets',
  rowKey: (w) => w.id,
  filterFields: (w) => [w.id],
  list: () => Promise.resolve([{ id: 'w1', container: 'c1' }]),
  refreshOn: [{ type: 'widget' }],
  live: 'always',
  debounceMs: 10,
};

// Only the two lists a kind joins know the fake kind; nothing else is edited.
vi.mock('../../src/resources/queries.js', async (importOriginal) => {
  const real = await importOriginal<typeof Queries>();
  return {
    ...real,
    RESOURCE_QUERIES: { ...real.RESOURCE_QUERIES, widgets: widgetQuery },
    RESOURCE_KINDS: [...real.RESOURCE_KINDS, 'widgets'],
  };
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
  } as unknown as ResourceDescriptor<unknown>;
  const resources = { ...real.RESOURCES, widgets };
  return { ...real, RESOURCES: resources, descriptorOf: (k: string) => resources[k as keyof typeof resources] };
});

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
    expect(session.list('widgets' as never).store.get().rows).toEqual([{ id: 'w1', container: 'c1' }]);
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
