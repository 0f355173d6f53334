// What the list's CPU%/MEM rows showed when they left the screen (scrolled away, another
// pane in front, filtered out), kept a minute: a row back within it shows its cells at once,
// and its next one-shot read gives CPU % against the counters it left with, instead of blank
// cells, then '…' until a warm-up read (src/state/stats-sampler.ts).
import type { RawStats } from '../engine/models/stats.js';

/** What a row showed when it left, and when. */
export interface LeftRow<Cells> {
  /** Only the CPU counters: the baseline of the next CPU %. */
  prev: RawStats;
  cells: Cells | undefined;
  at: number;
}

export const LEFT_ROWS_MS = 60_000;
export const LEFT_ROWS_MAX = 1000;

export class LeftRows<Cells> {
  /** Oldest first (each row is re-inserted when it leaves), so expired ones go from the front. */
  private readonly rows = new Map<string, LeftRow<Cells>>();

  remember(id: string, sample: RawStats, cells: Cells | undefined, now: number): void {
    this.rows.delete(id);
    this.rows.set(id, { prev: { cpu_stats: sample.cpu_stats }, cells, at: now });
    for (const [oldId, old] of this.rows) {
      if (now - old.at < LEFT_ROWS_MS && this.rows.size <= LEFT_ROWS_MAX) break;
      this.rows.delete(oldId);
    }
  }

  /** What `id` showed when it left, if that was less than LEFT_ROWS_MS ago; forgotten then. */
  take(id: string, now: number): LeftRow<Cells> | undefined {
    const row = this.rows.get(id);
    this.rows.delete(id);
    return row && now - row.at < LEFT_ROWS_MS ? row : undefined;
  }
}
