// `npm run demo`: a private Docker engine (started the way the tests start theirs), a small
// scene in it, and bin/dtui on it in this terminal. On quit — q, Ctrl+C inside dtui, or a
// SIGINT/SIGTERM/SIGHUP to this script — the engine is stopped and its directory removed.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { dockerFor } from '../../test/support/engine.js';
import { startPrivateEngine, type PrivateEngine } from '../../test/support/private-engine.js';
import { buildScene } from './scene.js';

const root = join(import.meta.dirname, '../..');
const say = (text: string) => process.stderr.write(`dtui demo: ${text}\n`);

let engine: PrivateEngine | undefined;
let dtui: ChildProcess | undefined;
let cleaning: Promise<void> | undefined;

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    if (dtui && dtui.exitCode === null && dtui.signalCode === null) {
      const exited = new Promise((resolve) => dtui!.once('exit', resolve));
      dtui.kill('SIGTERM');
      await exited;
    }
    if (engine) {
      say(`stopping the engine and removing ${engine.info.dir}`);
      await engine.dispose();
      say('done');
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    void cleanUp().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
  });
}

async function main(): Promise<number> {
  say('starting a private Docker engine (needs root and docker.io; nothing of yours is touched)…');
  engine = await startPrivateEngine();
  say(`engine ${engine.host} in ${engine.info.dir}; building the scene…`);
  await buildScene(dockerFor(engine.host, undefined, 60_000));
  say('opening dtui — q quits and removes the demo engine');
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: engine.host };
  for (const name of ['DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CONTEXT']) delete env[name];
  dtui = spawn(join(root, 'bin/dtui'), [], { stdio: 'inherit', env });
  const code = await new Promise<number>((resolve) => {
    dtui!.once('exit', (exitCode) => resolve(exitCode ?? 1));
    dtui!.once('error', (err) => {
      say(`could not start bin/dtui: ${err.message}`);
      resolve(1);
    });
  });
  await cleanUp();
  return code;
}

main().then(
  // Explicit exit: dockerode's keep-alive agent would otherwise hold the process open.
  (code) => process.exit(code),
  async (error: unknown) => {
    say(error instanceof Error ? error.message : String(error));
    await cleanUp().catch(() => undefined);
    process.exit(1);
  },
);
