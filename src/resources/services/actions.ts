// The Services pane's keys: Enter/t its tasks, l its live log, P group by stack, i inspect, s scale, u update
// the image (rolling), F force an update, R roll back, d remove (every change asks or
// takes a validated form, and names the service).
import { engineErrorMessage } from '../../engine/errors.js';
import type { ServiceChange } from '../../engine/api/swarm.js';
import type { ServiceRow } from '../../engine/models/swarm.js';
import type { EngineSession } from '../../state/session.js';
import type { AppContextValue } from '../../app/app-context.js';
import { jsonLines } from '../../app/actions/volume-actions.js';
import { openDialog } from '../../app/dialogs.js';
import { openPrompt } from '../../app/forms.js';
import { openOverlay } from '../../app/overlay.js';
import { selectedRow } from '../../app/selectors.js';
import { setStatus, withStatus } from '../../app/status.js';
import { withList } from '../../app/ui-state.js';
import { yesNo } from '../../keys/labels.js';
import type { ResourceHandlers } from '../types.js';
import { openServiceLogs } from './logs.js';
import { openSecretsAndConfigs } from './secrets.js';
import { imageError, replicasError } from './validate.js';

function describe(row: ServiceRow): string {
  return [row.name, row.mode, `${row.running}/${row.desired} running`, row.image, row.shortId].join(' · ');
}

/** Shows one service's tasks: the Tasks pane narrowed to "<name>."; Esc returns to the service. */
export function showTasks(app: AppContextValue, row: ServiceRow): void {
  app.ui.update((s) => ({
    ...s,
    focus: 'tasks',
    returnTo: { from: 'tasks', to: 'services' },
    lists: { ...s.lists, tasks: { ...s.lists.tasks, filter: `${row.name}.`, editingFilter: false, cursor: 0, selectedKey: undefined } },
  }));
}

export function serviceActions(app: AppContextValue): ResourceHandlers<'services'> {
  const selected = (): ServiceRow | undefined => {
    const row = selectedRow(app.session, app.ui.get(), 'services');
    if (!row) setStatus(app, 'No service selected', 'error');
    return row;
  };
  const withRow = (fn: (r: ServiceRow) => void) => () => {
    const row = selected();
    if (row) fn(row);
  };

  return {
    'service.tasks': withRow((row) => showTasks(app, row)),
    'service.logs': withRow(() => openServiceLogs(app)),
    'service.secrets': () => openSecretsAndConfigs(app),
    'service.groupByStack': () => {
      const grouped = !app.ui.get().lists.services.grouped;
      app.ui.update((s) => withList(s, 'services', { grouped }));
      setStatus(app, grouped ? 'Services grouped by stack (com.docker.stack.namespace)' : 'Services no longer grouped', 'info');
    },
    'service.inspect': withRow((row) => {
      void withStatus(
        app,
        `Inspecting service ${row.name}…`,
        `Service ${row.name}`,
        async () => {
          const lines = jsonLines(await app.session.engine.swarm.inspectService(row.id));
          openOverlay(app, { title: `Service ${row.name} (inspect)`, lines, exportLines: lines, exportName: `${row.name}-inspect.json` });
        },
        (err) => `Could not inspect service ${row.name}: ${engineErrorMessage(err)}`,
      );
    }),
    'service.scale': withRow((row) => {
      if (row.mode !== 'replicated') return setStatus(app, `${row.name} is a ${row.mode} service: it runs one task per node and cannot be scaled`, 'error');
      const session = app.session;
      openPrompt(app, {
        title: `Scale service ${row.name} (now ${row.running}/${row.desired})`,
        label: 'Replicas',
        initial: String(row.desired),
        target: row.id,
        validate: replicasError,
        onSubmit: (value) => change(app, session, row, { kind: 'scale', replicas: Number(value.trim()) }, `Scaled ${row.name} to ${value.trim()}`),
      });
    }),
    'service.image': withRow((row) => {
      const session = app.session;
      openPrompt(app, {
        title: `Update the image of ${row.name} (rolling update)`,
        label: 'Image',
        initial: row.image,
        target: row.id,
        validate: imageError,
        onSubmit: (value) =>
          change(app, session, row, { kind: 'image', image: value.trim() }, `Updating ${row.name} to ${value.trim()} (the UPDATE column shows its progress)`),
      });
    }),
    'service.force': withRow((row) =>
      openDialog(app, row.id, {
        danger: true,
        title: `Force an update of ${row.name}? ${yesNo()}`,
        lines: [describe(row), `Every task is replaced, one batch at a time, as its update policy says.`],
        onConfirm: (session) => void change(app, session, row, { kind: 'force' }, `Forced an update of ${row.name}`),
      }),
    ),
    'service.rollback': withRow((row) =>
      openDialog(app, row.id, {
        danger: true,
        title: `Roll back ${row.name} to its previous spec? ${yesNo()}`,
        lines: [describe(row), 'The engine refuses when the service has no previous spec.'],
        onConfirm: (session) => void change(app, session, row, { kind: 'rollback' }, `Rolling back ${row.name}`),
      }),
    ),
    'service.remove': withRow((row) =>
      openDialog(app, row.id, {
        danger: true,
        title: `Remove service ${row.name}? ${yesNo()}`,
        lines: [describe(row), `Its ${row.running} running task(s) stop on every node.`],
        onConfirm: (session) =>
          void withStatus(
            app,
            `Removing service ${row.name}…`,
            `Removed service ${row.name}`,
            async () => {
              await session.engine.swarm.removeService(row.id);
              await session.list('services').reload();
            },
            (err) => `Could not remove service ${row.name}: ${engineErrorMessage(err)}`,
          ),
      }),
    ),
  };
}

/** One service update; a form stays open with the engine's answer if it refuses. */
async function change(app: AppContextValue, session: EngineSession, row: ServiceRow, what: ServiceChange, done: string): Promise<string | undefined> {
  let failure: string | undefined;
  let warnings: string[] = [];
  const ok = await withStatus(
    app,
    `Updating service ${row.name}…`,
    done,
    async () => {
      warnings = await session.engine.swarm.updateService(row.id, what);
      await session.list('services').reload();
    },
    (err) => (failure = `Could not update service ${row.name}: ${engineErrorMessage(err)}`),
  );
  if (ok && warnings.length) setStatus(app, `${done} — engine warning: ${warnings.join('; ')}`, 'info');
  return ok ? undefined : failure;
}
