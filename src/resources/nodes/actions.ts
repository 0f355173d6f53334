// The Nodes pane's keys: D drain (asks: its tasks move away), p pause, a active, i inspect.
import { engineErrorMessage } from '../../engine/errors.js';
import type { NodeAvailability } from '../../engine/api/swarm.js';
import type { NodeRow } from '../../engine/models/swarm.js';
import type { EngineSession } from '../../state/session.js';
import type { AppContextValue } from '../../app/app-context.js';
import { jsonLines } from '../../app/actions/volume-actions.js';
import { openDialog } from '../../app/dialogs.js';
import { openOverlay } from '../../app/overlay.js';
import { selectedRow } from '../../app/selectors.js';
import { setStatus, withStatus } from '../../app/status.js';
import { yesNo } from '../../keys/labels.js';
import type { ResourceHandlers } from '../types.js';

/** "vm (y12pjyhod57v, manager)": hostnames repeat on one machine, ids do not. */
function nodeName(row: NodeRow): string {
  return `${row.hostname} (${row.shortId}, ${row.role})`;
}

function setAvailability(app: AppContextValue, session: EngineSession, row: NodeRow, availability: NodeAvailability): void {
  void withStatus(
    app,
    `Setting node ${nodeName(row)} to ${availability}…`,
    `Node ${nodeName(row)} is now ${availability}`,
    async () => {
      await session.engine.swarm.setAvailability(row.id, availability);
      await session.list('nodes').reload();
    },
    (err) => `Could not set node ${nodeName(row)} to ${availability}: ${engineErrorMessage(err)}`,
  );
}

export function nodeActions(app: AppContextValue): ResourceHandlers<'nodes'> {
  const withRow = (fn: (r: NodeRow) => void) => () => {
    const row = selectedRow(app.session, app.ui.get(), 'nodes');
    if (!row) return setStatus(app, 'No node selected', 'error');
    fn(row);
  };
  return {
    'node.drain': withRow((row) =>
      openDialog(app, row.id, {
        danger: true,
        title: `Drain node ${nodeName(row)}? ${yesNo()}`,
        lines: [`Its ${row.tasks} running task(s) stop there and start on other nodes; it takes no new ones until made active (a).`],
        onConfirm: (session) => setAvailability(app, session, row, 'drain'),
      }),
    ),
    'node.pause': withRow((row) => setAvailability(app, app.session, row, 'pause')),
    'node.active': withRow((row) => setAvailability(app, app.session, row, 'active')),
    'node.inspect': withRow((row) => {
      void withStatus(
        app,
        `Inspecting node ${nodeName(row)}…`,
        `Node ${nodeName(row)}`,
        async () => {
          const lines = jsonLines(await app.session.engine.swarm.inspectNode(row.id));
          openOverlay(app, { title: `Node ${nodeName(row)} (inspect)`, lines, exportLines: lines, exportName: `node-${row.shortId}-inspect.json` });
        },
        (err) => `Could not inspect node ${nodeName(row)}: ${engineErrorMessage(err)}`,
      );
    }),
  };
}
