// A minimal in-memory stand-in for the Engine facade, for UI tests that render views
// without a daemon. It implements only the surface EngineSession and the detail views
// call; the session itself is the real one, so stores, pending labels and re-lists
// behave exactly as they do against a real engine.
import type { EngineApi } from '../../src/engine/api/engine-api.js';
import { EngineSession } from '../../src/state/session.js';
import type { ContainerAction, ContainerRow, EngineEvent, ImageRow, LogLine, TopResult } from '../../src/engine/models/types.js';
import { createAppContext, type AppContextValue } from '../../src/app/app-context.js';
import { KEYMAP } from '../../src/keys/keymap.js';

export interface FakeCall {
  kind: 'container' | 'removeImage';
  target: string;
  action?: ContainerAction;
  force?: boolean;
}

export class FakeEngine {
  containers: ContainerRow[] = [];
  images: ImageRow[] = [];
  processes: TopResult = { titles: ['PID', 'CMD'], processes: [] };
  logLines: LogLine[] = [];
  readonly calls: FakeCall[] = [];
  /** Makes the next engine call throw this (e.g. an error with statusCode 409). */
  failNext: unknown;
  readonly info = { endpoint: 'unix:///fake.sock', serverVersion: '99.0', apiVersion: '1.47', os: 'linux', arch: 'amd64' };
  readonly endpoint = { kind: 'unix', socketPath: '/fake.sock', url: 'unix:///fake.sock' } as const;

  async ping(): Promise<void> {}
  listContainers(): Promise<ContainerRow[]> {
    return Promise.resolve([...this.containers]);
  }
  listImages(): Promise<ImageRow[]> {
    return Promise.resolve([...this.images]);
  }
  containerAction(id: string, action: ContainerAction, opts: { force?: boolean } = {}): Promise<void> {
    this.calls.push({ kind: 'container', target: id, action, force: opts.force });
    return this.settle();
  }
  removeImage(ref: string, opts: { force?: boolean } = {}): Promise<void> {
    this.calls.push({ kind: 'removeImage', target: ref, force: opts.force });
    return this.settle();
  }
  top(): Promise<TopResult> {
    return Promise.resolve(this.processes);
  }
  async *logs(_id: string, _opts: unknown, signal: AbortSignal): AsyncGenerator<LogLine[]> {
    if (this.logLines.length) yield this.logLines;
    // Then "follow": stay open until the view closes the stream.
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }
  // The fake engine emits no events: the stream only stays open until the view aborts it.
  async *events(signal: AbortSignal): AsyncGenerator<EngineEvent> {
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }

  /** Resolves, or rejects with failNext (once) as the real engine's calls would. */
  private settle(): Promise<void> {
    const err = this.failNext;
    this.failNext = undefined;
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a test may inject any value a hostile engine could
    return err ? Promise.reject(err) : Promise.resolve();
  }
}

export function fakeContainer(i: number, patch: Partial<ContainerRow> = {}): ContainerRow {
  const id = i.toString(16).padStart(12, '0').repeat(5).slice(0, 64);
  return {
    id,
    shortId: id.slice(0, 12),
    name: `fake-${String(i).padStart(3, '0')}`,
    image: 'busybox:latest',
    imageId: 'sha256:feed',
    command: 'sh',
    state: 'running',
    status: 'Up 2 hours',
    statusAt: Date.now(),
    ports: '',
    created: 1_700_000_000 - i,
    mounts: [],
    ...patch,
  };
}

export function fakeImage(i: number, patch: Partial<ImageRow> = {}): ImageRow {
  const id = `sha256:${i.toString(16).padStart(64, 'a')}`;
  return {
    key: `${id}|repo${i}:v${i}`,
    id,
    shortId: id.slice(7, 19),
    repository: `repo${i}`,
    tag: `v${i}`,
    ref: `repo${i}:v${i}`,
    dangling: false,
    size: 1_000_000 * (i + 1),
    created: 1_700_000_000 - i,
    containers: 0,
    ...patch,
  };
}

/** A real EngineSession over a FakeEngine, loaded, plus an app context of the given size. */
export async function fakeApp(
  engine: FakeEngine,
  size: { cols: number; rows: number },
  readOnly = false,
): Promise<{ session: EngineSession; ctx: AppContextValue }> {
  const session = new EngineSession(engine as unknown as EngineApi);
  await session.start();
  const ctx = createAppContext(session, { ...size, keymap: readOnly ? KEYMAP.filter((a) => !a.danger) : KEYMAP, readOnly });
  return { session, ctx };
}
