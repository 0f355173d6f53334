// vitest globalSetup of the `podman` project: provides a Podman engine (its Docker-compatible
// socket) with dtui-test/busybox:latest, so the core e2e files run a second time against it.
//
// - DTUI_TEST_PODMAN_HOST set: use that socket (must answer /_ping).
// - Otherwise: start a private `podman system service` in a fresh /tmp dir
//   (test/support/podman.ts); missing prerequisites fail loudly, never skip.
//
// The host reaches the workers as DTUI_TEST_PODMAN_HOST; test/support/use-podman.ts (the
// project's setup file) points DTUI_TEST_DOCKER_HOST at it inside those workers only, so the
// Docker project's workers keep their dockerd.
import { mkdtempSync, rmSync } from 'node:fs';
import { pingHost } from './support/engine.js';
import { PODMAN_ENV, PODMAN_FIX_HINT, startPodman, stopPodman, type PodmanEngine } from './support/podman.js';

export default async function setup(): Promise<() => Promise<void>> {
  const preset = process.env[PODMAN_ENV];
  if (preset) {
    try {
      await pingHost(preset);
    } catch (error) {
      throw new Error(`${PODMAN_ENV}=${preset} does not answer /_ping (${(error as Error).message}); unset it to let the tests start Podman.`, {
        cause: error,
      });
    }
    return async () => undefined;
  }
  const dir = mkdtempSync('/tmp/dtui-pm-');
  let engine: PodmanEngine;
  try {
    engine = await startPodman(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`cannot start the private test Podman: ${(error as Error).message}\nFix: ${PODMAN_FIX_HINT}`, { cause: error });
  }
  process.env[PODMAN_ENV] = engine.host;
  return async () => {
    await stopPodman(engine);
    // Retries: a last clean-up of the engine may still be removing files under root (ENOTEMPTY
    // failed the run's close once).
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    delete process.env[PODMAN_ENV];
  };
}
