// The typed engine facade: every call dtui makes to Docker goes through here.
// No React; callers get plain rows (types.ts) and async iterables that end when
// their AbortSignal fires.
import Dockerode from 'dockerode';
import { type Endpoint, modemOptions } from './connection.js';
import { containerRow, imageRows, sortContainers, sortImages } from './rows.js';
import type { ContainerAction, ContainerRow, EngineEvent, EngineInfo, ImageRow, TopResult } from './types.js';
import { readEvents } from './events.js';
import { readLogs, type LogOptions } from './logs.js';
import { sanitize } from '../text/sanitize.js';
import { historyLayers, type HistoryLayer, type RawHistory } from './history.js';
import { copyFromContainer, copyToContainer } from './archive.js';
import { saveLogs, type RawLogOptions } from './log-save.js';
import type { RawStats } from './stats.js';
import { readStats } from './stats-watcher.js';
import type { RegistryAuth } from './credentials.js';
import { ImageTransfer, splitRepoTag, type TransferKind } from './image-transfer.js';
import { hubResults, type SearchResult } from './registry-search.js';
import { pickShell, startExec, type ExecOptions } from './exec.js';
import { startAttach, type AttachOptions } from './attach.js';
import type { CreateBody } from './run-spec.js';
import type { TerminalSession } from './terminal-session.js';
import { parseAnswer } from '../engine/models/schemas/parse.js';
import { capAnswers } from './answer-cap.js';
import { ContainerList, ImageList } from '../engine/models/schemas/lists.js';
import { ContainerInspect, VersionAnswer } from '../engine/models/schemas/version.js';

/** The newest API version this client knows; an older engine lowers it (negotiation). */
export const CLIENT_MAX_API = '1.47';

/** The oldest API version current engines accept: spoken when the engine's own is unreadable. */
export const FALLBACK_API = '1.24';

const API_VERSION = /^\d{1,3}\.\d{1,3}$/;

/** The version to speak: min(client, server); an unreadable server version never means "ours". */
export function negotiateApi(serverApi: string | null | undefined, minApi?: string | null): string {
  if (serverApi == null) return '1.41';
  if (!API_VERSION.test(serverApi)) return minApi && API_VERSION.test(minApi) && compareApi(minApi, CLIENT_MAX_API) <= 0 ? minApi : FALLBACK_API;
  return compareApi(serverApi, CLIENT_MAX_API) < 0 ? serverApi : CLIENT_MAX_API;
}

