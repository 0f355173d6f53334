// The Networks pane's keys: i inspect, c create, d remove (asks; refused while containers
// are attached; with marks (Space), every marked one after one confirmation), a/D
// connect/disconnect a container, X prune unused (lists them first).
import { engineErrorMessage, engineStatusCode, removeFailure } from '../../engine/errors.js';
import type { EngineSession } from '../../state/session.js';
import type { AppContextValue } from '../../app/app-context.js';
import { jsonLines } from '../../app/actions/volume-actions.js';
import { openDialog } from '../../app/dialogs.js';
import { openForm } from '../../app/forms.js';
import { openOverlay } from '../../app/overlay.js';
import { selectedRow } from '../../app/selectors.js';
import { setStatus, withStatus } from '../../app/status.js';
import { removeMarked, toggleMark } from '../../app/actions/marks.js';
import type { ResourceHandlers } from '../types.js';
import { connectToNetwork, disconnectFromNetwork } from './connect.js';
import { createFields, createSpec } from './create-form.js';
import { networkApi } from './engine.js';
import { nameList, readNetworks } from './read.js';
import { endpointNames, newestCreated, unusedNetworks, type NetworkRow } from './rows.js';

function describe(row: NetworkRow): string {
  return [row.name, row.driver, row.subnets.join(', ') || 'no subnet', row.shortId].join(' · ');
}

export function networkActions(app: AppContextValue): ResourceHandlers<'networks'> {
  const selected = (): NetworkRow | undefined => {
    const row = selectedRow(app.session, app.ui.get(), 'networks');
    if (!row) setStatus(app, 'No network selected', 'error');
    return row;
  };

  return {
    'network.inspect': () => {
      const row = selected();
      if (!row) return;
      void withStatus(
        app,
        `Inspecting network ${row.name}…`,
        `Network ${row.name}`,
        async () => {
          const lines = jsonLines(await networkApi(app.session.engine).inspect(row.id));
          openOverlay(app, { title: `Network ${row.name} (inspect)`, lines, exportLines: lines, exportName: `${row.name}-inspect.json` });
        },
        (err) => `Could not inspect network ${row.name}: ${engineErrorMessage(err)}`,
      );
    },

    'network.create': () => void openCreate(app),

    'network.mark': () => toggleMark(app, 'networks', 'network'),

    'network.remove': () => {
      const marked = removeMarked(app, {
        kind: 'networks',
        noun: 'network',
        label: (row) => row.name,
        detail: (row) => [row.driver, row.subnets.join(', ') || 'no subnet', row.shortId].join(' · '),
        skip: (row) => (row.predefined ? "the engine's own" : row.containers.some((c) => c.running) ? 'running containers are attached' : undefined),
        note: 'Stopped containers that name them will not start until they exist again.',
        remove: (session, row) => networkApi(session.engine).remove(row.id),
        after: (session) => session.list('networks').reload(),
      });
      if (marked) return;
      const row = selected();
      if (row) void confirmRemove(app, row);
    },

    'network.connect': () => {
      const row = selected();
      if (row) connectToNetwork(app, row);
    },

    'network.disconnect': () => {
      const row = selected();
      if (row) disconnectFromNetwork(app, row);
    },

    'network.prune': () => void openPrune(app),
  };
}

async function openCreate(app: AppContextValue): Promise<void> {
  const session = app.session;
  // Overlay is offered only on a swarm manager; if the engine cannot say, it is left out.
  // Podman has no swarm, and its /info looks up the packages of conmon, runc and
  // slirp4netns on every call (podman-ping.ts): asking it held the form back for up to
  // the 5 s budget while the keys typed meanwhile went to the list.
  const swarm =
    session.engine.info.product === 'Podman'
      ? false
      : await networkApi(session.engine)
          .swarmActive(AbortSignal.timeout(5000))
          .catch(() => false);
  const existing = session
    .list('networks')
    .store.get()
    .rows.map((r) => r.name);
  openForm(app, {
    title: 'Create a network',
    note: swarm ? undefined : 'overlay needs a swarm manager (docker swarm init)',
    fields: createFields(existing, swarm),
    onSubmit: async (values) => {
      const spec = createSpec(values);
      let failure: string | undefined;
      const ok = await withStatus(
        app,
        `Creating network ${spec.name}…`,
        `Created network ${spec.name}${spec.subnet ? ` (${spec.subnet})` : ''}`,
        async () => {
          await networkApi(session.engine).create(spec);
          await session.list('networks').reload();
        },
        (err) => (failure = `Could not create network ${spec.name}: ${engineErrorMessage(err)}`),
      );
      // The form stays open with the engine's answer, so nothing typed is lost.
      return ok ? undefined : failure;
    },
  });
}

