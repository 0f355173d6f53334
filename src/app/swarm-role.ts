// Whether the session's engine is a swarm manager, asked once per session: the header
// offers the swarm panes (services, nodes, tasks) only then. Unknown (not yet answered,
// or the engine did not say) counts as no.
import type { EngineSession } from '../state/session.js';
import { Store } from '../state/store.js';

const roles = new WeakMap<EngineSession, Store<boolean>>();

export function swarmManager(session: EngineSession): Store<boolean> {
  let role = roles.get(session);
  if (!role) {
    const store = new Store(false);
    roles.set(session, (role = store));
    Promise.resolve()
      .then(() => session.engine.networks.swarmActive(AbortSignal.timeout(5000)))
      .then(
        (manager) => store.set(manager),
        () => undefined,
      );
  }
  return role;
}
