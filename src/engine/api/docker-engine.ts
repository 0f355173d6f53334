// The EngineApi over dockerode: every call dtui makes to Docker goes through here or
// through the src/engine/api modules it delegates to. No React; callers get plain rows
// (models/types.ts) and async iterables that end when their AbortSignal fires.
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { type Endpoint, modemOptions } from './connection.js';
import { dockerClient, type Docker } from './docker.js';
import { sshSetup } from './ssh-options.js';
import { SshDialer } from './ssh-dialer.js';
import type { EngineApi, PruneResult } from './engine-api.js';
import { containerRow, imageRows, sortContainers, sortImages } from '../models/rows.js';
import type { ContainerAction, ContainerRow, EngineEvent, EngineInfo, ImageRow, TopResult } from '../models/types.js';
import { readEvents } from './events.js';
import { readLogs, type LogOptions } from './logs.js';
import { LogShapes } from './log-shapes.js';
import { readLogsLateHeaders } from './logs-late-headers.js';
import { sanitize } from '../../text/sanitize.js';
import { historyLayers, type HistoryLayer, type RawHistory } from '../models/history.js';
import { copyFromContainer, copyToContainer, type CopyResult } from './archive.js';
import { saveLogs, type RawLogOptions } from './log-save.js';
import type { RawStats } from '../models/stats.js';
import { readStats, readStatsOnce } from './stats.js';
import type { RegistryAuth } from '../registry/credentials.js';
import { openTransfer, splitRepoTag, type TransferKind } from './image-transfer.js';
import { hubResults, type SearchResult } from '../registry/registry-search.js';
import { pickShell, startExec, type ExecOptions } from './exec.js';
import { startAttach, type AttachOptions } from './attach.js';
import type { CreateBody } from '../models/run-spec.js';
import type { TerminalSession } from './terminal-session.js';
import type { VolumeRow } from '../models/volumes.js';
import type { EngineOverview, PruneKind } from '../models/engine-overview.js';
import { createVolume, inspectVolume, listVolumes, removeVolume } from './volumes.js';
import { readEngineOverview } from './overview.js';
import { prune } from './prune.js';
import { loadImage, saveImage, type LoadResult, type Progress } from './image-archive.js';
import { compareApi, negotiateApi } from './api-version.js';
import { parseAnswer } from '../models/schemas/parse.js';
import { ContainerList, ImageList } from '../models/schemas/lists.js';
import { ContainerInspect, VersionAnswer } from '../models/schemas/version.js';
import { dockerNetworks, type NetworkApi } from './networks.js';
import { dockerSwarm, type SwarmApi } from './swarm.js';
import { localArch, pingPodman } from './podman-ping.js';
import { engineProduct } from '../models/engine-product.js';
import { PODMAN_TOP_ARGS, splitTop } from '../models/top.js';

export class DockerEngine implements EngineApi {
  readonly networks: NetworkApi;
  readonly swarm: SwarmApi;
  /** Each container's TTY and log driver, inspected once (log-shapes.ts). */
  private readonly logShapes = new LogShapes();

  private constructor(
    private readonly docker: Docker,
    readonly endpoint: Endpoint,
    readonly info: EngineInfo,
    /** Releases this engine's own connections (its agent or ssh dialer). */
    private readonly release: () => void,
  ) {
    this.networks = dockerNetworks(docker);
    this.swarm = dockerSwarm(docker);
  }

  /**
   * Closes every connection this client keeps: an engine switched away from must not
   * keep idle keep-alive sockets (fds) open on the old engine. Calls still running fail.
   */
  close(): void {
    this.release();
  }

