// vitest globalSetup: provides a Docker engine with dtui-test/busybox:latest to every test.
//
// - DTUI_TEST_DOCKER_HOST set: use that engine (must answer /_ping). DTUI_TEST_TLS_HOST and
//   DTUI_TEST_TLS_CERTS are kept only if both are preset (e.g. copied from
//   scripts/test-engine.sh start), otherwise exported empty.
// - Otherwise: start a private dockerd in a fresh /tmp dir (test/support/dockerd.ts), which
//   needs root and docker.io; missing prerequisites fail loudly, never skip.
//
// Results reach the tests twice: project.provide() for inject(), and process.env, which the
// forked workers inherit because vitest spawns them after global setup.
import { mkdtempSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { FIX_HINT, startEngine, stopEngine, type EngineInfo } from './support/dockerd.js';
import { ENV, dockerFor, pingHost, removeTestContainers } from './support/engine.js';
import { ensureTestImage } from './support/test-image.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const saved = Object.fromEntries(Object.values(ENV).map((name) => [name, process.env[name]]));
  let engine: EngineInfo | undefined;
  let dir: string | undefined;
  let dockerHost = process.env[ENV.dockerHost] ?? '';
  let tlsHost = '';
  let tlsCerts = '';

  if (dockerHost) {
    try {
      await pingHost(dockerHost);
    } catch (error) {
      throw new Error(
        `${ENV.dockerHost}=${dockerHost} does not answer /_ping (${(error as Error).message}). ` +
          `Start an engine (scripts/test-engine.sh start /tmp/dtui-eng) or unset it to let the tests start one.`,
        { cause: error },
      );
    }
    if (process.env[ENV.tlsHost] && process.env[ENV.tlsCerts]) {
      tlsHost = process.env[ENV.tlsHost] ?? '';
      tlsCerts = process.env[ENV.tlsCerts] ?? '';
    }
  } else {
    // Short mkdtemp prefix: containerd's sockets live under here and sun_path is 108 bytes.
    dir = mkdtempSync('/tmp/dtui-');
    try {
      engine = await startEngine(dir);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      const message = (error as Error).message;
      throw new Error(`cannot start the private test dockerd: ${message}${message.includes(FIX_HINT) ? '' : `\nFix: ${FIX_HINT}`}`, { cause: error });
    }
    ({ dockerHost, tlsHost } = engine);
    tlsCerts = engine.certDir;
  }

  const teardown = async (): Promise<void> => {
    try {
      await removeTestContainers(dockerFor(dockerHost, undefined, 10_000));
    } catch (error) {
      // An engine already shut down (e.g. by Ctrl-C reaching dockerd) has nothing to clean.
      if (!engine) console.warn(`dtui test teardown: removing dtui.test=1 containers failed: ${String(error)}`);
    }
    if (engine && dir) {
      await stopEngine(dir);
      rmSync(dir, { recursive: true, force: true });
    }
    // Restore so a re-run of global setup in the same process (watch mode) starts afresh.
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };

  try {
    await ensureTestImage(dockerFor(dockerHost, undefined, 60_000), dir);
  } catch (error) {
    await teardown();
    throw error;
  }

  process.env[ENV.dockerHost] = dockerHost;
  process.env[ENV.tlsHost] = tlsHost;
  process.env[ENV.tlsCerts] = tlsCerts;
  project.provide('dockerHost', dockerHost);
  project.provide('tlsHost', tlsHost);
  project.provide('tlsCerts', tlsCerts);
  return teardown;
}
