// Sessions over the TLS tcp listener: the hijacked exec connection, its resize and its
// exit code work over TLS as over the unix socket (no docker CLI involved).
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runTestContainer, testDocker } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import { group } from '../support/core-e2e.js';
import { expectContainerSize } from './session-helpers.js';

const tlsHost = inject('tlsHost');
const tlsCerts = inject('tlsCerts');

// An engine without a TLS port fails here with instructions; it never skips.
describe('exec over TLS', () => {
  const docker = testDocker();
  const name = `tls-${group()}`; // short: the detail pane's title must show the name in full
  let id = '';
  afterAll(async () => {
    if (id)
      await docker
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
  });

  it('runs a shell, follows a resize and reports the exit code', async () => {
    expect(tlsHost, 'set DTUI_TEST_TLS_HOST and DTUI_TEST_TLS_CERTS (scripts/test-engine.sh start DIR prints them)').toMatch(/^tcp:\/\//);
    id = await runTestContainer(docker, { name, cmd: ['sleep', '3600'] });
    const tui = await launchDtui({
      args: [
        '-H',
        tlsHost,
        '--tlsverify',
        '--tlscacert',
        join(tlsCerts, 'ca.pem'),
        '--tlscert',
        join(tlsCerts, 'cert.pem'),
        '--tlskey',
        join(tlsCerts, 'key.pem'),
      ],
      env: { DOCKER_HOST: undefined },
    });
    try {
      expect(tui.screen()).toContain(tlsHost.replace(/^tcp/, ''));
      await filterTo(tui, name);
      await tui.waitForText(new RegExp(`(?:Logs l|Top t|Stats m|Inspect i)\\s+${name} running`));
      await tui.press('e');
      await tui.waitForText('/ #');
      tui.resize(120, 40);
      await tui.type('echo tls-$((6*7))\r');
      await tui.waitForText(/^tls-42\s*$/m);
      await expectContainerSize(tui, 40, 120);
      await tui.type('exit 3\r');
      await tui.waitForText(`exec sh in ${name} exited with code 3`);
    } finally {
      await tui.kill('SIGKILL');
    }
  });
});
