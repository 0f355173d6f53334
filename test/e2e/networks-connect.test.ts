// Connect and disconnect, from both sides: a and D on the selected network (pick the
// container, alias optional), n and N on the selected container (pick the network).
// The engine is asked after each step: the container's networks and its aliases there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, TEST_LABELS, testDocker, uniqueName, waitFor } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';
import { containerNetworks, createTestNetwork, pickChoice, removeTestNetworks } from './networks-helpers.js';

describe('connect and disconnect', () => {
  const docker = testDocker();
  const target = uniqueName('netjoin');
  const home = uniqueName('nethome');
  const member = uniqueName('netmember');
  let memberId = '';
  let tui: TuiHarness | undefined;

  beforeAll(async () => {
    await removeTestNetworks(docker, [], '10.231.2');
    await createTestNetwork(docker, target, '10.231.21.0/24');
    const homeId = await createTestNetwork(docker, home, '10.231.22.0/24');
    // On its own network from creation, so it has an address to start with.
    const container = await docker.createContainer({
      name: member,
      Image: TEST_IMAGE,
      Cmd: ['sleep', '3600'],
      Labels: TEST_LABELS,
      HostConfig: { NetworkMode: homeId },
    });
    memberId = container.id;
    await container.start();
  });

  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    if (memberId)
      await docker
        .getContainer(memberId)
        .remove({ force: true })
        .catch(() => undefined);
    await removeTestNetworks(docker, [target, home], '10.231.2');
  });

  it('a on a network connects the picked container with an alias; D disconnects it', async () => {
    tui = await launchDtui();
    await tui.press('5');
    await tui.waitForText(/\[5\] Networks/);
    await tui.press('/');
    await tui.type(target);
    await tui.press('enter');
    await tui.waitForText(new RegExp(`${target}\\s+bridge\\s+local\\s+10\\.231\\.21\\.0/24\\s+0\\s`));

    await tui.press('a');
    await tui.waitForText(`Connect a container to network ${target}`);
    await pickChoice(tui, member);
    await tui.press('tab');
    await tui.type('bad alias');
    await tui.press('enter');
    await tui.waitForText('Alias: "bad alias" is not a valid alias');
    await tui.press('\x15');
    await tui.type('db1');
    await tui.press('enter');
    await tui.waitForText(`Connected ${member} to ${target} as db1`);
    const joined = await containerNetworks(docker, memberId);
    expect(Object.keys(joined).sort()).toEqual([home, target].sort());
    expect(joined[target]).toContain('db1');
    await tui.waitForText(new RegExp(`${target}\\s+bridge\\s+local\\s+10\\.231\\.21\\.0/24\\s+1\\s`));

    await tui.press('D');
    await tui.waitForText(`Disconnect a container from network ${target}`);
    await tui.waitForText(`‹ ${member} (running) ›`);
    await tui.press('enter');
    await tui.waitForText(`Disconnected ${member} from ${target}`);
    expect(Object.keys(await containerNetworks(docker, memberId))).toEqual([home]);
    await tui.waitForText(new RegExp(`${target}\\s+bridge\\s+local\\s+10\\.231\\.21\\.0/24\\s+0\\s`));
  }, 60_000);

  it('n and N on a container pick the network to join or leave', async () => {
    await tui!.press('1');
    await tui!.waitForText(/\[1\] Containers/);
    await filterTo(tui!, member);
    await tui!.waitForText(new RegExp(`${member}\\s`));

    await tui!.press('n');
    await tui!.waitForText(`Connect ${member} to a network`);
    // Only networks it is not on are offered.
    await pickChoice(tui!, target);
    await tui!.press('enter');
    await tui!.waitForText(`Connected ${member} to ${target}`);
    expect(Object.keys(await containerNetworks(docker, memberId)).sort()).toEqual([home, target].sort());

    await tui!.press('N');
    await tui!.waitForText(`Disconnect ${member} from a network`);
    await pickChoice(tui!, target);
    await tui!.press('enter');
    await tui!.waitForText(`Disconnected ${member} from ${target}`);
    await waitFor(async () => Object.keys(await containerNetworks(docker, memberId)).join() === home, {
      timeout: 5000,
      message: 'the container to be on its home network only',
    });

    // Nothing left to leave but home; nothing offered twice.
    await tui!.press('N');
    await tui!.waitForText(`Disconnect ${member} from a network`);
    await tui!.waitForText(`‹ ${home} (bridge 10.231.22.0/24) ›`);
    await tui!.press('esc');
  }, 60_000);
});
