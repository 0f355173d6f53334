// readLogsLateHeaders (the Podman follow path) against a fake engine that answers the
// logs API the way Podman 4.3.1 was measured to: whole-second stamps, `since` inclusive of
// its second, `tail` misassembling lines written in pieces, a TTY log stamped at every write,
// and a driver that keeps no logs refused with a 500.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Docker } from '../../src/engine/api/docker.js';
import { readLogsLateHeaders } from '../../src/engine/api/logs-late-headers.js';
import { NoLogsError } from '../../src/engine/errors.js';
import type { RawLogLine } from '../../src/engine/models/types.js';
import { waitFor } from '../support/wait.js';

const BASE = Date.parse('2026-12-02T16:00:00Z') / 1000;
/** Podman's stamp: RFC3339 in whole seconds. */
const stamp = (sec: number) => new Date((BASE + sec) * 1000).toISOString().replace('.000Z', 'Z');

/** One write of the container: `text` ends with a newline when it ends the line. */
interface Write {
  sec: number;
  text: string;
  stream?: 'stdout' | 'stderr';
}

/**
 * What Podman 4.3.1's `tail` makes of lines written in pieces (measured: `echo a; printf part1;
 * printf part2; echo end` comes back as "apart2part1", "end"): here, each line's pieces in
 * reverse order, one entry stamped with the last piece's second.
 */
function misassembled(writes: Write[]): Write[] {
  const lines: Write[] = [];
  let pieces: Write[] = [];
  for (const w of writes) {
    pieces.push(w);
    if (!w.text.endsWith('\n')) continue;
    const text = pieces
      .map((p) => p.text.replace('\n', ''))
      .reverse()
      .join('');
    lines.push({ ...w, text: `${text}\n` });
    pieces = [];
  }
  return [...lines, ...pieces];
}

class FakePodman {
  readonly log: Write[] = [];
  readonly queries: Array<Record<string, unknown>> = [];
  private readonly followers: Array<{ out: PassThrough; since: number }> = [];

  constructor(private readonly opts: { tty?: boolean; driver?: string; running?: boolean } = {}) {}

  write(...writes: Write[]): void {
    for (const w of writes) {
      this.log.push(w);
      for (const f of this.followers) if (BASE + w.sec >= f.since) f.out.write(this.encode(w));
    }
  }

  get following(): boolean {
    return this.followers.length > 0;
  }

  private encode(w: Write): Buffer {
    const body = Buffer.from(`${stamp(w.sec)} ${this.opts.tty ? w.text.replace(/\n/g, '\r\n') : w.text}`);
    if (this.opts.tty) return body;
    const head = Buffer.alloc(8);
    head[0] = w.stream === 'stderr' ? 2 : 1;
    head.writeUInt32BE(body.length, 4);
    return Buffer.concat([head, body]);
  }

  docker(): Docker {
    const container = {
      inspect: async () => ({
        State: { Running: this.opts.running ?? true },
        Config: { Tty: !!this.opts.tty },
        HostConfig: { LogConfig: { Type: this.opts.driver ?? 'k8s-file', Config: null } },
      }),
      logs: async (query: Record<string, unknown>) => {
        const { abortSignal, ...rest } = query as { abortSignal: AbortSignal; since?: string; tail?: number; follow?: boolean };
        this.queries.push(rest);
        if (this.opts.driver === 'passthrough') {
          throw Object.assign(new Error('(HTTP code 500) server error'), {
            statusCode: 500,
            json: {
              cause: 'this container is not logging output',
              message:
                "failed to obtain logs for Container 'x': this container is using the 'passthrough' log driver, cannot read logs: this container is not logging output",
              response: 500,
            },
          });
        }
        const since = rest.since === undefined ? -Infinity : Number(rest.since);
        let writes = this.log.filter((w) => BASE + w.sec >= since);
        if (typeof rest.tail === 'number') writes = misassembled(writes).slice(-rest.tail);
        const bytes = Buffer.concat(writes.map((w) => this.encode(w)));
        if (!rest.follow) return bytes;
        const out = new PassThrough();
        out.write(bytes);
        const follower = { out, since };
        this.followers.push(follower);
        abortSignal.addEventListener('abort', () => {
          this.followers.splice(this.followers.indexOf(follower), 1);
          out.destroy();
        });
        return out;
      },
    };
    return { getContainer: () => container } as unknown as Docker;
  }
}

/** Runs the reader in the background, collecting the lines it yields. */
function follow(engine: FakePodman, tail: number | 'all' = 1000) {
  const abort = new AbortController();
  const lines: RawLogLine[] = [];
  const done = (async () => {
    for await (const batch of readLogsLateHeaders(engine.docker(), 'c1', { tail }, abort.signal)) lines.push(...batch);
  })();
  return {
    lines,
    texts: () => lines.map((l) => l.text),
    stop: async () => {
      abort.abort();
      await done;
    },
  };
}

