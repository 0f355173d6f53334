// Shared by the networks e2e files: networks labelled dtui.test=1 with explicit subnets
// (the test engine runs with --bridge=none), and reading them back from the engine.
import type Docker from 'dockerode';
import { TEST_LABELS } from '../support/engine.js';
import type { TuiHarness } from '../support/pty-harness.js';

export async function createTestNetwork(docker: Docker, name: string, subnet: string, extra: Partial<Docker.NetworkCreateOptions> = {}): Promise<string> {
  const network = await docker.createNetwork({
    Name: name,
    CheckDuplicate: true,
    Labels: { ...TEST_LABELS },
    IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] },
    ...extra,
  });
  return network.id;
}

/** The network's inspect answer, or undefined once it is gone (404). */
export async function inspectNetwork(docker: Docker, idOrName: string): Promise<Docker.NetworkInspectInfo | undefined> {
  try {
    return await docker.getNetwork(idOrName).inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

/**
 * Removes this file's networks: its own names, and any test network left in its subnet
 * range by an earlier run that was killed (the engine refuses overlapping subnets).
 */
export async function removeTestNetworks(docker: Docker, names: readonly string[], subnetPrefix: string): Promise<void> {
  const all = await docker.listNetworks();
  const doomed = all.filter(
    (n) => names.includes(n.Name) || (n.Labels?.['dtui.test'] === '1' && (n.IPAM?.Config ?? []).some((c) => c.Subnet?.startsWith(subnetPrefix))),
  );
  for (const n of doomed) {
    // This engine (--bridge=none) keeps the endpoint of a container removed while connected
    // after start: force-disconnect whatever it still lists, then remove.
    const info = await inspectNetwork(docker, n.Id);
    for (const id of Object.keys(info?.Containers ?? {}))
      await docker
        .getNetwork(n.Id)
        .disconnect({ Container: id, Force: true })
        .catch(() => undefined);
    await docker
      .getNetwork(n.Id)
      .remove()
      .catch(() => undefined);
  }
}

/** Names of the networks a container is on, with its aliases there. */
export async function containerNetworks(docker: Docker, id: string): Promise<Record<string, string[]>> {
  const info = await docker.getContainer(id).inspect();
  return Object.fromEntries(Object.entries(info.NetworkSettings.Networks).map(([name, ep]) => [name, ep.Aliases ?? []]));
}

/** The value a form's choice field shows: "‹ value ›". */
function shownChoice(screen: string): string | undefined {
  return /‹ (.*?) ›/.exec(screen)?.[1];
}

/** Presses → in the focused choice field until it shows a value starting with `wanted`. */
export async function pickChoice(tui: TuiHarness, wanted: string, max = 80): Promise<void> {
  const first = shownChoice(await tui.waitForText('‹'));
  let shown = first;
  for (let i = 0; i < max; i++) {
    if (shown?.startsWith(wanted)) return;
    const before = shown;
    await tui.press('right');
    shown = shownChoice(await tui.waitForScreen((s) => shownChoice(s) !== before));
    if (shown === first) break;
  }
  throw new Error(`no choice starting with ${wanted} (last shown: ${shown})`);
}
