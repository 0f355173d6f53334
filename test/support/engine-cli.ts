// CLI behind scripts/test-engine.sh: `start DIR` / `stop DIR` for humans and the benchmark.
// stdout carries only the socket path (machine-readable); hints go to stderr.
import { resolve } from 'node:path';
import { startEngine, stopEngine } from './dockerd.js';
import { dockerFor } from './engine.js';
import { TEST_IMAGE, ensureTestImage } from './test-image.js';

async function main(): Promise<void> {
  const [command, dirArg] = process.argv.slice(2);
  if ((command !== 'start' && command !== 'stop') || !dirArg) {
    process.stderr.write('usage: scripts/test-engine.sh start|stop DIR\n');
    process.exit(2);
  }
  const dir = resolve(dirArg);
  if (command === 'stop') {
    await stopEngine(dir);
    process.stderr.write(`stopped; ${dir} kept (its image cache makes the next start fast), rm -rf it to discard\n`);
    return;
  }
  const info = await startEngine(dir, { detached: true });
  const imported = await ensureTestImage(dockerFor(info.dockerHost), dir);
  process.stderr.write(
    `dockerd pid ${info.pid}, log ${info.logPath}, ${TEST_IMAGE} ${imported ? 'imported' : 'present'}\n` +
      `  export DTUI_TEST_DOCKER_HOST=${info.dockerHost}\n` +
      `  export DTUI_TEST_TLS_HOST=${info.tlsHost}\n` +
      `  export DTUI_TEST_TLS_CERTS=${info.certDir}\n` +
      `  # docker CLI over TLS: DOCKER_HOST=${info.tlsHost} DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=${info.certDir}\n`,
  );
  process.stdout.write(`${info.socketPath}\n`);
}

main().then(
  // Explicit exit: dockerode's keep-alive agent would otherwise hold the process open.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`test-engine: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