/** d: asks the engine who is on the network first; refuses, naming them, while anyone is. */
async function confirmRemove(app: AppContextValue, row: NetworkRow): Promise<void> {
  if (row.predefined) return setStatus(app, `${row.name} is the engine's own network: it cannot be removed`, 'error');
  const session = app.session;
  let attached: string[] = [];
  const read = await withStatus(
    app,
    `Checking network ${row.name}…`,
    '',
    async () => {
      attached = endpointNames(await networkApi(session.engine).inspect(row.id));
    },
    (err) => `Could not remove network ${row.name}: ${engineErrorMessage(err)}`,
  );
  if (!read) return;
  if (attached.length) return refuse(app, row, attached);
  app.ui.update((s) => ({ ...s, status: undefined }));
  const stopped = row.containers.filter((c) => !c.running).map((c) => c.name);
  openDialog(app, row.id, {
    danger: true,
    title: `Remove network ${row.name}? y/N`,
    lines: [
      describe(row),
      stopped.length ? `Stopped containers still name it: ${nameList(stopped)} (they will not start until it exists again).` : 'No container uses it.',
    ],
    onConfirm: (session) => void removeNetwork(app, session, row),
  });
}

function refuse(app: AppContextValue, row: NetworkRow, attached: readonly string[]): void {
  setStatus(
    app,
    `Cannot remove network ${row.name}: ${nameList(attached)} ${attached.length === 1 ? 'is' : 'are'} attached (disconnect ${attached.length === 1 ? 'it' : 'them'} first) — nothing was removed`,
    'error',
  );
}

async function removeNetwork(app: AppContextValue, session: EngineSession, row: NetworkRow): Promise<void> {
  let attached: string[] = [];
  const ok = await withStatus(
    app,
    `Removing network ${row.name}…`,
    `Removed network ${row.name}`,
    async () => {
      try {
        await networkApi(session.engine).remove(row.id);
      } catch (err) {
        // Something joined it after the dialog opened: name what the engine now has on it.
        if (engineStatusCode(err) === 403 || engineStatusCode(err) === 409) {
          attached = await networkApi(session.engine)
            .inspect(row.id)
            .then(endpointNames, () => []);
        }
        throw err;
      }
      await session.list('networks').reload();
    },
    (err) => removeFailure(`network ${row.name}`, err),
  );
  if (!ok && attached.length) refuse(app, row, attached);
}

async function openPrune(app: AppContextValue): Promise<void> {
  const all = await readNetworks(app.session);
  if (typeof all === 'string') return setStatus(app, all, 'error');
  const doomed = unusedNetworks(all);
  if (doomed.length === 0) return setStatus(app, 'No unused networks to prune', 'info');
  const shown = doomed.slice(0, 8).map(describe);
  if (doomed.length > shown.length) shown.push(`… and ${doomed.length - shown.length} more`);
  // Nothing created after this listing is pruned unseen.
  const until = newestCreated(all);
  openDialog(app, undefined, {
    danger: true,
    title: `Prune ${doomed.length} unused network(s)? y/N`,
    lines: [...shown, 'No running container is on them; stopped containers lose them.'],
    onConfirm: (session) => {
      let summary = '';
      void withStatus(
        app,
        'Pruning unused networks…',
        '',
        async () => {
          const deleted = await networkApi(session.engine).prune(until);
          await session.list('networks').reload();
          summary = `Pruned ${deleted.length} network(s)${deleted.length ? ` (${nameList(deleted)})` : ''}`;
        },
        (err) => `Could not prune networks: ${engineErrorMessage(err)}`,
      ).then((ok) => {
        if (ok) setStatus(app, summary, 'success');
      });
    },
  });
}
