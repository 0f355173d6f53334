import { describe, expect, it } from 'vitest';
import type { EngineApi } from '../../src/engine/api/engine-api.js';
import type { RawStats } from '../../src/engine/models/stats.js';
import { StatsSampler, statsCells, type Clock } from '../../src/state/stats-sampler.js';

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
    expect(statsCells(sample)).toEqual({ cpu: '20.0%', mem: '38.1MiB' });
  });
});

/** A clock whose time moves only when the test says; timers fire in due order. */
class FakeClock implements Clock {
  t = 0;
  now(): number {
    return this.t;
  }
  private timers: Array<{ at: number; fn: () => void; seq: number }> = [];
  private seq = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    const t = { at: this.t + ms, fn, seq: this.seq++ };
    this.timers.push(t);
    return t;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t !== handle);
  }
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush();
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next || next.at > end) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.t = next.at;
      next.fn();
    }
    this.t = end;
    await flush();
  }
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** One-shot answers as the engine gives them: cpu_stats only, no precpu_stats. */
function oneShot(totalNs: number, systemNs: number, mem = 10_000_000): RawStats {
  return {
    cpu_stats: { cpu_usage: { total_usage: totalNs }, system_cpu_usage: systemNs, online_cpus: 2 },
    precpu_stats: { cpu_usage: { total_usage: 0 } },
    memory_stats: { usage: mem },
  };
}

interface Call {
  id: string;
  at: number;
  signal?: AbortSignal;
  resolve: (s: RawStats) => void;
  reject: (e: unknown) => void;
}

