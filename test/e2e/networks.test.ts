// The Networks pane (5): live from network events, create with a validated form, inspect,
// remove refused while a container runs on it (named), and --read-only binding no change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPodman } from '../support/podman.js';
import { TEST_IMAGE, TEST_LABELS, testDocker, uniqueName, waitFor } from '../support/engine.js';
import { launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { createTestNetwork, inspectNetwork, removeTestNetworks } from './networks-helpers.js';

describe('networks pane', () => {
  const docker = testDocker();
  const made = uniqueName('netmade');
  const live = uniqueName('netlive');
  const user = uniqueName('netuser');
  const searched = uniqueName('netsearch');
  let userId = '';
  let tui: TuiHarness | undefined;

  beforeAll(async () => {
    await removeTestNetworks(docker, [], '10.231.1');
  });

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    if (userId)
      await docker
        .getContainer(userId)
        .remove({ force: true })
        .catch(() => undefined);
    await removeTestNetworks(docker, [made, live, searched], '10.231.1');
  });

  it('creates a network through the form: each bad field is named, the engine gets what was typed', async () => {
    tui = await launchDtui();
    await tui.press('5');
    await tui.waitForText(/\[5\] Networks/);
    // A network every engine starts with: dockerd's host network, Podman's default network (listed as bridge).
    await tui.waitForText(onPodman() ? /bridge\s+bridge\s+local\s+10\.88\./ : /host\s+host\s+local/);

    await tui.press('c');
    await tui.waitForText('Create a network');
    await tui.type('bad name');
    await tui.press('enter');
    await tui.waitForText('Name: "bad name" is not a valid network name');
    await tui.press('\x15');
    await tui.type(made);
    await tui.press('tab', 'tab');
    await tui.type('10.231.11.0/33');
    await tui.press('enter');
    await tui.waitForText('Subnet: /33 is not a prefix length for IPv4');
    await tui.press('backspace', 'backspace');
    await tui.type('24');
    await tui.press('tab');
    await tui.type('10.231.12.1');
    await tui.press('enter');
    await tui.waitForText('Gateway: 10.231.12.1 is not inside the subnet 10.231.11.0/24');
    await tui.press('\x15');
    await tui.type('10.231.11.254');
    await tui.press('tab', 'space', 'tab', 'space', 'tab');
    await tui.type('dtui.test=1, team=db');
    await tui.press('enter');
    await tui.waitForText(`Created network ${made} (10.231.11.0/24)`);

    const info = await inspectNetwork(docker, made);
    // Podman keeps no Attachable flag (a swarm notion): it answers false whatever was sent.
    const attachable = !onPodman();
    expect(info).toMatchObject({
      Driver: 'bridge',
      Internal: true,
      Attachable: attachable,
      Labels: { 'dtui.test': '1', team: 'db' },
      IPAM: { Config: [{ Subnet: '10.231.11.0/24', Gateway: '10.231.11.254' }] },
    });
    await tui.waitForText(new RegExp(`${made}\\s+bridge\\s+local\\s+10\\.231\\.11\\.0/24\\s+0\\s+internal${attachable ? ',attachable' : ''}`));

    // A name that exists is refused before the engine is asked.
    await tui.press('c');
    await tui.waitForText('Create a network');
    await tui.type(made);
    await tui.press('enter');
    await tui.waitForText(`Name: a network named ${made} already exists`);
    await tui.press('esc');
  }, 60_000);

  it('follows the engine: networks and containers appear in the list without a key', async () => {
    await tui!.press('/');
    await tui!.type('netlive');
    await tui!.press('enter');
    await tui!.waitForText('No network matches "netlive"');
    const id = await createTestNetwork(docker, live, '10.231.12.0/24');
    // Podman sends no network create event: there the next container event re-reads the list.
    if (!onPodman()) await tui!.waitForText(new RegExp(`${live}\\s+bridge\\s+local\\s+10\\.231\\.12\\.0/24\\s+0\\s+-`));
    // On the network from its creation: the engine drops its endpoint when it is removed.
    const container = await docker.createContainer({
      name: user,
      Image: TEST_IMAGE,
      Cmd: ['sleep', '3600'],
      Labels: TEST_LABELS,
      HostConfig: { NetworkMode: id },
    });
    userId = container.id;
    await container.start();
    await tui!.waitForText(new RegExp(`${live}\\s+bridge\\s+local\\s+10\\.231\\.12\\.0/24\\s+1\\s+-`));

    await tui!.press('i');
    const inspect = await tui!.waitForText(`"Name": "${live}"`);
    expect(inspect).toContain('"Subnet": "10.231.12.0/24"');
    await tui!.press('esc');
    await tui!.waitForText(/\[5\] Networks/);
  }, 60_000);

  it('refuses to remove a network a running container is on, naming it; removes it once it is free', async () => {
    await tui!.press('d');
    await tui!.waitForText(`Cannot remove network ${live}: ${user} is attached (disconnect it first) — nothing was removed`);
    expect(await inspectNetwork(docker, live)).toBeDefined();

    await docker.getContainer(userId).remove({ force: true });
    userId = '';
    await tui!.waitForText(new RegExp(`${live}\\s+bridge\\s+local\\s+10\\.231\\.12\\.0/24\\s+0\\s+-`));
    await tui!.press('d');
    await tui!.waitForText(`Remove network ${live}?`);
    await tui!.waitForText('No container uses it.');
    await tui!.press('y');
    await tui!.waitForText(`Removed network ${live}`);
    expect(await inspectNetwork(docker, live)).toBeUndefined();
    await tui!.waitForText('No network matches "netlive"');
    await tui!.kill('SIGKILL');
    tui = undefined;
  }, 60_000);

  it('--read-only binds none of the keys that change networks', async () => {
    tui = await launchDtui({ args: ['--read-only'] });
    await tui.press('5');
    await tui.waitForText(new RegExp(`${made}\\s+bridge`));
    await tui.press('/');
    await tui.type(made);
    await tui.press('enter');
    for (const [key, what] of [
      ['c', 'create a network'],
      ['d', 'remove the selected network'],
      ['X', 'prune unused networks'],
      ['a', 'connect a container to the selected network'],
      ['D', 'disconnect a container from the selected network'],
    ] as const) {
      await tui.press(key);
      await tui.waitForText(`Read-only mode: dtui will not ${what}. Nothing was changed.`);
    }
    await tui.press('1');
    await tui.waitForText(/\[1\] Containers/);
    await tui.press('n');
    await tui.waitForText('Read-only mode: dtui will not connect the selected container to a network.');
    await waitFor(async () => (await inspectNetwork(docker, made)) !== undefined, { timeout: 1000, message: 'the network to stay' });
    // Inspect is not a change: it still works.
    await tui.press('5');
    await tui.press('i');
    await tui.waitForText(`"Name": "${made}"`);
  }, 60_000);

  it("searches a network's inspect: / counts the matching lines, n and N move between them", async () => {
    await tui?.kill('SIGKILL');
    await createTestNetwork(docker, searched, '10.231.13.0/24', { Labels: { ...TEST_LABELS, 'dtui.a': 'needle-one', 'dtui.b': 'needle-two' } });
    tui = await launchDtui();
    await tui.press('5');
    await tui.press('/');
    await tui.type(searched);
    await tui.press('enter');
    await tui.waitForText(new RegExp(`${searched}\\s+bridge`));
    await tui.press('i');
    await tui.waitForText(`"Name": "${searched}"`);
    await tui.press('/');
    await tui.waitForText(`Search Network ${searched} (inspect)`);
    await tui.type('needle');
    await tui.press('enter');
    await tui.waitForText('"needle" 1/2 matches');
    await tui.press('n');
    await tui.waitForText('"needle" 2/2 matches');
    await tui.press('n');
    await tui.waitForText('"needle": no later match');
    await tui.press('N');
    await tui.waitForText('"needle" 1/2 matches');
    await tui.press('/');
    await tui.waitForText(`Search Network ${searched} (inspect)`);
    for (let i = 0; i < 'needle'.length; i++) await tui.press('backspace');
    await tui.type('needle-two');
    await tui.press('enter');
    await tui.waitForText('"needle-two" 1/1 match ');
    await tui.press('esc');
    await tui.waitForText(/\[5\] Networks/);
  }, 60_000);
});
