// Issue 13, against an HTTP engine that misbehaves on purpose, through the real Engine
// (dockerode) and EngineSession: a list that never comes says so and is retried; a list
// whose answer is malformed names the call and field; an unreadable ApiVersion is not
// answered with dtui's own maximum.
import { afterEach, describe, expect, it } from 'vitest';
import { DockerEngine as Engine } from '../../src/engine/api/docker-engine.js';
import { FALLBACK_API } from '../../src/engine/api/api-version.js';
import { EngineSession } from '../../src/state/session.js';
import { json, never, startMisbehavingEngine, type MisbehavingEngine } from '../support/misbehaving-engine.js';
import { waitFor } from '../support/wait.js';

describe('a hostile engine', () => {
  let engine: MisbehavingEngine | undefined;
  let session: EngineSession | undefined;
  afterEach(async () => {
    session?.stop();
    await engine?.close();
  });

  async function connect(listTimeoutMs = 10_000): Promise<EngineSession> {
    engine ??= await startMisbehavingEngine();
    const e = await Engine.connect({ kind: 'unix', socketPath: engine.socketPath, url: `unix://${engine.socketPath}` });
    session = new EngineSession(e, 200, listTimeoutMs);
    void session.start();
    return session;
  }

  it('a containers list that never comes: the pane says so, and the list is retried until it does', async () => {
    engine = await startMisbehavingEngine();
    engine.routes.set('/containers/json', never);
    const s = await connect(500);
    await waitFor(() => s.containers.get().error === 'the engine did not answer the containers list in 1 s — retrying', {
      timeout: 5000,
      message: 'the timeout message',
    });
    expect(s.containers.get().loaded).toBe(false);
    // Retried in the background; once the engine answers, the list loads and the message goes.
    await waitFor(() => (engine!.hits.get('/containers/json') ?? 0) >= 2, { timeout: 10_000, message: 'a retry' });
    engine.routes.set('/containers/json', json([{ Id: 'f'.repeat(64), Names: ['/late'], Created: 1, State: 'running', Status: 'Up' }]));
    await waitFor(() => s.containers.get().loaded && !s.containers.get().error, { timeout: 20_000, message: 'the list after retries' });
    expect(s.containers.get().rows.map((r) => r.name)).toEqual(['late']);
  });

  it('malformed lists name the call and the field; the session keeps running', async () => {
    engine = await startMisbehavingEngine();
    engine.routes.set('/containers/json', json([{ Id: 12345, Names: ['/x'], Created: 1 }]));
    engine.routes.set('/images/json', json({ not: 'a list' }));
    engine.routes.set('/volumes', json({ Volumes: [{ Name: { evil: true } }] }));
    const s = await connect();
    const stop = s.volumes.acquire();
    await waitFor(() => Boolean(s.containers.get().error && s.images.get().error && s.volumes.store.get().error), { timeout: 5000, message: 'three errors' });
    stop();
    expect(s.containers.get().error).toBe("the engine's answer to GET /containers/json is malformed: [0].Id should be string, is a number");
    expect(s.images.get().error).toBe("the engine's answer to GET /images/json is malformed: the answer should be Array, is an object");
    expect(s.volumes.store.get().error).toBe("the engine's answer to GET /volumes is malformed: Volumes[0].Name should be string, is an object");
    // Still alive: a good answer now loads.
    engine.routes.set('/images/json', json([]));
    await waitFor(() => s.images.get().loaded && !s.images.get().error, { timeout: 10_000, message: 'images after a retry' });
  });

  it('an answer over the cap (here 70 MiB of containers) is refused with a message, not read whole', async () => {
    engine = await startMisbehavingEngine();
    engine.routes.set('/containers/json', (_q, res) => {
      // Streamed in chunks with no Content-Length: the cap must count what arrives.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const row = JSON.stringify({ Id: 'f'.repeat(64), Names: ['/'.padEnd(1000, 'x')], Created: 1, State: 'running', Status: 'Up' });
      const chunk = `${Array(1000).fill(row).join(',')},`;
      res.write('[');
      let sent = 0;
      const more = () => {
        while (sent < 70 && res.write(chunk)) sent++;
        if (sent < 70 && !res.destroyed)
          res.once('drain', () => {
            sent++;
            more();
          });
        else if (!res.destroyed) res.end(`${row}]`);
      };
      more();
    });
    const s = await connect();
    await waitFor(() => Boolean(s.containers.get().error), { timeout: 20_000, message: 'the cap message' });
    expect(s.containers.get().error).toBe("the engine's answer to GET /containers/json was larger than 64 MiB: not read");
    // The session is fine otherwise: images loaded.
    await waitFor(() => s.images.get().loaded, { timeout: 5000, message: 'images' });
  });

  it('an unreadable ApiVersion: dtui speaks the fallback, not its own maximum', async () => {
    engine = await startMisbehavingEngine();
    engine.routes.set('/version', json({ Version: '27', ApiVersion: 'garbage', Os: 'linux', Arch: 'amd64' }));
    const s = await connect();
    expect(s.engine.info.apiVersion).toBe(FALLBACK_API);
    await waitFor(() => s.containers.get().loaded, { timeout: 5000, message: 'the list' });
    expect([...engine.hits.keys()]).toContain('/containers/json');
  });
});