/** Only the stats call is faked: the sampler's scheduling does not depend on the engine. */
function fakeEngine(clock: FakeClock, answer?: (id: string, n: number) => RawStats) {
  const calls: Call[] = [];
  const engine: Pick<EngineApi, 'statsOnce'> = {
    statsOnce: (id, signal) =>
      new Promise<RawStats>((resolve, reject) => {
        const call: Call = { id, at: clock.t, signal, resolve, reject };
        calls.push(call);
        const n = calls.filter((c) => c.id === id).length;
        // Answers arrive at once unless the test holds them (answer undefined).
        if (answer) void Promise.resolve().then(() => resolve(answer(id, n)));
      }),
  };
  return { engine, calls };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

/** A container doing something: 20 % CPU between any two samples. */
const busy = (_id: string, n: number) => oneShot(n * 1e9, n * 10e9);
/** A container doing nothing: no CPU time, the same memory. */
const quiet = () => oneShot(1e9, 10e9);

/** A sampler that has read row 'a' twice (its CPU % is known), on a fake clock. */
async function warmedUp(answer: (id: string, n: number) => RawStats) {
  const clock = new FakeClock();
  const { engine, calls } = fakeEngine(clock, answer);
  const sampler = new StatsSampler(engine, { periodMs: 5000, warmupMs: 1000, publishMs: 100, clock });
  sampler.setVisible(['a']);
  await clock.advance(1200);
  return { clock, calls, sampler };
}

/** Row 'a' shown again reads as new: '…' at first, then its warm-up read (two reads in all). */
async function expectWarmUpOnReturn({ clock, calls, sampler }: Awaited<ReturnType<typeof warmedUp>>) {
  const mark = calls.length;
  sampler.setVisible(['a']);
  await clock.advance(200);
  expect(sampler.store.get().get('a')?.cpu).toBe('…');
  await clock.advance(1000);
  expect(calls.length - mark).toBe(2);
}

describe('StatsSampler', () => {
  it('reads new busy rows at once, again after the warm-up, then one row every period/n (staggered)', async () => {
    const clock = new FakeClock();
    const { engine, calls } = fakeEngine(clock, busy);
    const sampler = new StatsSampler(engine, { periodMs: 5000, warmupMs: 1000, maxInFlight: 4, clock });
    sampler.setVisible(ids(10));
    await clock.advance(0);
    expect(calls.map((c) => c.id)).toEqual(ids(10));
    await clock.advance(1000);
    expect(calls).toHaveLength(20);
    // Each row was just read twice: the schedule starts a period after the warm-up.
    await clock.advance(5000);
    const before = calls.length;
    await clock.advance(20_000);
    const round = calls.slice(before);
    // 20 s at 10 rows per 5 s: 40 reads, each row 4 times, never two at the same moment.
    expect(round).toHaveLength(40);
    for (const id of ids(10)) expect(round.filter((c) => c.id === id)).toHaveLength(4);
    const times = round.map((c) => c.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(500);
    sampler.stop();
  });

  it('never has more than maxInFlight requests open, and catches up as answers come', async () => {
    const clock = new FakeClock();
    const { engine, calls } = fakeEngine(clock);
    const sampler = new StatsSampler(engine, { periodMs: 5000, maxInFlight: 3, clock });
    sampler.setVisible(ids(8));
    await clock.advance(0);
    expect(calls).toHaveLength(3);
    expect(sampler.pending).toBe(3);
    await clock.advance(10_000);
    expect(calls).toHaveLength(3);
    calls[0]!.resolve(oneShot(1, 1));
    await clock.advance(0);
    expect(calls).toHaveLength(4);
    expect(sampler.pending).toBe(3);
    for (const c of calls.slice(1)) c.resolve(oneShot(1, 1));
    await clock.advance(0);
    expect(sampler.pending).toBeLessThanOrEqual(3);
    expect(new Set(calls.map((c) => c.id)).size).toBe(7);
    sampler.stop();
  });

  it('stops reading rows that leave the screen and drops their cells; reads rows that scroll in', async () => {
    const clock = new FakeClock();
    const { engine, calls } = fakeEngine(clock, busy);
    const sampler = new StatsSampler(engine, { periodMs: 5000, publishMs: 100, clock });
    sampler.setVisible(['a', 'b']);
    await clock.advance(2000);
    expect([...sampler.store.get().keys()].sort()).toEqual(['a', 'b']);
    sampler.setVisible(['b', 'c']);
    await clock.advance(0);
    expect(calls.at(-1)!.id).toBe('c');
    const mark = calls.length;
    await clock.advance(30_000);
    expect(calls.slice(mark).some((c) => c.id === 'a')).toBe(false);
    expect(calls.slice(mark).filter((c) => c.id === 'b').length).toBeGreaterThanOrEqual(5);
    expect([...sampler.store.get().keys()].sort()).toEqual(['b', 'c']);
    // A paused or stopped row is not passed in by the list: nothing is read any more.
    sampler.setVisible([]);
    const end = calls.length;
    await clock.advance(30_000);
    expect(calls.length).toBe(end);
    expect(sampler.store.get().size).toBe(0);
  });

  it('computes CPU % from two one-shot samples of its own (they carry no precpu_stats)', async () => {
    const clock = new FakeClock();
    // Second sample: +1 s of CPU time over +10 s of system time on 2 CPUs → 20 %.
    const { engine } = fakeEngine(clock, (_id, n) => (n === 1 ? oneShot(2e9, 110e9, 50e6) : oneShot(3e9, 120e9, 50e6)));
    const sampler = new StatsSampler(engine, { warmupMs: 1000, publishMs: 100, clock });
    sampler.setVisible(['a']);
    await clock.advance(200);
    expect(sampler.store.get().get('a')).toEqual({ cpu: '…', mem: '47.7MiB' });
    await clock.advance(1000);
    expect(sampler.store.get().get('a')).toEqual({ cpu: '20.0%', mem: '47.7MiB' });
    sampler.stop();
  });

  it('shows a row back on screen within a minute at once, and its first read gives CPU % (no warm-up read)', async () => {
    const { clock, calls, sampler } = await warmedUp(busy);
    const shown = sampler.store.get().get('a');
    expect(shown).toEqual({ cpu: '20.0%', mem: '9.54MiB' });
    // Another pane in front: the row leaves the sampler, and its cells the store.
    sampler.setVisible([]);
    await clock.advance(20_000);
    expect(sampler.store.get().has('a')).toBe(false);
    const mark = calls.length;
    sampler.setVisible(['a']);
    // With the rows, before any new answer: the cells it showed are back.
    expect(sampler.store.get().get('a')).toEqual(shown);
    // One read, CPU % against the sample it left with; the next is a period later, not a warm-up.
    await clock.advance(4000);
    expect(calls.length - mark).toBe(1);
    expect(sampler.store.get().get('a')?.cpu).toBe('20.0%');
    sampler.stop();
  });

  it('treats a row back after more than a minute as new: blank, then a warm-up read', async () => {
    const warm = await warmedUp(busy);
    warm.sampler.setVisible([]);
    await warm.clock.advance(61_000);
    await expectWarmUpOnReturn(warm);
    warm.sampler.stop();
  });

  it('remembers at most 1000 rows that left (the oldest are forgotten first)', async () => {
    const clock = new FakeClock();
    const { engine } = fakeEngine(clock, busy);
    const sampler = new StatsSampler(engine, { periodMs: 5000, warmupMs: 1000, publishMs: 100, maxInFlight: 2000, clock });
    const all = ids(1001);
    sampler.setVisible(all);
    await clock.advance(1200);
    // One by one, c0 first: it is the oldest to have left.
    for (let n = 1; n <= all.length; n++) sampler.setVisible(all.slice(n));
    sampler.setVisible(['c0', 'c1000']);
    expect(sampler.store.get().has('c0')).toBe(false);
    expect(sampler.store.get().get('c1000')?.cpu).toMatch(/%$/);
    sampler.stop();
  });

  it('takes no CPU % from a sample before a restart (the counter went back): a warm-up read instead', async () => {
    let restarted = false;
    const warm = await warmedUp((id, n) => (restarted ? oneShot(n * 1e6, 500e9 + n * 10e9) : busy(id, n)));
    warm.sampler.setVisible([]);
    restarted = true;
    await warm.clock.advance(5000);
    await expectWarmUpOnReturn(warm);
    expect(warm.sampler.store.get().get('a')?.cpu).not.toBe('…');
    warm.sampler.stop();
  });

  it('uses the engine’s own precpu_stats when an older engine sends them (no one-shot)', () => {
    expect(statsCells(sample, oneShot(0, 0)).cpu).toBe('20.0%');
  });

  it('aborts the open requests on stop and issues no more', async () => {
    const clock = new FakeClock();
    const { engine, calls } = fakeEngine(clock);
    const sampler = new StatsSampler(engine, { clock });
    sampler.setVisible(ids(3));
    await clock.advance(0);
    expect(calls).toHaveLength(3);
    sampler.stop();
    expect(calls.every((c) => c.signal?.aborted)).toBe(true);
    for (const c of calls) c.reject(new Error('aborted'));
    await clock.advance(60_000);
    expect(calls).toHaveLength(3);
    expect(sampler.pending).toBe(0);
  });

  it('blanks a row whose read fails and retries it on the round, not in a tight loop', async () => {
    const clock = new FakeClock();
    let fail = false;
    const calls: number[] = [];
    const engine: Pick<EngineApi, 'statsOnce'> = {
      statsOnce: () => {
        calls.push(clock.t);
        return fail ? Promise.reject(new Error('409 container is not running')) : Promise.resolve(busy('a', calls.length));
      },
    };
    const sampler = new StatsSampler(engine, { periodMs: 5000, publishMs: 100, clock });
    sampler.setVisible(['a']);
    await clock.advance(2000);
    expect(sampler.store.get().has('a')).toBe(true);
    fail = true;
    const mark = calls.length;
    await clock.advance(20_000);
    expect(sampler.store.get().has('a')).toBe(false);
    expect(calls.length - mark).toBeLessThanOrEqual(4);
    sampler.stop();
  });

  it('reads quiet rows (0.0 % CPU, same MEM) every quietPeriodMs and busy ones every periodMs', async () => {
    const clock = new FakeClock();
    // c0 and c1 are busy, c2…c5 quiet.
    const { engine, calls } = fakeEngine(clock, (id, n) => (id === 'c0' || id === 'c1' ? busy(id, n) : quiet()));
    const sampler = new StatsSampler(engine, { periodMs: 5000, quietPeriodMs: 30_000, warmupMs: 1000, publishMs: 100, clock });
    sampler.setVisible(ids(6));
    await clock.advance(1000);
    expect(calls).toHaveLength(12);
    await clock.advance(100);
    expect(sampler.store.get().get('c2')).toEqual({ cpu: '0.0%', mem: '9.54MiB' });
    const mark = calls.length;
    await clock.advance(120_000);
    const count = (id: string) => calls.slice(mark).filter((c) => c.id === id).length;
    // 120 s: a busy row 24 times (every 5 s), a quiet one 4 times (every 30 s), give or
    // take the read that the spacing moves past the window's end.
    for (const id of ['c0', 'c1']) expect(count(id)).toBeGreaterThanOrEqual(23);
    for (const id of ['c2', 'c3', 'c4', 'c5']) expect([3, 4]).toContain(count(id));
    // One read at a time, spread over the schedule: 2/5 + 4/30 reads a second → ≥ 1.875 s apart.
    const times = calls.slice(mark).map((c) => c.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1875 - 1);
    sampler.stop();
  });

  it('puts a quiet row that wakes up back on the full rate after its next read', async () => {
    const clock = new FakeClock();
    let working = false;
    let cpu = 1e9;
    const { engine, calls } = fakeEngine(clock, (_id, n) => {
      if (working) cpu += 1e9;
      return oneShot(cpu, n * 10e9);
    });
    const sampler = new StatsSampler(engine, { periodMs: 5000, quietPeriodMs: 30_000, publishMs: 100, clock });
    sampler.setVisible(['a']);
    await clock.advance(1000);
    const mark = calls.length;
    working = true;
    await clock.advance(29_999);
    // Quiet: not read again until its 30 s are up.
    expect(calls.length).toBe(mark);
    await clock.advance(1);
    expect(calls.length).toBe(mark + 1);
    await clock.advance(200);
    expect(sampler.store.get().get('a')?.cpu).toBe('20.0%');
    await clock.advance(20_000);
    expect(calls.length).toBe(mark + 5);
    sampler.stop();
  });

  it('reads a row whose MEM changed at the full rate even when its CPU shows 0.0 %', async () => {
    const clock = new FakeClock();
    const { engine, calls } = fakeEngine(clock, (_id, n) => oneShot(1e9, n * 10e9, n * 10_000_000));
    const sampler = new StatsSampler(engine, { periodMs: 5000, quietPeriodMs: 30_000, clock });
    sampler.setVisible(['a']);
    await clock.advance(1000);
    const mark = calls.length;
    await clock.advance(30_000);
    expect(calls.length - mark).toBe(6);
    sampler.stop();
  });

  it('reads the selected row at the full rate even while it is quiet', async () => {
    const clock = new FakeClock();
    const { engine, calls } = fakeEngine(clock, quiet);
    const sampler = new StatsSampler(engine, { periodMs: 5000, quietPeriodMs: 30_000, clock });
    sampler.setVisible(['a', 'b', 'c'], 'b');
    await clock.advance(1000);
    let mark = calls.length;
    await clock.advance(60_000);
    const count = (id: string) => calls.slice(mark).filter((c) => c.id === id).length;
    // 60 s: the selected row about every 5 s, the others every 30 s.
    expect(count('b')).toBeGreaterThanOrEqual(11);
    expect(count('a')).toBeLessThanOrEqual(2);
    expect(count('c')).toBeLessThanOrEqual(2);
    // The selection moves to a quiet row: it is due a full period after its last read.
    sampler.setVisible(['a', 'b', 'c'], 'c');
    mark = calls.length;
    await clock.advance(30_000);
    expect(count('c')).toBeGreaterThanOrEqual(5);
    expect(count('b')).toBeLessThanOrEqual(2);
    sampler.stop();
  });
});
