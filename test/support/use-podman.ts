// Setup file of the `podman` vitest project: runs in each worker before the test file is
// imported, so testDocker() and launchDtui() (which read DTUI_TEST_DOCKER_HOST) reach the
// Podman socket, and tests can ask onPodman() where Podman measurably answers differently.
import { ENV } from './engine.js';
import { PODMAN_ENV } from './podman.js';

const host = process.env[PODMAN_ENV];
if (!host) throw new Error(`${PODMAN_ENV} is not set: test/podman-setup.ts should have started Podman`);
process.env[ENV.dockerHost] = host;
process.env[ENV.tlsHost] = '';
process.env[ENV.tlsCerts] = '';
process.env.DTUI_TEST_ENGINE = 'podman';
