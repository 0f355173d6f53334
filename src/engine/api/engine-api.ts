// What dtui asks of an engine. The Docker implementation (docker-engine.ts) is the only
// code that talks to dockerode; state and views depend on this interface, and each
// watcher on the narrow Pick<EngineApi, …> it uses, so a fake for a test is small.
import type { Endpoint } from './connection.js';
import type { ContainerAction, ContainerRow, EngineEvent, EngineInfo, ImageRow, TopResult } from '../models/types.js';
import type { LogOptions } from './logs.js';
import type { RawLogLine } from '../models/types.js';
import type { HistoryLayer } from '../models/history.js';
import type { RawLogOptions } from './log-save.js';
import type { RawStats } from '../models/stats.js';
import type { RegistryAuth } from '../registry/credentials.js';
import type { Readable } from 'node:stream';
import type { TransferKind } from './image-transfer.js';
import type { SearchResult } from '../registry/registry-search.js';
import type { ExecOptions } from './exec.js';
import type { AttachOptions } from './attach.js';
import type { CopyResult } from './archive.js';
import type { CreateBody } from '../models/run-spec.js';
import type { TerminalSession } from './terminal-session.js';
import type { VolumeRow } from '../models/volumes.js';
import type { EngineOverview, PruneKind } from '../models/engine-overview.js';
import type { LoadResult, Progress } from './image-archive.js';
import type { NetworkApi } from './networks.js';
import type { SwarmApi } from './swarm.js';

export interface PruneResult {
  /** Ids or names of what was deleted (images: deleted and untagged entries). */
  deleted: string[];
  reclaimed: number;
}

/** Inspect answers are shown as JSON; dtui reads no field of them by type. */
export type InspectAnswer = unknown;

export interface EngineApi {
  readonly endpoint: Endpoint;
  readonly info: EngineInfo;

  /** Closes the connections it keeps (after a switch to another engine); absent on fakes. */
  close?(): void;

  // — system —
  ping(signal?: AbortSignal): Promise<void>;
  /** `docker version` + `docker info` + `docker system df` for the Engine pane. */
  overview(signal: AbortSignal): Promise<EngineOverview>;
  prune(kind: PruneKind): Promise<PruneResult>;
  /**
   * Engine events of the given types ('container', 'network', …) until the signal fires.
   * The caller names the types (the session: those its kinds refresh on), so a new kind
   * needs no edit in the engine layer.
   */
  events(signal: AbortSignal, types: readonly string[]): AsyncGenerator<EngineEvent>;

  // — containers —
  listContainers(signal?: AbortSignal): Promise<ContainerRow[]>;
  /** `volumes`: a remove deletes the container's anonymous volumes too (docker rm -v); off unless asked. */
  containerAction(id: string, action: ContainerAction, opts?: { force?: boolean; volumes?: boolean }): Promise<void>;
  createContainer(body: CreateBody): Promise<string>;
  inspectContainer(id: string, signal?: AbortSignal): Promise<InspectAnswer>;
  top(id: string, signal?: AbortSignal): Promise<TopResult>;
  logs(id: string, opts: LogOptions, signal: AbortSignal): AsyncGenerator<RawLogLine[]>;
  saveLogs(id: string, path: string, opts: RawLogOptions, signal?: AbortSignal): Promise<number>;
  /** The streaming stats endpoint (one sample a second): the Stats tab of the selected container. */
  stats(id: string, signal: AbortSignal): AsyncGenerator<RawStats>;
  /** One sample now (one-shot where the API has it: then without precpu_stats): the list's sampler. */
  statsOnce(id: string, signal?: AbortSignal): Promise<RawStats>;
  exec(id: string, cmd: readonly string[], opts: ExecOptions): Promise<TerminalSession>;
  shellFor(id: string, signal?: AbortSignal): Promise<string>;
  attach(id: string, opts: AttachOptions): Promise<{ session: TerminalSession; tty: boolean }>;
  commit(id: string, opts: { repo: string; tag?: string; comment: string; author: string; pause: boolean }): Promise<string>;
  copyFromContainer(id: string, src: string, dest: string, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<CopyResult>;
  copyToContainer(id: string, src: string, dest: string, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<CopyResult>;

  // — images —
  listImages(signal?: AbortSignal): Promise<ImageRow[]>;
  removeImage(ref: string, opts?: { force?: boolean }): Promise<void>;
  inspectImage(ref: string, signal?: AbortSignal): Promise<InspectAnswer>;
  imageHistory(ref: string): Promise<HistoryLayer[]>;
  tagImage(source: string, target: string): Promise<void>;
  searchImages(term: string, signal?: AbortSignal): Promise<SearchResult[]>;
  /** A pull or push started: the engine's NDJSON progress stream (src/state/image-transfer.ts reads it). */
  transferStream(kind: TransferKind, ref: string, auth: RegistryAuth | undefined, signal: AbortSignal): Promise<Readable>;
  /** `overwrite`: replace an existing file (only after the person said y). */
  saveImage(ref: string, path: string, onBytes: Progress, signal?: AbortSignal, opts?: { overwrite?: boolean }): Promise<number>;
  loadImage(path: string, onBytes: Progress): Promise<LoadResult>;

  // — volumes —
  listVolumes(signal: AbortSignal): Promise<VolumeRow[]>;
  createVolume(name: string): Promise<string>;
  inspectVolume(name: string, signal?: AbortSignal): Promise<InspectAnswer>;
  removeVolume(name: string): Promise<void>;

  // — networks (ls, inspect, create, rm, connect, disconnect, prune) —
  readonly networks: NetworkApi;

  // — swarm (services, tasks, nodes; a manager only) —
  readonly swarm: SwarmApi;
}
