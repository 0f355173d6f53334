// The STATUS column's age: exact from the engine's timestamps, never going back, never frozen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { humanDuration } from '../../src/engine/models/format.js';
import { containerStatus, containerTimesOf, shownAge } from '../../src/engine/models/status-age.js';

const T0 = Date.UTC(2026, 0, 2, 15, 4, 5);
/** The status text the engine itself would write at `at` for a container started at `startedAt`. */
const engineUp = (startedAt: number, at: number) => `Up ${humanDuration(at - startedAt)}`;

describe('containerStatus with the engine timestamps', () => {
  it('formats like the docker CLI', () => {
    const row = { status: 'Up 2 seconds', statusAt: T0 };
    const up = (ms: number) => containerStatus(row, { startedAt: T0 }, T0 + ms);
    expect(up(0)).toBe('Up Less than a second');
    expect(up(999)).toBe('Up Less than a second');
    expect(up(1000)).toBe('Up 1 second');
    expect(up(3000)).toBe('Up 3 seconds');
    expect(up(60_000)).toBe('Up About a minute');
    expect(up(119_999)).toBe('Up About a minute');
    expect(up(300_000)).toBe('Up 5 minutes');
    expect(up(3_600_000)).toBe('Up About an hour');
    expect(up(2 * 3_600_000)).toBe('Up 2 hours');
    expect(up(3 * 86_400_000)).toBe('Up 3 days');
    expect(up(3 * 365 * 86_400_000)).toBe('Up 3 years');
  });

  it('keeps the suffix and the exit code, ages exits from FinishedAt', () => {
    expect(containerStatus({ status: 'Up 4 minutes (Paused)', statusAt: T0 }, { startedAt: T0 - 7_000 }, T0)).toBe('Up 7 seconds (Paused)');
    expect(containerStatus({ status: 'Up 1 second (healthy)', statusAt: T0 }, { startedAt: T0 - 62_000 }, T0)).toBe('Up About a minute (healthy)');
    const exited = { status: 'Exited (137) Less than a second ago', statusAt: T0 };
    expect(containerStatus(exited, { finishedAt: T0 }, T0 + 5_000)).toBe('Exited (137) 5 seconds ago');
    expect(containerStatus({ status: 'Restarting (1) 2 seconds ago', statusAt: T0 }, { finishedAt: T0 - 9_000 }, T0)).toBe('Restarting (1) 9 seconds ago');
    expect(containerStatus({ status: 'Created', statusAt: T0 }, { startedAt: T0 }, T0 + 5_000)).toBe('Created');
  });

  it('without timestamps ages the status text from its read time, never before it', () => {
    const row = { status: 'Up About a minute', statusAt: T0 };
    // A clock read before the list answer (the old bug) does not take the age below the text.
    expect(containerStatus(row, undefined, T0 - 20_000)).toBe('Up About a minute');
    expect(containerStatus(row, undefined, T0 + 60_000)).toBe('Up 2 minutes');
    expect(containerStatus({ status: 'Exited (0) Less than a second ago', statusAt: T0 }, undefined, T0 + 4_000)).toBe('Exited (0) 4 seconds ago');
  });

  it('reads StartedAt/FinishedAt from any inspect answer without throwing', () => {
    expect(containerTimesOf({ State: { StartedAt: '2026-01-02T15:04:05.5Z', FinishedAt: '0001-01-01T00:00:00Z' } })).toEqual({
      startedAt: Date.UTC(2026, 0, 2, 15, 4, 5, 500),
      finishedAt: undefined,
    });
    fc.assert(
      fc.property(fc.anything(), (answer) => {
        const t = containerTimesOf(answer);
        return [t.startedAt, t.finishedAt].every((v) => v === undefined || Number.isFinite(v));
      }),
    );
  });
});

describe('the age on screen never decreases and never freezes', () => {
  it('for any increasing clock readings, re-lists and inspect answers in between', () => {
    fc.assert(
      fc.property(
        // Mostly the first hours, where labels change fastest and are widest apart.
        fc.oneof(fc.integer({ min: 0, max: 4 * 3_600_000 }), fc.integer({ min: 0, max: 400 * 86_400_000 })),
        fc.array(
          fc.record({ step: fc.oneof(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 0, max: 7_200_000 })), relist: fc.boolean(), known: fc.boolean() }),
          { minLength: 1, maxLength: 60 },
        ),
        (uptime, ticks) => {
          const startedAt = T0 - uptime;
          let now = T0;
          let row = { status: engineUp(startedAt, now), statusAt: now };
          let known = false;
          let last = -1;
          for (const tick of ticks) {
            now += tick.step;
            // A list answer read at `now` (its status is the engine's own text), and the
            // inspect answer arriving at some point and then staying.
            if (tick.relist) row = { status: engineUp(startedAt, now), statusAt: now };
            known ||= tick.known;
            const shown = shownAge(containerStatus(row, known ? { startedAt } : undefined, now))!;
            expect(shown).toBeGreaterThanOrEqual(last);
            last = shown;
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('advances: a second later the seconds count has moved on', () => {
    const row = { status: 'Up 3 seconds', statusAt: T0 };
    const at = (ms: number) => containerStatus(row, { startedAt: T0 - 3_000 }, T0 + ms);
    expect([at(0), at(1_000), at(2_000)]).toEqual(['Up 3 seconds', 'Up 4 seconds', 'Up 5 seconds']);
  });
});
