import { describe, expect, it } from 'vitest';
import { blockIo, cpuPercent, memoryUsage, networkTotals, sparkline, toSample, type RawStats } from '../../src/engine/models/stats.js';

// Shaped like a real cgroup v1 sample from the test engine (trimmed).
const V1: RawStats = {
  read: '2026-11-27T23:49:22.788152103Z',
  pids_stats: { current: 1 },
  blkio_stats: {
    io_service_bytes_recursive: [
      { op: 'Read', value: 4096 },
      { op: 'Write', value: 8192 },
      { op: 'Sync', value: 1 },
      { op: 'Total', value: 12288 },
      { op: 'Read', value: 100 },
    ],
  },
  cpu_stats: {
    cpu_usage: { total_usage: 1019685110, percpu_usage: [1005246406, 14438704] },
    system_cpu_usage: 2755730000000,
    online_cpus: 2,
  },
  precpu_stats: {
    cpu_usage: { total_usage: 24929269, percpu_usage: [10490565, 14438704] },
    system_cpu_usage: 2753740000000,
    online_cpus: 2,
  },
  memory_stats: { usage: 802816, stats: { total_inactive_file: 102400, inactive_file: 0, cache: 0 }, limit: 25276510208 },
  networks: { eth0: { rx_bytes: 1000, tx_bytes: 20 }, eth1: { rx_bytes: 5, tx_bytes: 7 } },
};

// cgroup v2 names inactive_file without the total_ prefix; first sample has empty precpu.
const V2_FIRST: RawStats = {
  read: '2026-11-27T23:49:21.785359363Z',
  cpu_stats: { cpu_usage: { total_usage: 5000 }, system_cpu_usage: 900000, online_cpus: 4 },
  precpu_stats: { cpu_usage: { total_usage: 0 } },
  memory_stats: { usage: 10 * 1024 * 1024, stats: { inactive_file: 2 * 1024 * 1024 }, limit: 100 * 1024 * 1024 },
  blkio_stats: { io_service_bytes_recursive: null },
};

describe('stats', () => {
  it('computes CPU % from the deltas like the docker CLI', () => {
    // (994755841 / 1990000000) * 2 * 100
    expect(cpuPercent(V1)).toBeCloseTo((994755841 / 1990000000) * 200, 6);
    expect(cpuPercent(V2_FIRST)).toBeNull();
  });

  it('counts CPUs from percpu_usage when online_cpus is missing', () => {
    const raw: RawStats = { ...V1, cpu_stats: { ...V1.cpu_stats, online_cpus: undefined } };
    expect(cpuPercent(raw)).toBeCloseTo((994755841 / 1990000000) * 200, 6);
  });

  it('subtracts the page cache from memory usage (v1 and v2)', () => {
    expect(memoryUsage(V1)).toBe(802816 - 102400);
    expect(memoryUsage(V2_FIRST)).toBe(8 * 1024 * 1024);
    const s = toSample(V2_FIRST);
    expect(s.memPercent).toBeCloseTo(8, 6);
    expect(s.memLimit).toBe(100 * 1024 * 1024);
  });

  it('sums network interfaces and block I/O reads and writes', () => {
    expect(networkTotals(V1)).toEqual({ rx: 1005, tx: 27 });
    expect(blockIo(V1)).toEqual({ read: 4196, write: 8192 });
    expect(blockIo(V2_FIRST)).toEqual({ read: 0, write: 0 });
    expect(networkTotals(V2_FIRST)).toEqual({ rx: 0, tx: 0 });
  });

  it('takes the time from the sample', () => {
    expect(toSample(V1).time).toBe(Date.parse('2026-11-27T23:49:22.788Z'));
    expect(toSample({ read: '0001-01-01T00:00:00Z' }, 42).time).toBe(42);
  });

  it('draws a sparkline of the last values', () => {
    expect(sparkline([0, 50, 100], 10)).toBe('▁▅█');
    expect(sparkline([1, 2, 3, 4], 2, 4)).toBe('▆█');
    expect(sparkline([0, 0], 5)).toBe('▁▁');
  });
});
