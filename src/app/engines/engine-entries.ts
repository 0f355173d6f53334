// The engines the Engines view (0) lists: every docker context (`docker context ls`),
// plus the endpoint dtui was started on when no context names it (-H, DOCKER_HOST).
// Reads files only; reaching them is the manager's job (engine-manager.ts).
import { listContexts } from '../../engine/api/contexts.js';
import { resolveEndpoint, type Endpoint } from '../../engine/api/connection.js';

export interface EngineEntry {
  /** Stable key: the context name, or CLI_ENTRY for the command line's endpoint. */
  id: string;
  /** What the view shows: the context name, or "-H" / "DOCKER_HOST". */
  name: string;
  /** The endpoint's URL, or the context's host as written when it cannot be resolved. */
  url: string;
  endpoint?: Endpoint;
  /** Why the endpoint cannot be built (a TLS file gone): shown, and a switch is refused. */
  error?: string;
}

export const CLI_ENTRY = '(command line)';

/** The entries, and the id of the one `initial` (the endpoint dtui started on) is. */
export function engineEntries(initial: Endpoint, env: NodeJS.ProcessEnv = process.env): { entries: EngineEntry[]; currentId: string } {
  const entries: EngineEntry[] = listContexts(env).map((c) => {
    try {
      const endpoint = resolveEndpoint({ context: c.name }, env);
      return { id: c.name, name: c.name, url: endpoint.url, endpoint };
    } catch (err) {
      return { id: c.name, name: c.name, url: c.host ?? '?', error: (err as Error).message };
    }
  });
  // The started endpoint replaces its entry (it carries the command line's TLS flags).
  const named = initial.context ?? (entries.find((e) => e.id === 'default')?.url === initial.url ? 'default' : undefined);
  const same = named === undefined ? undefined : entries.find((e) => e.id === named);
  if (same) {
    Object.assign(same, { url: initial.url, endpoint: initial, error: undefined });
    return { entries, currentId: same.id };
  }
  entries.unshift({ id: CLI_ENTRY, name: CLI_ENTRY, url: initial.url, endpoint: initial });
  return { entries, currentId: CLI_ENTRY };
}
