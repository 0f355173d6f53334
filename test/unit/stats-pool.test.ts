import { describe, expect, it } from 'vitest';
import { statsCells } from '../../src/state/stats-pool.js';

const sample = {
  cpu_stats: { cpu_usage: { total_usage: 3_000_000_000 }, system_cpu_usage: 120_000_000_000, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 110_000_000_000 },
  memory_stats: { usage: 50_000_000, limit: 1_000_000_000, stats: { inactive_file: 10_000_000 } },
};

describe('stats-pool cells', () => {
  it('has no CPU% for the first streamed sample (no previous sample yet)', () => {
    expect(statsCells({ ...sample, precpu_stats: {} }).cpu).toBe('…');
  });

  it('formats the cells shown in the table', () => {
    expect(statsCells(sample)).toEqual({ cpu: '20.0%', mem: '40MB' });
  });
});
