// The swarm row models (services, tasks, nodes), the spec changes dtui sends, the forms'
// checks and the merged service log: what the engine says, read right; and for the class
// of hostile answers (wrong types, escape sequences, "__proto__" keys) nothing gets past.
import { describe, expect, it } from 'vitest';
import { changedSpec } from '../../src/engine/api/swarm.js';
import { labelText, nodeRows, serviceRows, serviceSettling, swarmObjectRows, taskRows, updateText, withoutDigest } from '../../src/engine/models/swarm.js';
import { secretAndConfigLines } from '../../src/resources/services/secrets.js';
import { splitDetails, taskTag } from '../../src/engine/models/swarm-log.js';
import { imageError, replicasError } from '../../src/resources/services/validate.js';
import { taskSettling } from '../../src/resources/tasks/query.js';
import { nodesQuery } from '../../src/resources/nodes/query.js';

const IMAGE = 'dtui-test/busybox:latest';
const service = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  ID: id,
  CreatedAt: '2026-01-02T03:04:05.123456789Z',
  Spec: {
    Name: name,
    Labels: {},
    TaskTemplate: { ContainerSpec: { Image: `${IMAGE}@sha256:${'a'.repeat(64)}` }, ForceUpdate: 1 },
    Mode: { Replicated: { Replicas: 3 } },
  },
  ServiceStatus: { RunningTasks: 2, DesiredTasks: 3 },
  ...extra,
});
const task = (id: string, serviceId: string, slot: number, nodeId: string, state: string, extra: Record<string, unknown> = {}) => ({
  ID: id,
  ServiceID: serviceId,
  Slot: slot,
  NodeID: nodeId,
  DesiredState: 'running',
  Status: { State: state, Timestamp: '2026-01-02T03:04:06Z', Err: '' },
  Spec: { ContainerSpec: { Image: `${IMAGE}@sha256:${'a'.repeat(64)}` }, ForceUpdate: 1 },
  ...extra,
});
const node = (id: string, hostname: string, role: string, extra: Record<string, unknown> = {}) => ({
  ID: id,
  Description: { Hostname: hostname, Engine: { EngineVersion: '20.10.24' } },
  Spec: { Role: role, Availability: 'active', Labels: {} },
  Status: { State: 'ready', Addr: '127.0.0.1' },
  ...extra,
});

describe('service rows', () => {
  it('reads mode, replicas, image without digest, published ports, stack and update progress', () => {
    const rows = serviceRows({
      services: [
        service('s2', 'web', {
          Spec: {
            Name: 'web',
            Labels: { 'com.docker.stack.namespace': 'shop' },
            TaskTemplate: { ContainerSpec: { Image: `${IMAGE}@sha256:${'a'.repeat(64)}` }, ForceUpdate: 1 },
            Mode: { Replicated: { Replicas: 3 } },
          },
          Endpoint: { Ports: [{ PublishedPort: 8080, TargetPort: 80, Protocol: 'tcp' }, { TargetPort: 9000 }] },
          UpdateStatus: { State: 'updating', Message: 'update in progress' },
        }),
        service('s1', 'agent', { Spec: { Name: 'agent', TaskTemplate: { ContainerSpec: { Image: 'x' } }, Mode: { Global: {} } }, ServiceStatus: undefined }),
      ],
      tasks: [
        task('t1', 's2', 1, 'n1', 'running'),
        task('t2', 's2', 2, 'n2', 'running', { Spec: { ContainerSpec: { Image: 'old' }, ForceUpdate: 1 } }),
        task('t3', 's2', 3, 'n2', 'preparing'),
        task('t4', 's1', 0, 'n1', 'running', { Spec: { ContainerSpec: { Image: 'x' } } }),
      ],
      nodes: [],
    });
    // Sorted by name, like docker service ls (P groups them by stack: services/grouping.ts).
    expect(rows.map((r) => r.name)).toEqual(['agent', 'web']);
    const [agent, web] = rows;
    expect(web).toMatchObject({ stack: 'shop', mode: 'replicated', running: 2, desired: 3, image: IMAGE, ports: ['8080:80/tcp'], updated: 1 });
    expect(updateText(web!)).toBe('updating 1/3');
    expect(serviceSettling(web!)).toBe(true);
    // No ServiceStatus (an older engine): counted from the tasks.
    expect(agent).toMatchObject({ mode: 'global', running: 1, desired: 0, stack: '' });
  });

  it('names every update state; a settled service asks for no re-read', () => {
    const row = serviceRows({ services: [service('s', 'a', { ServiceStatus: { RunningTasks: 3, DesiredTasks: 3 } })], tasks: [], nodes: [] })[0]!;
    expect(serviceSettling(row)).toBe(false);
    const text = (state: string) => updateText({ ...row, updateState: state });
    expect([text(''), text('paused'), text('completed'), text('rollback_started'), text('rollback_paused'), text('rollback_completed')]).toEqual([
      '',
      'paused',
      'completed',
      'rollback 0/3',
      'rollback paused',
      'rollback completed',
    ]);
  });

  it('tolerates wrong types and sanitizes every string of a hostile engine', () => {
    const rows = serviceRows({
      services: [
        {
          ID: 'evil',
          Spec: {
            Name: 'x\x1b]52;c;ZXZpbA==\x07y\u202e',
            Labels: JSON.parse('{"__proto__": "p", "a\\u001b[2J": "b\\r"}') as unknown,
            Mode: 'nope',
            TaskTemplate: 7,
          },
          ServiceStatus: { RunningTasks: 'many' },
        },
        { ID: 42 },
        null,
        'junk',
      ],
      tasks: [null, 5, { ServiceID: 'evil', Status: 'x' }],
      nodes: 'not a list' as unknown as unknown[],
    });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.name).toBe('xy');
    expect(row.running).toBe(0);
    expect(row.mode).toBe('');
    expect(Object.getPrototypeOf(row.labels)).toBeNull();
    expect(row.labels['__proto__']).toBe('p');
    expect(Object.keys(row.labels).join('')).not.toMatch(/\x1b/);
    expect(labelText(row.labels)).not.toMatch(/[\x00-\x1f]/);
  });
});

