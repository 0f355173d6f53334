// C on the Services pane: the swarm's secrets and configs — names, ages, labels, ids —
// in a text view (o exports it). Their data is never read into a row (swarmObjectRows).
import { engineErrorMessage } from '../../engine/errors.js';
import { ABSOLUTE_TIME_WIDTH, whenText, type DateFormat } from '../../engine/models/format.js';
import { labelText, swarmObjectRows, type SwarmObjectRow } from '../../engine/models/swarm.js';
import { cellWidth } from '../../text/width.js';
import type { AppContextValue } from '../../app/app-context.js';
import { openOverlay } from '../../app/overlay.js';
import { withStatus } from '../../app/status.js';

function table(title: string, rows: readonly SwarmObjectRow[], now: number, dates: DateFormat): string[] {
  const width = Math.max(4, ...rows.map((r) => cellWidth(r.name)));
  const pad = (text: string) => text + ' '.repeat(Math.max(0, width - cellWidth(text)));
  const created = dates === 'absolute' ? ABSOLUTE_TIME_WIDTH : 9;
  return [
    `${title} (${rows.length})`,
    ...(rows.length
      ? [
          `  ${pad('NAME')}  ID            ${'CREATED'.padEnd(created)}  LABELS`,
          ...rows.map(
            (r) =>
              `  ${pad(r.name)}  ${r.id.slice(0, 12).padEnd(12)}  ${(r.createdMs ? whenText(r.createdMs / 1000, now, dates, 'short') : '-').padEnd(created)}  ${labelText(r.labels) || '-'}`,
          ),
        ]
      : ['  (none)']),
  ];
}

export function secretAndConfigLines(
  secrets: readonly SwarmObjectRow[],
  configs: readonly SwarmObjectRow[],
  now: number,
  dates: DateFormat = 'relative',
): string[] {
  return [...table('SECRETS', secrets, now, dates), '', ...table('CONFIGS', configs, now, dates)];
}

export function openSecretsAndConfigs(app: AppContextValue): void {
  const session = app.session;
  void withStatus(
    app,
    'Reading the swarm secrets and configs…',
    'Swarm secrets and configs (names only: their data is never read)',
    async () => {
      const answer = await session.engine.swarm.secretsAndConfigs(AbortSignal.timeout(10_000));
      const lines = secretAndConfigLines(swarmObjectRows(answer.secrets), swarmObjectRows(answer.configs), Date.now(), app.config.settings.dateFormat);
      openOverlay(app, { title: 'Swarm secrets and configs', lines, exportLines: lines, exportName: 'swarm-secrets-configs.txt' });
    },
    (err) => `Could not list the swarm secrets and configs: ${engineErrorMessage(err)}`,
  );
}
