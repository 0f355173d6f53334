// When each container on screen last started and stopped, read from the engine, so the
// STATUS column ages exactly (see engine/models/status-age.ts). The list call carries only
// `Created` and a lossy status text; State.StartedAt/FinishedAt need an inspect. Measured
// on the local engine: one inspect ~1 ms, so the rows on screen (≤ ~60) cost at most one
// batch of ~60 ms of engine time, once — an entry stays valid until the container starts,
// stops or restarts (its events drop the entry) or the engine reconnects (all dropped).
// Event times alone would not do: containers started before dtui have no event, and a
// lost event stream would leave a wrong time with nothing to correct it.
import type { EngineApi } from '../engine/api/engine-api.js';
import { agedFrom, containerTimesOf, type ContainerTimes } from '../engine/models/status-age.js';
import type { ContainerRow, EngineEvent } from '../engine/models/types.js';
import { Store } from './store.js';

/** Events after which a container's start or finish time is different. */
const TIME_CHANGING = new Set(['start', 'restart', 'die', 'kill', 'stop', 'destroy', 'oom']);
/** Inspects in flight at once: a screenful is read in a few round trips, not 60 at once. */
const PARALLEL = 4;

/** Times as read, with the row state they were read for: a state change missed by events re-reads. */
export interface TimesEntry extends ContainerTimes {
  state: string;
}

/** The times that belong to this row, or none while they are being (re-)read. */
export function timesForRow(map: ReadonlyMap<string, TimesEntry>, row: Pick<ContainerRow, 'id' | 'state'>): ContainerTimes | undefined {
  const entry = map.get(row.id);
  return entry && entry.state === row.state ? entry : undefined;
}

export class ContainerTimesStore {
  readonly store = new Store<ReadonlyMap<string, TimesEntry>>(new Map());
  private readonly entries = new Map<string, TimesEntry>();
  private readonly inFlight = new Set<string>();
  private queue: ContainerRow[] = [];
  /** Bumped by each time-changing event: an answer read across one is stale (a quick restart). */
  private readonly generation = new Map<string, number>();
  private running = 0;

  constructor(
    private readonly engine: Pick<EngineApi, 'inspectContainer'>,
    private readonly signal: AbortSignal,
  ) {}

  /** The rows on screen: reads the times of those whose status counts from one. */
  setVisible(rows: readonly ContainerRow[]): void {
    this.queue = rows.filter((r) => {
      if (!agedFrom(r.status) || this.inFlight.has(r.id)) return false;
      const known = this.entries.get(r.id);
      return !known || known.state !== r.state;
    });
    this.pump();
  }

  onEvent(event: EngineEvent): void {
    if (event.type !== 'container' || !TIME_CHANGING.has(event.action)) return;
    this.generation.set(event.id, (this.generation.get(event.id) ?? 0) + 1);
    if (event.action === 'destroy') this.generation.delete(event.id);
    this.drop(event.id);
  }

  /** After a reconnect nothing read before can be trusted (the engine may have restarted). */
  clear(): void {
    this.entries.clear();
    this.publish();
  }

  private drop(id: string): void {
    if (this.entries.delete(id)) this.publish();
  }

  private pump(): void {
    while (this.running < PARALLEL && this.queue.length > 0 && !this.signal.aborted) {
      const row = this.queue.shift()!;
      if (this.inFlight.has(row.id)) continue;
      this.inFlight.add(row.id);
      this.running++;
      void this.read(row).finally(() => {
        this.inFlight.delete(row.id);
        this.running--;
        this.pump();
      });
    }
  }

  private async read(row: ContainerRow): Promise<void> {
    const generation = this.generation.get(row.id);
    try {
      const times = containerTimesOf(await this.engine.inspectContainer(row.id, this.signal));
      // Started or stopped meanwhile: the next render asks again.
      if (this.generation.get(row.id) !== generation) return;
      this.entries.set(row.id, { ...times, state: row.state });
      this.publish();
    } catch {
      // Gone or unreachable: the status text (aged from its read time) stays on screen,
      // and the row is not asked about again until its state changes.
      if (this.signal.aborted || this.generation.get(row.id) !== generation) return;
      this.entries.set(row.id, { state: row.state });
      this.publish();
    }
  }

  private publish(): void {
    this.store.set(new Map(this.entries));
  }
}