describe('task rows', () => {
  it('names tasks like docker service ps, with the node hostname and id', () => {
    const rows = taskRows({
      services: [service('s1', 'web'), service('s2', 'agent', { Spec: { Name: 'agent', Mode: { Global: {} } } })],
      tasks: [
        task('t2', 's1', 2, 'node2aaaaaaa', 'running'),
        task('t1', 's1', 1, 'node1aaaaaaa', 'failed', { Status: { State: 'failed', Err: 'no such image\x1b[31m', Timestamp: 'bad' } }),
        task('t3', 's2', 0, 'node1aaaaaaa', 'running'),
      ],
      nodes: [node('node1aaaaaaa', 'vm', 'manager'), node('node2aaaaaaa', 'vm', 'worker')],
    });
    expect(rows.map((r) => [r.name, r.node, r.state, r.error])).toEqual([
      ['agent.node1aaaaaaa', 'vm node1aa', 'running', ''],
      ['web.1', 'vm node1aa', 'failed', 'no such image'],
      ['web.2', 'vm node2aa', 'running', ''],
    ]);
    expect(rows[1]!.sinceMs).toBe(0);
  });

  it('a task settles once it runs, or once it stopped after being asked to', () => {
    const [t] = taskRows({ services: [], tasks: [task('t', 's', 1, 'n', 'running')], nodes: [] });
    expect(taskSettling(t!)).toBe(false);
    expect(taskSettling({ ...t!, state: 'preparing' })).toBe(true);
    expect(taskSettling({ ...t!, state: 'rejected' })).toBe(false);
    expect(taskSettling({ ...t!, desired: 'shutdown' })).toBe(true);
    expect(taskSettling({ ...t!, desired: 'shutdown', state: 'shutdown' })).toBe(false);
  });
});

describe('node rows', () => {
  it('managers first, leader and reachability, running tasks per node, labels', () => {
    const rows = nodeRows({
      services: [],
      tasks: [
        task('a', 's', 1, 'w', 'running'),
        task('b', 's', 2, 'w', 'running'),
        task('c', 's', 3, 'm', 'shutdown'),
        task('d', 's', 4, 'm', 'starting'),
        task('e', 's', 5, 'm', 'rejected'),
      ],
      nodes: [
        node('w', 'vm', 'worker', { Spec: { Role: 'worker', Availability: 'drain', Labels: { zone: 'b', ssd: '' } } }),
        node('m', 'vm', 'manager', { ManagerStatus: { Leader: true, Reachability: 'reachable' } }),
        node('m2', 'box', 'manager', { ManagerStatus: { Reachability: 'unreachable' }, Status: { State: 'down' } }),
      ],
    });
    expect(rows.map((r) => [r.id, r.role, r.managerStatus, r.availability, r.status, r.tasks, r.starting])).toEqual([
      ['m2', 'manager', 'unreachable', 'active', 'down', 0, 0],
      ['m', 'manager', 'leader', 'active', 'ready', 0, 1],
      ['w', 'worker', '', 'drain', 'ready', 2, 0],
    ]);
    // A task starting on a node, or a drained node still running tasks: read again soon.
    expect(nodesQuery.settling!(rows)).toBe(true);
    expect(nodesQuery.settling!(rows.map((r) => ({ ...r, starting: 0, tasks: r.availability === 'drain' ? 0 : r.tasks })))).toBe(false);
    expect(labelText(rows[2]!.labels)).toBe('ssd, zone=b');
  });
});

