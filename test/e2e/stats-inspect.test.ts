// The Stats and Inspect tabs against the real engine.
import { afterAll, describe, expect, it } from 'vitest';
import { formatSize } from '../../src/engine/models/format.js';
import { runTestContainer, testDocker, uniqueName } from '../support/engine.js';
import { filterTo, launchDtui } from '../support/dtui.js';
import type { TuiHarness } from '../support/pty-harness.js';

describe('stats and inspect tabs', () => {
  const docker = testDocker();
  const ids: string[] = [];
  let tui: TuiHarness | undefined;
  afterAll(async () => {
    await tui?.kill('SIGKILL').catch(() => undefined);
    await Promise.all(
      ids.map((id) =>
        docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  });

  it('shows non-zero CPU for a busy container, with memory and a sparkline', async () => {
    const name = uniqueName('stats-busy');
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', 'while :; do :; done'] });
    ids.push(id);
    tui = await launchDtui();
    await filterTo(tui, name);
    await tui.waitForText(/\(1\/\d+\)/);
    // The list's MEM column speaks the same units as the Stats tab.
    // (The NAME column cuts the name.)
    await tui.waitForText(new RegExp(`${name.slice(0, 20)}.*\\d(?:KiB|MiB|GiB)\\b`), { timeout: 15_000 });
    await tui.press('m');
    const cpu = (s: string) => Number(/CPU\s+(\d+\.\d+)%/.exec(s)?.[1] ?? 0);
    // The machine is shared: "clearly busy" rather than a fixed share of a core.
    const screen = await tui.waitForScreen((s) => cpu(s) >= 1, { timeout: 15_000 });
    // One unit system (binary), human-scaled: "1.2MiB / 15.6GiB".
    expect(screen).toMatch(/Memory\s+[\d.]+(?:B|KiB|MiB|GiB|TiB) \/ [\d.]+(?:B|KiB|MiB|GiB|TiB) \(\d+\.\d\d%\)/);
    // The limit is the engine's, human-scaled (the host's memory: GiB, not 24105.0 MiB).
    const limit = ((await docker.getContainer(id).stats({ stream: false })) as { memory_stats: { limit: number } }).memory_stats.limit;
    expect(screen).toContain(`/ ${formatSize(limit)} (`);
    expect(screen).toMatch(/Net I\/O\s+rx/);
    expect(screen).toMatch(/Block I\/O\s+read/);
    expect(screen).toMatch(/[▁▂▃▄▅▆▇█]{2,}/);
    await tui.kill();
  });

  it("shows the container's inspect JSON and searches it", async () => {
    const name = uniqueName('inspect');
    const id = await runTestContainer(docker, { name, cmd: ['sh', '-c', 'sleep 3600'], env: ['DTUI_MARKER=needle-in-env'] });
    ids.push(id);
    tui = await launchDtui();
    await filterTo(tui, name);
    await tui.waitForText(/\(1\/\d+\)/);
    await tui.press('i');
    await tui.waitForText(`"Id": "${id.slice(0, 40)}`);
    await tui.press('/');
    await tui.waitForText('Search the inspect JSON');
    await tui.type('needle-in-env');
    await tui.press('enter');
    await tui.waitForText(/"needle-in-env" 1 matching line\b/);
    const screen = await tui.waitForText('"DTUI_MARKER=needle-in-env"');
    // The match was scrolled into view: the Id line (line 2) is no longer shown.
    expect(screen).not.toContain(`"Id": "${id.slice(0, 40)}`);
    await tui.kill();
  });

  it("shows the selected image's inspect JSON from the Images list", async () => {
    tui = await launchDtui();
    await tui.press('2');
    await tui.waitForText('dtui-test/busybox:latest');
    await tui.press('/');
    await tui.type('dtui-test/busybox');
    await tui.press('enter');
    await tui.press('i');
    await tui.waitForText('"RepoTags": [');
    const screen = await tui.waitForText('"dtui-test/busybox:latest"');
    expect(screen).toMatch(/Inspect i\s+Image dtui-test\/busybox:latest/);
    await tui.kill();
  });
});
