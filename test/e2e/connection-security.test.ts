// Connection security: a wrong CA fails with a clear message; an engine reached over
// plain tcp off loopback gets a warning that stays in the header; credentials in the
// docker config never show up anywhere.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { launchDtui } from '../support/dtui.js';
import { ENV } from '../support/engine.js';
import { ensureTlsFiles } from '../support/tls-certs.js';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

describe('connection security', () => {
  const servers: Server[] = [];
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const s of servers) s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('--tlsverify with a CA that did not sign the engine certificate fails with a clear message', async () => {
    // Two unrelated throw-away PKIs: the server presents one, the client trusts the other.
    const serverPki = ensureTlsFiles(tempDir('dtui-pki-a-'));
    const clientPki = ensureTlsFiles(tempDir('dtui-pki-b-'));
    const server = createTlsServer({ cert: readFileSync(serverPki.serverCert), key: readFileSync(serverPki.serverKey) }, (s) => s.end());
    server.on('tlsClientError', () => undefined);
    servers.push(server);
    const port = await listen(server);

    const tui = await launchDtui({
      ready: false,
      env: { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: clientPki.clientDir },
    });
    const exit = await tui.exited;
    expect(exit.exitCode).toBe(1);
    expect(tui.screen()).toMatch(/Cannot connect to the Docker engine at tcp:\/\/127\.0\.0\.1:\d+: TLS failure \(.*\) — check --tlscacert/);
  });

  it('--tls without --tlsverify encrypts but does not check the engine certificate (docker CLI); --tlsverify with a wrong CA is refused', async () => {
    const tlsHost = process.env[ENV.tlsHost];
    const certs = process.env[ENV.tlsCerts];
    expect(tlsHost, "the private engine's mutual-TLS port (scripts/test-engine.sh)").toMatch(/^tcp:\/\//);
    const wrong = ensureTlsFiles(tempDir('dtui-pki-wrong-'));
    const client = ['--tlscert', join(certs!, 'cert.pem'), '--tlskey', join(certs!, 'key.pem')];
    // No CA at all, and DOCKER_CERT_PATH pointing at an unrelated PKI: --tls must not verify.
    const tls = await launchDtui({ args: ['-H', tlsHost!, '--tls', ...client], env: { DOCKER_CERT_PATH: wrong.clientDir } });
    try {
      await tls.waitForText(/\[1\] Containers \(\d+/);
      expect(tls.screen()).not.toMatch(/TLS failure/);
    } finally {
      await tls.kill('SIGKILL');
    }
    // The same client certificate with --tlsverify and a CA that did not sign the engine's: refused.
    const verify = await launchDtui({
      ready: false,
      args: ['-H', tlsHost!, '--tlsverify', '--tlscacert', join(wrong.clientDir, 'ca.pem'), ...client],
    });
    const exit = await verify.exited;
    expect(exit.exitCode).toBe(1);
    expect(verify.screen()).toMatch(/TLS failure \(.*\) — check --tlscacert/);
  });

  it('warns for good in the header when the engine is reached without TLS off loopback', async () => {
    // A plain-tcp front for the test engine's unix socket. dtui dials 0.0.0.0, which Linux
    // delivers locally, but which is not a loopback name: the case a user must be warned of.
    const socketPath = new URL(process.env[ENV.dockerHost]!).pathname;
    const proxy = createNetServer((client) => {
      const upstream = connect(socketPath);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close);
      upstream.on('error', close);
    });
    servers.push(proxy);
    const port = await listen(proxy);
    const tui = await launchDtui({ env: { DOCKER_HOST: `tcp://0.0.0.0:${port}` } });
    try {
      await tui.waitForText('NO TLS: anyone on the network can control this engine');
      // The status line moves on; the header keeps the warning.
      await tui.press('?');
      await tui.waitForText('Everywhere');
      await tui.press('esc', '2', '1');
      expect(tui.line(0)).toContain('NO TLS');
      await tui.press('q');
      expect((await tui.exited).exitCode).toBe(0);
    } finally {
      await tui.kill('SIGKILL');
    }
  });

  it('never shows or writes the registry credentials of the docker config', async () => {
    const config = tempDir('dtui-cfg-');
    const secret = 'hunter2-SECRET-do-not-show';
    const auth = Buffer.from(`someone:${secret}`).toString('base64');
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { 'registry.example:5000': { auth } } }));
    const tui = await launchDtui({ env: { DOCKER_CONFIG: config, HOME: config } });
    try {
      await tui.press('?');
      await tui.waitForText('Everywhere');
      await tui.press('esc', '2');
      await tui.press('q');
      expect((await tui.exited).exitCode).toBe(0);
      expect(tui.raw()).not.toContain(secret);
      expect(tui.raw()).not.toContain(auth);
      expect(readdirSync(config)).toEqual(['config.json']);
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
