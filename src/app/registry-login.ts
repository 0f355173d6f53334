// Registry credentials for actions: from the docker config (credentials.ts) or typed into
// a login form when a registry answers 401. Typed passwords live only in this process's
// memory for the session — never shown (the field draws bullets), logged or written.
import { findCredentials, serverAddress, type RegistryAuth } from '../engine/registry/credentials.js';
import type { AppContextValue } from './app-context.js';
import { openForm } from './forms.js';
import { setStatus } from './status.js';

/** Logins typed this session, per app (a WeakMap keeps AppContextValue unchanged). */
const typed = new WeakMap<AppContextValue, Map<string, RegistryAuth>>();

function loginsOf(ctx: AppContextValue): Map<string, RegistryAuth> {
  let map = typed.get(ctx);
  if (!map) typed.set(ctx, (map = new Map<string, RegistryAuth>()));
  return map;
}

/** A login typed this session, else what the docker config has; undefined when none. */
export async function credentialsFor(ctx: AppContextValue, registry: string): Promise<RegistryAuth | undefined> {
  const known = loginsOf(ctx).get(registry);
  if (known) return known;
  try {
    return await findCredentials(registry);
  } catch (err) {
    // A broken helper or config must not block anonymous access: say so and go on.
    setStatus(ctx, `Docker credentials for ${registry} unavailable: ${err instanceof Error ? err.message : String(err)}`, 'error');
    return undefined;
  }
}

/** User names typed this session, per registry: kept when the password was wrong. */
const userNames = new WeakMap<AppContextValue, Map<string, string>>();

function userNamesOf(ctx: AppContextValue): Map<string, string> {
  let map = userNames.get(ctx);
  if (!map) userNames.set(ctx, (map = new Map<string, string>()));
  return map;
}

/** Drops a login the registry refused, so the next attempt asks again (the user name stays). */
export function forgetLogin(ctx: AppContextValue, registry: string): void {
  loginsOf(ctx).delete(registry);
}

/** Asks for a user name and password for `registry`, then calls `then` with them. */
export function askLogin(ctx: AppContextValue, registry: string, reason: string, then: (auth: RegistryAuth) => void): void {
  // After a refused password the user name is filled in and the password field has the focus.
  const username = userNamesOf(ctx).get(registry);
  openForm(ctx, {
    title: `Log in to ${registry}`,
    note: reason,
    focus: username ? 1 : 0,
    fields: [
      { name: 'username', label: 'Username', kind: 'text', initial: username, validate: (v) => (String(v).trim() ? undefined : 'enter a user name') },
      { name: 'password', label: 'Password', kind: 'text', secret: true, validate: (v) => (String(v) ? undefined : 'enter the password') },
    ],
    onSubmit: (values) => {
      const auth: RegistryAuth = {
        username: String(values.username).trim(),
        password: String(values.password),
        serveraddress: serverAddress(registry),
        source: 'login',
      };
      loginsOf(ctx).set(registry, auth);
      userNamesOf(ctx).set(registry, String(values.username).trim());
      then(auth);
      return undefined;
    },
  });
}
