// The Tasks pane's clock ticks every second only while a task's CURRENT age counts seconds:
// a converged swarm (every task in its state for minutes) re-renders every 30 s, not every second.
import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../../src/engine/models/swarm.js';
import { tasksCountSeconds } from '../../src/resources/tasks/columns.js';
import { tasks } from '../../src/resources/tasks/descriptor.js';

const NOW = Date.parse('2026-12-02T14:00:00Z');
const task = (sinceMs: number): TaskRow => ({
  id: `t${sinceMs}`,
  shortId: 't',
  serviceId: 's',
  serviceName: 'web',
  name: 'web.1',
  slot: 1,
  nodeId: 'n',
  node: 'host',
  desired: 'running',
  state: 'running',
  error: '',
  sinceMs,
  image: 'busybox',
});

describe('tasksCountSeconds', () => {
  it('is true while one task entered its state under a minute ago', () => {
    expect(tasksCountSeconds([task(NOW - 5 * 60_000), task(NOW - 59_000)], NOW)).toBe(true);
    expect(tasksCountSeconds([task(NOW - 1_000)], NOW)).toBe(true);
  });

  it('is false when every age is a minute or more, or unknown, or there are no tasks', () => {
    expect(tasksCountSeconds([task(NOW - 60_000), task(NOW - 3_600_000)], NOW)).toBe(false);
    expect(tasksCountSeconds([task(0)], NOW)).toBe(false);
    expect(tasksCountSeconds([], NOW)).toBe(false);
  });

  it('is what the Tasks pane asks its clock', () => {
    const session = {} as Parameters<NonNullable<typeof tasks.clock>>[1];
    expect(tasks.clock?.([task(Date.now() - 2_000)], session)).toBe(true);
    expect(tasks.clock?.([task(Date.now() - 10 * 60_000)], session)).toBe(false);
  });
});
