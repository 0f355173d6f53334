// Compose projects grouped from container rows: labels read (and sanitized), services
// under their project, replicas running/total, the state summary, and "no project".
import { describe, expect, it } from 'vitest';
import { containerRow } from '../../src/engine/models/rows.js';
import { composeInfo } from '../../src/engine/models/compose.js';
import type { ContainerRow, ContainerState } from '../../src/engine/models/types.js';
import { groupLabel, projectRows, summarize } from '../../src/resources/projects/rows.js';
import { groupByProject } from '../../src/resources/containers/grouping.js';

let n = 0;
function container(name: string, state: ContainerState, labels: Record<string, string> = {}): ContainerRow {
  return containerRow({ Id: `id${++n}`.padEnd(64, '0'), Names: [`/${name}`], State: state, Created: n, Labels: labels }, 0);
}
const compose = (project: string, service: string, number: number, extra: Record<string, string> = {}) => ({
  'com.docker.compose.project': project,
  'com.docker.compose.service': service,
  'com.docker.compose.container-number': String(number),
  'com.docker.compose.oneoff': 'False',
  'com.docker.compose.project.working_dir': `/srv/${project}`,
  ...extra,
});

describe('Compose labels', () => {
  it('reads project, service, replica, one-off and directory; none without the project label', () => {
    expect(composeInfo(compose('shop', 'web', 2))).toMatchObject({ project: 'shop', service: 'web', number: 2, oneoff: false, workingDir: '/srv/shop' });
    expect(composeInfo({ 'com.docker.compose.service': 'web' })).toBeUndefined();
    expect(composeInfo({ 'com.docker.compose.project': '' })).toBeUndefined();
    expect(composeInfo(null)).toBeUndefined();
    expect(composeInfo({ ...compose('p', 's', 1), 'com.docker.compose.oneoff': 'True' })?.oneoff).toBe(true);
    expect(composeInfo({ ...compose('p', 's', 1), 'com.docker.compose.container-number': 'x' })?.number).toBe(0);
  });

  it('sanitizes every label value: escape sequences in a hand-made label never reach the screen', () => {
    const hostile = '\u001b]0;pwned\u0007evil\u001b[2J\u202e';
    const info = composeInfo({
      'com.docker.compose.project': `shop${hostile}`,
      'com.docker.compose.service': `web${hostile}`,
      'com.docker.compose.project.working_dir': `/srv${hostile}`,
      'com.docker.compose.project.config_files': `a.yml${hostile}`,
    })!;
    for (const value of [info.project, info.service, info.workingDir, info.configFiles]) {
      expect(value).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    }
    expect(info.project).toBe('shopevil');
  });
});

describe('projectRows', () => {
  it('groups by project then service, counts replicas and summarizes the state', () => {
    const rows = projectRows([
      container('loose', 'running'),
      container('shop-web-2', 'exited', compose('shop', 'web', 2)),
      container('shop-web-1', 'running', compose('shop', 'web', 1)),
      container('shop-db-1', 'running', compose('shop', 'db', 1)),
      container('blog-app-1', 'exited', compose('blog', 'app', 1)),
      container('blog-app-run', 'running', compose('blog', 'app', 0, { 'com.docker.compose.oneoff': 'True' })),
      container('api-srv-1', 'running', compose('api', 'srv', 1)),
    ]);
    expect(rows.map((r) => [r.level, r.project, r.service, `${r.running}/${r.total}`, r.state])).toEqual([
      ['project', 'api', '', '1/1', 'running'],
      ['service', 'api', 'srv', '1/1', 'running'],
      // The one-off (docker-compose run) container is acted on but is no replica.
      ['project', 'blog', '', '0/1', 'stopped'],
      ['service', 'blog', 'app', '0/1', 'stopped'],
      ['project', 'shop', '', '2/3', 'degraded'],
      ['service', 'shop', 'db', '1/1', 'running'],
      ['service', 'shop', 'web', '1/2', 'degraded'],
      ['project', '', '', '1/1', 'running'],
    ]);
    const shop = rows.find((r) => r.key === 'project:shop')!;
    expect(shop.services).toBe(2);
    expect(shop.workingDir).toBe('/srv/shop');
    expect(rows.find((r) => r.key === 'service:shop/web')!.containers.map((c) => c.name)).toEqual(['shop-web-1', 'shop-web-2']);
    expect(rows.find((r) => r.key === 'project:blog')!.containers.map((c) => c.name)).toEqual(['blog-app-run', 'blog-app-1']);
    expect(groupLabel(rows.at(-1)!)).toBe('the containers of no project');
    expect(groupLabel(shop)).toBe('project shop');
  });

  it('counts paused and restarting replicas as not running', () => {
    expect(summarize([container('a', 'paused'), container('b', 'running')]).state).toBe('degraded');
    expect(summarize([container('a', 'paused')]).state).toBe('stopped');
    expect(summarize([container('a', 'restarting'), container('b', 'running')])).toEqual({ running: 1, total: 2, state: 'degraded' });
  });

  it('takes hand-labelled containers: a project label alone is a project with one unnamed service', () => {
    const rows = projectRows([container('manual', 'running', { 'com.docker.compose.project': 'byhand' })]);
    expect(rows.map((r) => [r.level, r.project, r.service])).toEqual([
      ['project', 'byhand', ''],
      ['service', 'byhand', ''],
    ]);
    expect(groupLabel(rows[1]!)).toBe('service byhand/(no service)');
  });

  it('has no rows without containers', () => {
    expect(projectRows([])).toEqual([]);
  });
});

describe('Containers grouped by project', () => {
  it('orders by project, service and replica, containers of no project last, and returns the same array for the same rows', () => {
    const list = [
      container('z-loose', 'running'),
      container('shop-web-2', 'running', compose('shop', 'web', 2)),
      container('a-loose', 'running'),
      container('shop-db-1', 'running', compose('shop', 'db', 1)),
      container('shop-web-1', 'running', compose('shop', 'web', 1)),
      container('api-x-1', 'running', compose('api', 'x', 1)),
    ];
    const grouped = groupByProject(list);
    expect(grouped.map((c) => c.name)).toEqual(['api-x-1', 'shop-db-1', 'shop-web-1', 'shop-web-2', 'a-loose', 'z-loose']);
    expect(groupByProject(list)).toBe(grouped);
  });
});