describe('service changes', () => {
  const spec = {
    Name: 'web',
    Labels: { keep: '1' },
    TaskTemplate: { ContainerSpec: { Image: 'a:1', Args: ['sh'] }, ForceUpdate: 2, RestartPolicy: { Condition: 'any' } },
    Mode: { Replicated: { Replicas: 3 } },
  };
  it('changes only what it owns', () => {
    expect(changedSpec(spec, { kind: 'scale', replicas: 0 })).toEqual({ ...spec, Mode: { Replicated: { Replicas: 0 } } });
    expect(changedSpec(spec, { kind: 'image', image: 'a:2' })).toEqual({
      ...spec,
      TaskTemplate: { ...spec.TaskTemplate, ContainerSpec: { Image: 'a:2', Args: ['sh'] } },
    });
    expect(changedSpec(spec, { kind: 'force' })).toEqual({ ...spec, TaskTemplate: { ...spec.TaskTemplate, ForceUpdate: 3 } });
    expect(changedSpec(spec, { kind: 'rollback' })).toBe(spec);
  });
});

describe('forms', () => {
  it('replicas: a whole number ≥ 0, named when not', () => {
    expect(replicasError('0')).toBeUndefined();
    expect(replicasError(' 12 ')).toBeUndefined();
    expect(replicasError('')).toMatch(/type a whole number/);
    for (const bad of ['-1', '1.5', 'six', '1e3', '0x10']) expect(replicasError(bad)).toBe(`Replicas: "${bad}" is not a whole number ≥ 0`);
    expect(replicasError('10000000')).toMatch(/at most 999999/);
  });
  it('image: a reference, named when not', () => {
    for (const ok of ['busybox', 'dtui-test/busybox:v2', '127.0.0.1:5000/team/app:1.2-rc', `a@sha256:${'0'.repeat(64)}`])
      expect(imageError(ok)).toBeUndefined();
    for (const bad of ['Not An Image', 'UPPER', 'a:', 'a b', 'x\x1b[2J']) expect(imageError(bad)).toMatch(/is not an image reference/);
    expect(withoutDigest(`a:1@sha256:${'0'.repeat(64)}`)).toBe('a:1');
  });
});

describe('service log details', () => {
  const details = (task: string, node = 'nodeAAAAAAAA') => `com.docker.swarm.node.id=${node},com.docker.swarm.service.id=svc,com.docker.swarm.task.id=${task}`;
  const tasks = new Map(
    taskRows({
      services: [service('svc', 'web')],
      tasks: [task('taskone', 'svc', 1, 'nodeAAAAAAAA', 'running')],
      nodes: [node('nodeAAAAAAAA', 'vm', 'manager')],
    }).map((t) => [t.id, t]),
  );

  it('splits the details off and tags a line task@node (a task not listed: its id)', () => {
    expect(splitDetails(`${details('t')} hello world`)).toEqual({
      details: { 'com.docker.swarm.node.id': 'nodeAAAAAAAA', 'com.docker.swarm.service.id': 'svc', 'com.docker.swarm.task.id': 't' },
      text: 'hello world',
    });
    expect(splitDetails('no details here')).toEqual({ details: {}, text: 'no details here' });
    expect(taskTag(splitDetails(`${details('taskone')} x`).details, tasks)).toBe('web.1@vm nodeAAA');
    expect(taskTag(splitDetails(`${details('unknowntaskid')} x`).details, tasks)).toBe('unknowntaski@nodeAAA');
  });

  it('a task posing escape sequences as its id cannot reach the terminal through the tag', () => {
    expect(taskTag({ 'com.docker.swarm.task.id': 'x\x1b[31my' }, new Map())).toBe('xy@');
  });
});

describe('secrets and configs', () => {
  it('keep name, id, creation and labels — never the data, whatever the engine sends', () => {
    const payload = Buffer.from('config-payload').toString('base64');
    const rows = swarmObjectRows([
      { ID: 'cfg1aaaaaaaaaaaa', CreatedAt: '2026-01-02T03:04:05Z', Spec: { Name: 'app\x1b[2J.conf', Labels: { env: 'prod' }, Data: payload } },
      { ID: 'sec1aaaaaaaaaaaa', Spec: { Name: 'db-password' } },
      { Spec: { Name: 'no id' } },
    ]);
    expect(rows).toEqual([
      { id: 'cfg1aaaaaaaaaaaa', name: 'app.conf', createdMs: Date.parse('2026-01-02T03:04:05Z'), labels: { env: 'prod' } },
      { id: 'sec1aaaaaaaaaaaa', name: 'db-password', createdMs: 0, labels: {} },
    ]);
    const text = secretAndConfigLines(rows.slice(1), rows.slice(0, 1), Date.parse('2026-01-02T03:05:05Z')).join('\n');
    expect(text).not.toContain(payload);
    expect(text).toMatch(/SECRETS \(1\)\n {2}NAME +ID +CREATED +LABELS\n {2}db-password +sec1aaaaaaaa +- +-/);
    expect(text).toMatch(/CONFIGS \(1\)\n.*\n {2}app\.conf +cfg1aaaaaaaa +1m ago +env=prod/);
    expect(secretAndConfigLines([], [], 0)).toEqual(['SECRETS (0)', '  (none)', '', 'CONFIGS (0)', '  (none)']);
  });
});