describe('readLogsLateHeaders (the Podman follow path)', () => {
  it('shows the last 1000 of 1500 lines printed in one second, then only new ones', async () => {
    const engine = new FakePodman();
    for (let i = 0; i < 1500; i++) engine.write({ sec: 0, text: `line ${i}\n` });
    const log = follow(engine);
    try {
      await waitFor(() => engine.following, { message: 'the follow request' });
      // The follow re-reads the whole second: all 1500 lines come again.
      expect(engine.queries.at(-1)).toMatchObject({ since: `${BASE}.000000000`, follow: true });
      expect(engine.queries.at(-1)).not.toHaveProperty('tail');
      engine.write({ sec: 0, text: 'line 1500\n' }, { sec: 1, text: 'line 1501\n' });
      await waitFor(() => log.lines.length >= 1002, { message: 'the new lines' });
      expect(log.texts()).toEqual(Array.from({ length: 1002 }, (_, i) => `line ${i + 500}`));
      // Podman's tail only said where to start; the lines were read by `since` and cut here.
      expect(engine.queries.slice(0, 2)).toEqual([
        { stdout: true, stderr: true, timestamps: true, tail: 1000, follow: false },
        { stdout: true, stderr: true, timestamps: true, since: `${BASE}.000000000`, follow: false },
      ]);
    } finally {
      await log.stop();
    }
  });

  it("counts a stopped container's unended last line in the tail, as Docker does: 1000 lines, not 1001", async () => {
    const engine = new FakePodman({ running: false });
    for (let i = 0; i < 1500; i++) engine.write({ sec: 0, text: `line ${i}\n` });
    engine.write({ sec: 0, text: 'no newline' });
    const log = follow(engine);
    try {
      await waitFor(() => engine.following, { message: 'the follow request' });
      await new Promise((r) => setImmediate(r));
      expect(log.texts()).toEqual([...Array.from({ length: 999 }, (_, i) => `line ${i + 501}`), 'no newline']);
    } finally {
      await log.stop();
    }
  });

  it('whatever the seconds, the tail and the lines printed after: each line once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 45 }),
        fc.array(fc.boolean(), { maxLength: 50 }),
        async (steps, laterSteps, tail, onStderr) => {
          const engine = new FakePodman();
          let sec = 0;
          const lineAt = (i: number, step: number): Write => {
            sec += step;
            return { sec, text: `l${i}\n`, stream: onStderr[i] ? 'stderr' : 'stdout' };
          };
          const before = steps.map((step, i) => lineAt(i, step));
          engine.write(...before);
          const log = follow(engine, tail);
          try {
            await waitFor(() => engine.following, { message: 'the follow request' });
            const after = laterSteps.map((step, i) => lineAt(before.length + i, step));
            engine.write(...after);
            const expected = [...before.slice(-tail), ...after].map((w) => `${w.stream ?? 'stdout'} ${w.text.trimEnd()}`);
            await waitFor(() => log.lines.length >= expected.length, { timeout: 2000, message: 'every line' });
            await new Promise((r) => setImmediate(r));
            expect(log.lines.map((l) => `${l.stream} ${l.text}`)).toEqual(expected);
          } finally {
            await log.stop();
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("takes Podman's whole-second stamps out of a TTY line, a line still being written read once, whole", async () => {
    const engine = new FakePodman({ tty: true });
    // As Podman stored `echo count-N; printf "waiting-N "; sleep 1; printf "\n"`: every write stamped.
    engine.write(
      { sec: 0, text: 'count-1\n' },
      { sec: 0, text: 'waiting-1 ' },
      { sec: 1, text: '\n' },
      { sec: 1, text: 'count-2\n' },
      { sec: 1, text: 'waiting-2 ' },
    );
    const log = follow(engine);
    try {
      await waitFor(() => engine.following, { message: 'the follow request' });
      engine.write({ sec: 2, text: '\n' }, { sec: 2, text: 'count-3\n' });
      await waitFor(() => log.texts().includes('count-3'), { message: 'count-3' });
      // Each line once, no engine stamp inside.
      expect(log.texts()).toEqual(['count-1', 'waiting-1 ', 'count-2', 'waiting-2 ', 'count-3']);
      expect(log.lines.map((l) => l.ts)).toEqual([stamp(0), stamp(0), stamp(1), stamp(1), stamp(2)]);
      for (const l of log.lines) expect(l.raw.slice(l.textStart)).toBe(l.text);
    } finally {
      await log.stop();
    }
  });

  it('keeps a stamp the container printed itself at the start of its line', async () => {
    const engine = new FakePodman({ tty: true });
    engine.write({ sec: 5, text: `${stamp(5)} GET / 200\n` }, { sec: 5, text: `at ${stamp(1)} an older one\n` });
    const log = follow(engine);
    try {
      await waitFor(() => log.lines.length === 2, { message: 'both lines' });
      expect(log.texts()).toEqual([`${stamp(5)} GET / 200`, `at ${stamp(1)} an older one`]);
    } finally {
      await log.stop();
    }
  });

  it('a driver that keeps no logs is a NoLogsError, as on the normal path: none (from inspect) and passthrough (its 500)', async () => {
    for (const driver of ['none', 'passthrough']) {
      const engine = new FakePodman({ driver });
      const reading = readLogsLateHeaders(engine.docker(), 'c1', { tail: 1000 }, new AbortController().signal);
      await expect(reading.next()).rejects.toEqual(new NoLogsError(driver));
      // `none` is known before any logs request.
      expect(engine.queries.length).toBe(driver === 'none' ? 0 : 1);
    }
  });
});
