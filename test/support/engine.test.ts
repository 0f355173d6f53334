// Proves the test engine from test/global-setup.ts: plain unix socket, mutual-TLS tcp port,
// and the registry-free busybox image.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { describe, expect, inject, it } from 'vitest';
import { ENV, TEST_IMAGE, TEST_LABEL, dockerFor, runTestContainer, testDocker, testDockerTls, uniqueName, waitFor } from './engine.js';

const tlsHost = inject('tlsHost');
const tlsCerts = inject('tlsCerts');

describe('test engine', () => {
  it('exposes the same location via inject() and env vars', () => {
    expect(inject('dockerHost')).toMatch(/^(unix|tcp):\/\//);
    expect(process.env[ENV.dockerHost]).toBe(inject('dockerHost'));
    expect(process.env[ENV.tlsHost]).toBe(tlsHost);
    expect(process.env[ENV.tlsCerts]).toBe(tlsCerts);
  });

  it('answers /_ping on the unix socket', async () => {
    expect(String(await testDocker().ping())).toBe('OK');
  });

  // An external engine must come with its TLS port too (scripts/test-engine.sh exports
  // both): these tests fail with instructions rather than skip.
  describe('TLS tcp port', () => {
    it('answers with the client certificate', async () => {
      expect(tlsHost, 'set DTUI_TEST_TLS_HOST and DTUI_TEST_TLS_CERTS (scripts/test-engine.sh start DIR prints them)').toMatch(/^tcp:\/\//);
      const version = await testDockerTls().version();
      expect(version.ApiVersion).toMatch(/^1\.\d+$/);
    });

    it('uses docker-CLI file names so DOCKER_CERT_PATH works', () => {
      for (const file of ['ca.pem', 'cert.pem', 'key.pem']) {
        expect(readFileSync(join(tlsCerts, file), 'utf8')).toContain('-----BEGIN');
      }
    });

    it('refuses a TLS client without a certificate', async () => {
      const url = new URL(tlsHost);
      const anonymous = new Docker({
        protocol: 'https',
        host: url.hostname,
        port: Number(url.port),
        timeout: 5000,
        ca: readFileSync(join(tlsCerts, 'ca.pem')),
      });
      // TLS 1.3 finishes the client handshake first; the server's alert arrives on read.
      await expect(anonymous.ping()).rejects.toThrow(/certificate|ECONNRESET|socket hang up/i);
    });

    it('refuses plain HTTP', async () => {
      await expect(dockerFor(tlsHost, undefined, 5000).ping()).rejects.toMatchObject({ statusCode: 400 });
    });
  });

  it('runs `echo hi` in the test image', async () => {
    const docker = testDocker();
    const id = await runTestContainer(docker, { name: uniqueName('echo'), cmd: ['echo', 'hi'] });
    const container = docker.getContainer(id);
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    expect(StatusCode).toBe(0);
    // Non-TTY logs are multiplexed: 8-byte frame header per chunk, so match the payload only.
    const logs = await container.logs({ stdout: true, stderr: true, follow: false });
    expect(logs.subarray(8).toString()).toBe('hi\n');
    const info = await container.inspect();
    expect(info.Config.Image).toBe(TEST_IMAGE);
    expect(info.Config.Labels[TEST_LABEL]).toBe('1');
  });

  it('keeps a tty shell running until removed', async () => {
    const docker = testDocker();
    const id = await runTestContainer(docker, { name: uniqueName('tty sh'), tty: true });
    await waitFor(async () => (await docker.getContainer(id).inspect()).State.Running, {
      timeout: 10_000,
      message: 'tty sh container to be running',
    });
    const listed = await docker.listContainers({ filters: { label: [`${TEST_LABEL}=1`], id: [id] } });
    expect(listed.map((c) => c.Id)).toEqual([id]);
  });
});
