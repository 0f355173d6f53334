// One pull or push with live progress: the engine's NDJSON stream folded into a Store
// the progress view subscribes to. cancel() aborts the HTTP request, which makes the
// engine stop the transfer. A registry that wants credentials is reported as
// `needsLogin` so the caller can ask for them and start again.
import type { Readable } from 'node:stream';
import { registryOf, type RegistryAuth } from '../engine/registry/credentials.js';
import { engineErrorMessage, isAbort } from '../engine/errors.js';
import { EMPTY_PROGRESS, applyProgress, type ProgressMessage, type ProgressState } from '../engine/models/progress.js';
import { Store } from './store.js';
import type { EngineApi } from '../engine/api/engine-api.js';
import { isUnauthorized, type TransferKind } from '../engine/api/image-transfer.js';
import { JsonLineParser } from '../engine/streams/ndjson.js';

export interface TransferState {
  kind: TransferKind;
  ref: string;
  registry: string;
  phase: 'running' | 'done' | 'failed' | 'cancelled';
  progress: ProgressState;
  /** Why it failed (engine HTTP error or the stream's error message). */
  error?: string;
  /** The registry refused for lack of (valid) credentials. */
  needsLogin?: boolean;
  /** Where the credentials in use came from, never the credentials themselves. */
  authSource?: string;
}

export class ImageTransfer {
  readonly store: Store<TransferState>;
  private readonly abort = new AbortController();

  constructor(
    private readonly api: Pick<EngineApi, 'transferStream'>,
    kind: TransferKind,
    ref: string,
    private readonly auth?: RegistryAuth,
  ) {
    this.store = new Store<TransferState>({
      kind,
      ref,
      registry: registryOf(ref),
      phase: 'running',
      progress: EMPTY_PROGRESS,
      authSource: auth?.source,
    });
  }

  get state(): TransferState {
    return this.store.get();
  }

  cancel(): void {
    if (this.state.phase === 'running') this.abort.abort();
  }

  /** Runs to the end; never throws. Resolves with the final state. */
  async run(): Promise<TransferState> {
    const signal = this.abort.signal;
    const { kind, ref } = this.state;
    try {
      const stream = await this.api.transferStream(kind, ref, this.auth, signal);
      await this.consume(stream, signal);
      const error = this.state.progress.error;
      if (signal.aborted) return this.finish({ phase: 'cancelled' });
      if (error) return this.finish({ phase: 'failed', error, needsLogin: isUnauthorized(error) });
      return this.finish({ phase: 'done' });
    } catch (err) {
      if (signal.aborted || isAbort(err)) return this.finish({ phase: 'cancelled' });
      const error = engineErrorMessage(err);
      return this.finish({ phase: 'failed', error, needsLogin: isUnauthorized(error) });
    }
  }

  private async consume(stream: Readable, signal: AbortSignal): Promise<void> {
    const parser = new JsonLineParser<ProgressMessage>();
    const fold = (messages: ProgressMessage[]) => {
      if (messages.length === 0) return;
      this.store.update((s) => ({ ...s, progress: messages.reduce(applyProgress, s.progress) }));
    };
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) fold(parser.push(chunk));
      fold(parser.flush());
    } catch (err) {
      if (!signal.aborted && !isAbort(err)) throw err;
    } finally {
      stream.destroy();
    }
  }

  private finish(patch: Partial<TransferState>): TransferState {
    this.store.update((s) => ({ ...s, ...patch }));
    return this.state;
  }
}