export function compareApi(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** version() and ping() take an abortSignal at run time; their typings omit the options. */
type WithSignal = { version(o: { abortSignal: AbortSignal }): Promise<unknown>; ping(o: { abortSignal: AbortSignal }): Promise<unknown> };

export class Engine {
  private constructor(
    readonly docker: Dockerode,
    readonly endpoint: Endpoint,
    readonly info: EngineInfo,
  ) {}

  /** Asks the engine its version unversioned, then speaks min(client, server). */
  static async connect(endpoint: Endpoint, timeoutMs = 5000): Promise<Engine> {
    const probe = new Dockerode(modemOptions(endpoint) as Dockerode.DockerOptions);
    capAnswers(probe.modem as never);
    const v = parseAnswer(VersionAnswer, await (probe as unknown as WithSignal).version({ abortSignal: AbortSignal.timeout(timeoutMs) }), 'GET /version');
    const api = negotiateApi(v.ApiVersion, v.MinAPIVersion);
    const docker = new Dockerode(modemOptions(endpoint, `v${api}`) as Dockerode.DockerOptions);
    capAnswers(docker.modem as never);
    return new Engine(docker, endpoint, {
      endpoint: endpoint.url,
      serverVersion: sanitize(v.Version ?? '?'),
      apiVersion: api,
      minApiVersion: v.MinAPIVersion ?? undefined,
      os: sanitize(v.Os ?? ''),
      arch: sanitize(v.Arch ?? ''),
    });
  }

  async ping(signal?: AbortSignal): Promise<void> {
    await (this.docker as unknown as WithSignal).ping({ abortSignal: signal ?? AbortSignal.timeout(2000) });
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

  async containerAction(id: string, action: ContainerAction, opts: { force?: boolean } = {}): Promise<void> {
    const c = this.docker.getContainer(id);
    switch (action) {
      case 'start': await c.start(); break;
      case 'stop': await c.stop(); break;
      case 'restart': await c.restart(); break;
      case 'pause': await c.pause(); break;
      case 'unpause': await c.unpause(); break;
      case 'kill': await c.kill(); break;
      // Volumes are kept (v: false): removing a container never deletes data unasked.
      case 'remove': await c.remove({ force: opts.force ?? false, v: false }); break;
    }
  }

  async removeImage(ref: string, opts: { force?: boolean } = {}): Promise<void> {
    await this.docker.getImage(ref).remove({ force: opts.force ?? false, noprune: false });
  }

  /** `docker history --no-trunc`: every layer of the image, newest first. */
  async imageHistory(ref: string): Promise<HistoryLayer[]> {
    // dockerode's history() takes no options (an object there would be taken for a callback).
    return historyLayers((await this.docker.getImage(ref).history()) as unknown as RawHistory[]);
  }

  /** A pull or push, not yet started: call run() on it (progress in its store). */
  transfer(kind: TransferKind, ref: string, auth?: RegistryAuth): ImageTransfer {
    return new ImageTransfer(this.docker, kind, ref, auth);
  }

  /** Gives image `source` (id or repo:tag) the extra name `target` (repo[:tag], latest by default). */
  async tagImage(source: string, target: string): Promise<void> {
    const { repo, tag } = splitRepoTag(target);
    await this.docker.getImage(source).tag({ repo, tag });
  }

  /** Docker Hub search through the engine (GET /images/search). */
  async searchImages(term: string, signal?: AbortSignal): Promise<SearchResult[]> {
    return hubResults(await this.docker.searchImages({ term, limit: 50, abortSignal: signal } as never));
  }

  async inspectContainer(id: string, signal?: AbortSignal): Promise<Dockerode.ContainerInspectInfo> {
    const answer = await this.docker.getContainer(id).inspect({ abortSignal: signal });
    parseAnswer(ContainerInspect, answer, `GET /containers/${id.slice(0, 12)}/json`);
    return answer;
  }

  async top(id: string, signal?: AbortSignal): Promise<TopResult> {
    const r = (await this.docker.getContainer(id).top({ abortSignal: signal } as {})) as {
      Titles?: string[];
      Processes?: string[][];
    };
    return {
      titles: (r.Titles ?? []).map(sanitize),
      processes: (r.Processes ?? []).map((p) => p.map(sanitize)),
    };
  }

  /** Lines of a container's log, following; yields batches as chunks arrive. */
  logs(id: string, opts: LogOptions, signal: AbortSignal) {
    return readLogs(this.docker, id, opts, signal);
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
    const c = await this.docker.createContainer(body as Dockerode.ContainerCreateOptions);
    return c.id;
  }

  /** The engine's streaming stats for one container: raw NDJSON chunks, one sample a second. */
  events(signal: AbortSignal): AsyncGenerator<EngineEvent> {
    return readEvents(this.docker, signal);
  }

  // — Deep container views: stats, inspect, commit, copy, saved logs —

  /** The streaming stats endpoint: one sample a second until the signal fires. */
  stats(id: string, signal: AbortSignal): AsyncGenerator<RawStats> {
    return readStats(this.docker, id, signal);
  }

  async inspectImage(ref: string, signal?: AbortSignal): Promise<Dockerode.ImageInspectInfo> {
    return (this.docker.getImage(ref) as unknown as { inspect(o: object): Promise<Dockerode.ImageInspectInfo> }).inspect({ abortSignal: signal });
  }

  /** `docker commit`; pause (the CLI's default) freezes the container while its filesystem is read. */
  async commit(id: string, opts: { repo: string; tag?: string; comment: string; author: string; pause: boolean }): Promise<string> {
    const r = (await this.docker.getContainer(id).commit({
      repo: opts.repo, tag: opts.tag, comment: opts.comment, author: opts.author, pause: opts.pause,
    })) as { Id?: string };
    return r.Id ?? '';
  }

  copyFromContainer(id: string, src: string, dest: string, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<number> {
    return copyFromContainer(this.docker, id, src, dest, onProgress, signal);
  }

  copyToContainer(id: string, src: string, dest: string, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<number> {
    return copyToContainer(this.docker, id, src, dest, onProgress, signal);
  }

  saveLogs(id: string, path: string, opts: RawLogOptions, signal?: AbortSignal): Promise<number> {
    return saveLogs(this.docker, id, path, opts, signal);
  }
}
