// Connect and disconnect, from either side: the selected network (pick a container) or
// the selected container in the Containers pane (pick a network). One form each; the
// pick is a choice field (← → cycle), the alias optional.
import { engineErrorMessage } from '../../engine/errors.js';
import type { EngineSession } from '../../state/session.js';
import type { ContainerRow } from '../../engine/models/types.js';
import type { AppContextValue } from '../../app/app-context.js';
import { openForm } from '../../app/forms.js';
import { selectedRow } from '../../app/selectors.js';
import { setStatus, withStatus } from '../../app/status.js';
import type { FieldSpec } from '../../ui/form/form-state.js';
import type { ContributedHandlers } from '../types.js';
import { networkApi } from './engine.js';
import { readNetworks } from './read.js';
import type { NetworkRow } from './rows.js';
import { validateAlias } from './validate.js';

/** Networks a container can never join or leave by hand (the engine refuses). */
const FIXED = new Set(['host', 'none']);

interface Link {
  network: NetworkRow;
  container: { id: string; name: string };
}

const aliasField: FieldSpec = {
  name: 'alias',
  label: 'Alias',
  kind: 'text',
  placeholder: 'optional: another DNS name on this network',
  validate: (v) => validateAlias(String(v).trim()),
};

/** Runs connect or disconnect for the picked pair; keeps the form open with the engine's answer on failure. */
async function apply(app: AppContextValue, session: EngineSession, verb: 'connect' | 'disconnect', link: Link, alias: string): Promise<string | undefined> {
  const { network, container } = link;
  const done =
    verb === 'connect' ? `Connected ${container.name} to ${network.name}${alias ? ` as ${alias}` : ''}` : `Disconnected ${container.name} from ${network.name}`;
  let failure: string | undefined;
  const ok = await withStatus(
    app,
    `${verb === 'connect' ? 'Connecting' : 'Disconnecting'} ${container.name}…`,
    done,
    async () => {
      const api = networkApi(session.engine);
      if (verb === 'connect') await api.connect(network.id, container.id, { aliases: alias ? [alias] : [] });
      else await api.disconnect(network.id, container.id);
      await session.list('networks').reload();
    },
    (err) => (failure = `Could not ${verb} ${container.name} ${verb === 'connect' ? 'to' : 'from'} ${network.name}: ${engineErrorMessage(err)}`),
  );
  return ok ? undefined : failure;
}

/** A form picking one of `links` by label; `links` is non-empty. */
function openPick(app: AppContextValue, verb: 'connect' | 'disconnect', title: string, label: string, links: Array<Link & { label: string }>): void {
  const session = app.session;
  const choices = links.map((l) => l.label);
  openForm(app, {
    title,
    note: choices.length > 1 ? `${choices.length} to choose from: ← → change the ${label.toLowerCase()}` : undefined,
    fields: [{ name: 'pick', label, kind: 'choice', choices, initial: choices[0] }, ...(verb === 'connect' ? [aliasField] : [])],
    onSubmit: (values) => {
      const link = links.find((l) => l.label === values.pick);
      if (!link) return `pick a ${label.toLowerCase()}`;
      return apply(app, session, verb, link, String(values.alias ?? '').trim());
    },
  });
}

/** a on a network: pick a container not yet on it. */
export function connectToNetwork(app: AppContextValue, network: NetworkRow): void {
  if (FIXED.has(network.name)) return setStatus(app, `Containers cannot be connected to the ${network.name} network by hand`, 'error');
  const on = new Set(network.containers.map((c) => c.id));
  const candidates = app.session.containers.get().rows.filter((c) => !on.has(c.id));
  if (candidates.length === 0) return setStatus(app, `Every container is already on ${network.name}`, 'info');
  openPick(
    app,
    'connect',
    `Connect a container to network ${network.name}`,
    'Container',
    candidates.map((c) => ({ network, container: c, label: `${c.name} (${c.state})` })),
  );
}

/** D on a network: pick one of its containers. */
export function disconnectFromNetwork(app: AppContextValue, network: NetworkRow): void {
  if (network.containers.length === 0) return setStatus(app, `No container is on ${network.name}`, 'info');
  openPick(
    app,
    'disconnect',
    `Disconnect a container from network ${network.name}`,
    'Container',
    network.containers.map((c) => ({ network, container: c, label: `${c.name} (${c.running ? 'running' : 'stopped'})` })),
  );
}

/** The networks the container is on, and those it could join. */
export function containerNetworks(all: readonly NetworkRow[], container: ContainerRow): { on: NetworkRow[]; off: NetworkRow[] } {
  const on = all.filter((n) => n.containers.some((c) => c.id === container.id));
  const off = all.filter((n) => !FIXED.has(n.name) && !on.includes(n));
  return { on, off };
}

const networkLabel = (n: NetworkRow): string => `${n.name} (${n.driver}${n.subnets.length ? ` ${n.subnets.join(', ')}` : ''})`;

/** n / N in the Containers pane: the same forms, picking the network. */
export function containerNetworkActions(app: AppContextValue): ContributedHandlers<'networks'> {
  const run = async (verb: 'connect' | 'disconnect') => {
    const container = selectedRow(app.session, app.ui.get(), 'containers');
    if (!container) return setStatus(app, 'No container selected', 'error');
    const all = await readNetworks(app.session);
    if (typeof all === 'string') return setStatus(app, all, 'error');
    const { on, off } = containerNetworks(all, container);
    const pick = verb === 'connect' ? off : on.filter((n) => !FIXED.has(n.name));
    if (pick.length === 0) {
      return setStatus(
        app,
        verb === 'connect' ? `${container.name} is already on every network it can join` : `${container.name} is on no network it can leave`,
        'info',
      );
    }
    const links = pick.map((network) => ({ network, container, label: networkLabel(network) }));
    if (verb === 'connect') openPick(app, verb, `Connect ${container.name} to a network`, 'Network', links);
    else openPick(app, verb, `Disconnect ${container.name} from a network`, 'Network', links);
  };
  return {
    'container.connect': () => void run('connect'),
    'container.disconnect': () => void run('disconnect'),
  };
}
