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
import { pickShell, startExec, type ExecOptions } from './exec.js';
import { startAttach, type AttachOptions } from './attach.js';
import type { CreateBody } from './run-spec.js';
import type { TerminalSession } from './terminal-session.js';

/** The newest API version this client knows; an older engine lowers it (negotiation). */
export const CLIENT_MAX_API = '1.47';

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
    const v = (await (probe as unknown as WithSignal).version({ abortSignal: AbortSignal.timeout(timeoutMs) })) as Record<string, string>;
    const serverApi = v.ApiVersion ?? '1.41';
    const api = compareApi(serverApi, CLIENT_MAX_API) < 0 ? serverApi : CLIENT_MAX_API;
    const docker = new Dockerode(modemOptions(endpoint, `v${api}`) as Dockerode.DockerOptions);
    return new Engine(docker, endpoint, {
      endpoint: endpoint.url,
      serverVersion: sanitize(v.Version ?? '?'),
      apiVersion: api,
      minApiVersion: v.MinAPIVersion,
      os: sanitize(v.Os ?? ''),
      arch: sanitize(v.Arch ?? ''),
    });
  }

  async ping(signal?: AbortSignal): Promise<void> {
    await (this.docker as unknown as WithSignal).ping({ abortSignal: signal ?? AbortSignal.timeout(2000) });
  }

  async listContainers(signal?: AbortSignal): Promise<ContainerRow[]> {
    const list = await this.docker.listContainers({ all: true, abortSignal: signal });
    const now = Date.now();
    return sortContainers(list.map((c) => containerRow(c, now)));
  }

  async listImages(signal?: AbortSignal): Promise<ImageRow[]> {
    const list = await this.docker.listImages({ all: false, abortSignal: signal });
    return sortImages(list.flatMap(imageRows));
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

  async inspectContainer(id: string, signal?: AbortSignal): Promise<Dockerode.ContainerInspectInfo> {
    return this.docker.getContainer(id).inspect({ abortSignal: signal });
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

  events(signal: AbortSignal): AsyncGenerator<EngineEvent> {
    return readEvents(this.docker, signal);
  }
}
