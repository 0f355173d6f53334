import { describe, expect, it } from 'vitest';
import { cpuPercent, memUsage, statsCells } from '../../src/docker/stats-pool.js';

const sample = {
  cpu_stats: { cpu_usage: { total_usage: 3_000_000_000 }, system_cpu_usage: 120_000_000_000, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 110_000_000_000 },
  memory_stats: { usage: 50_000_000, limit: 1_000_000_000, stats: { inactive_file: 10_000_000 } },
};

describe('stats-pool cells', () => {
  it('computes CPU% as the docker CLI does: share of system time since the previous sample × CPUs', () => {
    // 1e9 of 10e9 ns system time on 2 CPUs = 20 %.
    expect(cpuPercent(sample)).toBeCloseTo(20);
  });

  it('has no CPU% for the first streamed sample (no previous sample yet)', () => {
    expect(cpuPercent({ ...sample, precpu_stats: {} })).toBeUndefined();
    expect(statsCells({ ...sample, precpu_stats: {} }).cpu).toBe('…');
  });

  it('subtracts inactive page cache from memory usage (cgroup v2 and v1 names)', () => {
    expect(memUsage(sample)).toBe(40_000_000);
    expect(memUsage({ memory_stats: { usage: 50_000_000, stats: { total_inactive_file: 5_000_000 } } })).toBe(45_000_000);
    expect(memUsage({})).toBeUndefined();
  });

  it('formats the cells shown in the table', () => {
    expect(statsCells(sample)).toEqual({ cpu: '20.0%', mem: '40MB' });
  });
});
