// Starting a pull or push from an action: find credentials, open the progress view, run,
// and when the registry answers 401 ask for a login and start again with it.
import { registryOf, type RegistryAuth } from '../engine/registry/credentials.js';
import type { TransferKind } from '../engine/api/image-transfer.js';
import { ImageTransfer, type TransferState } from '../state/image-transfer.js';
import { validateReference } from '../engine/models/validate.js';
import { sanitize } from '../text/sanitize.js';
import type { AppContextValue } from './app-context.js';
import { askLogin, credentialsFor, forgetLogin } from './registry-login.js';
import { setStatus } from './status.js';

const VERB: Record<TransferKind, [doing: string, done: string]> = {
  pull: ['Pulling', 'Pulled'],
  push: ['Pushing', 'Pushed'],
};

/** Looks up credentials for the reference's registry, then starts the transfer. */
export async function beginTransfer(ctx: AppContextValue, kind: TransferKind, ref: string): Promise<void> {
  // Every path here (typed, a search result, an image row) is checked before anything is sent.
  const invalid = validateReference(ref);
  if (invalid) return setStatus(ctx, sanitize(`Cannot ${kind} "${ref}": ${invalid}`), 'error');
  if (!ctx.session.isConnected()) return setStatus(ctx, `Cannot ${kind} ${sanitize(ref)}: the engine is unreachable (retrying)`, 'error');
  const registry = registryOf(ref);
  // A credential helper can take a moment (a keychain prompt): say what is going on.
  setStatus(ctx, `Looking up credentials for ${registry}…`, 'progress');
  const auth = await credentialsFor(ctx, registry);
  startTransfer(ctx, kind, ref, auth);
}

export function startTransfer(ctx: AppContextValue, kind: TransferKind, ref: string, auth?: RegistryAuth): void {
  const transfer = new ImageTransfer(ctx.session.engine, kind, ref, auth);
  const [doing, done] = VERB[kind];
  const label = sanitize(ref);
  ctx.ui.update((s) => ({ ...s, transfer }));
  setStatus(ctx, `${doing} ${label}${auth ? ` (credentials: ${auth.source})` : ''}…`, 'progress');
  void transfer.run().then((result) => {
    const shown = ctx.ui.get().transfer === transfer;
    if (result.phase === 'done') return setStatus(ctx, `${done} ${label}`, 'success');
    if (result.phase === 'cancelled') return setStatus(ctx, `Cancelled the ${kind} of ${label}`, 'info');
    setStatus(ctx, `Could not ${kind} ${label}: ${result.error ?? 'unknown error'}`, 'error');
    // Ask to log in only while its progress view is still open: the person is waiting on it.
    if (result.needsLogin && shown) offerLogin(ctx, result, auth);
  });
}

function offerLogin(ctx: AppContextValue, result: TransferState, used: RegistryAuth | undefined): void {
  const { kind, ref, registry } = result;
  if (used?.source === 'login') forgetLogin(ctx, registry);
  // The login form replaces the failed view; cancelling it leaves the reason in the status line.
  ctx.ui.update((s) => ({ ...s, transfer: undefined }));
  const reason = used
    ? `${registry} refused the credentials from ${used.source}. Log in to ${kind} ${sanitize(ref)}:`
    : `${registry} wants credentials (401). Log in to ${kind} ${sanitize(ref)}:`;
  askLogin(ctx, registry, reason, (auth) => startTransfer(ctx, kind, ref, auth));
}