  /**
   * Asks the engine its version unversioned, then speaks min(client, server). A local Podman
   * socket answers from /_ping's headers instead (podman-ping.ts): its /version scans the
   * package database five times per call, 10–34 s on busy cores — Podman's cost, not a
   * first-request cost of dtui's (a fresh connection's /_ping took 0.3 s at the same time).
   * The 15 s budget stays for a remote Podman, which still answers /version; an engine that
   * is down fails at once anyway.
   */
  static async connect(endpoint: Endpoint, timeoutMs = 15_000): Promise<DockerEngine> {
    const ssh = endpoint.kind === 'ssh' ? sshSetup(endpoint) : undefined;
    const dialer = endpoint.kind === 'ssh' && ssh ? new SshDialer(endpoint, ssh) : undefined;
    // A unix socket gets an agent of its own (not Node's global one), so close() can end
    // exactly this engine's sockets. No keep-alive: a local connect costs microseconds,
    // and without idle pooled sockets every open connection is a request in flight or a
    // stream (events, logs), so the fds dtui holds are exactly what it is doing.
    // servername '': a TLS name means nothing on a socket, and node's agent would derive one
    // per request through net.isIPv6, whose first call compiles a large regex: ~3.6 ms
    // before the first request of a launch could leave (docs/PERFORMANCE.md).
    const local = endpoint.kind === 'unix' ? new (process.getBuiltinModule('node:http').Agent)({ keepAlive: false, servername: '' } as object) : undefined;
    const agent = dialer?.agent ?? local;
    const release = () => {
      dialer?.close();
      local?.destroy();
    };
    const options = (version?: string) => ({ ...modemOptions(endpoint, version), ...(agent ? { agent } : {}) }) as Dockerode.DockerOptions;
    const probe = dockerClient(options());
    let answer: unknown;
    try {
      // ssh: the first connection also checks the host key and the user's keys.
      const version = probe.version({ abortSignal: AbortSignal.timeout(ssh ? timeoutMs * 2 : timeoutMs) }).then(
        (value: unknown) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (endpoint.kind === 'unix') {
        // Podman is told by /_ping's headers. /version is asked at the same time, so a
        // Docker engine costs one round trip before the first lists, not two (start-up).
        const podman = await pingPodman(probe, AbortSignal.timeout(timeoutMs));
        if (podman) {
          const api = negotiateApi(podman.apiVersion);
          const info = { endpoint: endpoint.url, ...(endpoint.context ? { context: endpoint.context } : {}) };
          const engineInfo = { ...info, serverVersion: podman.version, product: 'Podman' as const, apiVersion: api, os: podman.os, arch: localArch() };
          return new DockerEngine(dockerClient(options(`v${api}`)), endpoint, engineInfo, release);
        }
      }
      const read = await version;
      if ('error' in read) throw read.error;
      answer = read.value;
    } catch (err) {
      release();
      throw ssh?.explain(err, dialer?.lastRemoteError()) ?? err;
    }
    const v = parseAnswer(VersionAnswer, answer, 'GET /version');
    const api = negotiateApi(v.ApiVersion, v.MinAPIVersion);
    const docker = dockerClient(options(`v${api}`));
    const { product, version } = engineProduct(v);
    return new DockerEngine(
      docker,
      endpoint,
      {
        endpoint: endpoint.url,
        ...(endpoint.context ? { context: endpoint.context } : {}),
        serverVersion: version,
        product,
        apiVersion: api,
        minApiVersion: v.MinAPIVersion ?? undefined,
        os: sanitize(v.Os ?? ''),
        arch: sanitize(v.Arch ?? ''),
      },
      release,
    );
  }

  async ping(signal?: AbortSignal): Promise<void> {
    await this.docker.ping({ abortSignal: signal ?? AbortSignal.timeout(2000) });
  }

  overview(signal: AbortSignal): Promise<EngineOverview> {
    return readEngineOverview(this.docker, this.info.apiVersion, signal);
  }

  prune(kind: PruneKind): Promise<PruneResult> {
    return prune(this.docker, this.info.apiVersion, kind);
  }

  async listContainers(signal?: AbortSignal): Promise<ContainerRow[]> {
    const list = parseAnswer(ContainerList, await this.docker.listContainers({ all: true, abortSignal: signal }), 'GET /containers/json');
    const now = Date.now();
    return sortContainers(list.map((c) => containerRow(c as unknown as Dockerode.ContainerInfo, now)));
  }

  async listImages(signal?: AbortSignal): Promise<ImageRow[]> {
    const list = parseAnswer(ImageList, await this.docker.listImages({ all: false, abortSignal: signal }), 'GET /images/json');
    return sortImages(list.flatMap((i) => imageRows(i as unknown as Dockerode.ImageInfo)));
  }

  async containerAction(id: string, action: ContainerAction, opts: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    const c = this.docker.getContainer(id);
    switch (action) {
      case 'start':
        await c.start();
        break;
      case 'stop':
        await c.stop();
        break;
      case 'restart':
        await c.restart();
        break;
      case 'pause':
        await c.pause();
        break;
      case 'unpause':
        await c.unpause();
        break;
      case 'kill':
        await c.kill();
        break;
      // Volumes are kept (v: false) unless the person chose otherwise: no data deleted unasked.
      case 'remove':
        await c.remove({ force: opts.force ?? false, v: opts.volumes === true });
        break;
    }
  }

  async removeImage(ref: string, opts: { force?: boolean } = {}): Promise<void> {
    await this.docker.getImage(ref).remove({ force: opts.force ?? false, noprune: false });
  }

  /** `docker history --no-trunc`: every layer of the image, newest first. */
  async imageHistory(ref: string): Promise<HistoryLayer[]> {
    // dockerode's history() takes no options (an object there would be taken for a callback).
    return historyLayers((await this.docker.getImage(ref).history()) as RawHistory[]);
  }

  transferStream(kind: TransferKind, ref: string, auth: RegistryAuth | undefined, signal: AbortSignal): Promise<Readable> {
    return openTransfer(this.docker, kind, ref, auth, signal);
  }

  /** Gives image `source` (id or repo:tag) the extra name `target` (repo[:tag], latest by default). */
  async tagImage(source: string, target: string): Promise<void> {
    const { repo, tag } = splitRepoTag(target);
    await this.docker.getImage(source).tag({ repo, tag });
  }

  /** Docker Hub search through the engine (GET /images/search). */
  async searchImages(term: string, signal?: AbortSignal): Promise<SearchResult[]> {
    return hubResults(await this.docker.searchImages({ term, limit: 50, abortSignal: signal }));
  }

  async inspectContainer(id: string, signal?: AbortSignal): Promise<Dockerode.ContainerInspectInfo> {
    const answer = await this.docker.getContainer(id).inspect({ abortSignal: signal });
    parseAnswer(ContainerInspect, answer, `GET /containers/${id.slice(0, 12)}/json`);
    return answer;
  }

  async top(id: string, signal?: AbortSignal): Promise<TopResult> {
    // Podman's compat top takes its own ps descriptors; without them it runs `ps` in the
    // container, which an image may lack (models/top.ts).
    const args = this.info.product === 'Podman' ? { ps_args: PODMAN_TOP_ARGS } : {};
    const r = await this.docker.getContainer(id).top({ ...args, abortSignal: signal });
    return splitTop({
      titles: (r.Titles ?? []).map(sanitize),
      processes: (r.Processes ?? []).map((p) => p.map(sanitize)),
    });
  }

  /** Lines of a container's log, following; yields batches as chunks arrive. */
  logs(id: string, opts: LogOptions, signal: AbortSignal) {
    // Podman answers a followed log only once the container prints (logs-late-headers.ts).
    if (this.info.product === 'Podman' && opts.follow !== false) return readLogsLateHeaders(this.docker, id, opts, signal);
    return readLogs(this.docker, id, opts, signal, this.logShapes);
  }

  /** An interactive TTY exec (docker exec -it); rejects before starting if the engine refuses. */
  exec(id: string, cmd: readonly string[], opts: ExecOptions): Promise<TerminalSession> {
    return startExec(this.docker, id, cmd, opts);
  }

  /** bash if the container has it, else sh. */
  shellFor(id: string, signal?: AbortSignal): Promise<string> {
    return pickShell(this.docker, id, signal);
  }

  /** docker attach; `tty` says whether the container has a TTY. */
  attach(id: string, opts: AttachOptions): Promise<{ session: TerminalSession; tty: boolean }> {
    return startAttach(this.docker, id, opts);
  }

  /** Creates (does not start) a container; returns its id. */
  async createContainer(body: CreateBody): Promise<string> {
    const c = await this.docker.createContainer(body);
    return c.id;
  }

  events(signal: AbortSignal, types: readonly string[]): AsyncGenerator<EngineEvent> {
    return readEvents(this.docker, signal, types);
  }

  // — Deep container views: stats, inspect, commit, copy, saved logs —

  /** The streaming stats endpoint: one sample a second until the signal fires. */
  stats(id: string, signal: AbortSignal): AsyncGenerator<RawStats> {
    return readStats(this.docker, id, signal);
  }

  /** One sample: one-shot where the engine speaks API 1.41+ (no precpu_stats then). */
  statsOnce(id: string, signal?: AbortSignal): Promise<RawStats> {
    return readStatsOnce(this.docker, id, compareApi(this.info.apiVersion, '1.41') >= 0, signal);
  }

  async inspectImage(ref: string, signal?: AbortSignal): Promise<Dockerode.ImageInspectInfo> {
    return this.docker.getImage(ref).inspect({ abortSignal: signal });
  }

  /** `docker commit`; pause (the CLI's default) freezes the container while its filesystem is read. */
  async commit(id: string, opts: { repo: string; tag?: string; comment: string; author: string; pause: boolean }): Promise<string> {
    const r = (await this.docker.getContainer(id).commit({
      repo: opts.repo,
      tag: opts.tag,
      comment: opts.comment,
      author: opts.author,
      pause: opts.pause,
    })) as { Id?: string };
    return r.Id ?? '';
  }

  copyFromContainer(id: string, src: string, dest: string, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<CopyResult> {
    return copyFromContainer(this.docker, id, src, dest, onProgress, signal);
  }

  copyToContainer(id: string, src: string, dest: string, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<CopyResult> {
    return copyToContainer(this.docker, id, src, dest, onProgress, signal);
  }

  saveLogs(id: string, path: string, opts: RawLogOptions, signal?: AbortSignal): Promise<number> {
    return saveLogs(this.docker, id, path, opts, signal);
  }

  // — Image archives and volumes —

  saveImage(ref: string, path: string, onBytes: Progress, signal?: AbortSignal, opts?: { overwrite?: boolean }): Promise<number> {
    return saveImage(this.docker, ref, path, onBytes, signal, opts);
  }

  loadImage(path: string, onBytes: Progress): Promise<LoadResult> {
    return loadImage(this.docker, path, onBytes);
  }

  listVolumes(signal: AbortSignal): Promise<VolumeRow[]> {
    return listVolumes(this.docker, signal);
  }

  createVolume(name: string): Promise<string> {
    return createVolume(this.docker, name);
  }

  inspectVolume(name: string, signal?: AbortSignal): Promise<unknown> {
    return inspectVolume(this.docker, name, signal);
  }

  removeVolume(name: string): Promise<void> {
    return removeVolume(this.docker, name);
  }
}
