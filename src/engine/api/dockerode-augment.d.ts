// The option and answer types dockerode 5 really has, where @types/dockerode (written for
// dockerode 4) omits them: every call below takes `abortSignal` at run time
// (node_modules/dockerode/lib/*.js pass `args.opts.abortSignal` to the modem), streaming
// answers are http.IncomingMessage (a Readable, so destroy() exists), and a few endpoints
// take query options the typings do not list. Only src/engine/api sees these types.
import type { Readable } from 'node:stream';
import 'dockerode';

declare module 'dockerode' {
  /** An abortable call: every dockerode 5 method forwards this to docker-modem. */
  interface Abortable {
    abortSignal?: AbortSignal;
  }

  /** GET /containers/{id}/logs: `since` as the engine takes it ("seconds.nanoseconds"). */
  interface LogsQuery extends Abortable {
    stdout?: boolean;
    stderr?: boolean;
    timestamps?: boolean;
    tail?: number;
    since?: string;
  }

  interface Container {
    top(options: Abortable & { ps_args?: string }): Promise<{ Titles?: string[]; Processes?: string[][] }>;
    logs(options: LogsQuery & { follow: true }): Promise<Readable>;
    logs(options: LogsQuery & { follow: false }): Promise<Buffer>;
    stats(options: Abortable & { stream: true }): Promise<Readable>;
    /** HEAD /containers/{id}/archive: the answer itself, its headers carry the path's stat. */
    infoArchive(options: Abortable & { path: string }): Promise<Readable & { headers?: Record<string, string> }>;
    getArchive(options: Abortable & { path: string }): Promise<Readable>;
    putArchive(file: NodeJS.ReadableStream, options: Abortable & { path: string; noOverwriteDirNonDir?: string }): Promise<Readable>;
  }

  interface Image {
    inspect(options: Abortable): Promise<ImageInspectInfo>;
    /** GET /images/{name}/get: the image's tar archive. */
    get(): Promise<Readable>;
    push(options: Abortable & { tag?: string; authconfig?: Record<string, string> }): Promise<Readable>;
  }

  interface Volume {
    inspect(options: Abortable): Promise<VolumeInspectInfo>;
    remove(options: Abortable & { force?: boolean }): Promise<unknown>;
  }

  /**
   * The top-level calls whose typings omit options dockerode 5 takes. A Dockerode is
   * typed as `Dockerode & Dockerode.Calls` once, where it is built (docker-engine.ts):
   * the class's own declaration cannot be merged from a module augmentation.
   */
  interface Calls {
    ping(options: Abortable): Promise<unknown>;
    version(options: Abortable): Promise<RawVersionAnswer>;
    info(options: Abortable): Promise<unknown>;
    df(options: Abortable): Promise<unknown>;
    listVolumes(options: Abortable): Promise<{ Volumes?: unknown[] | null }>;
    searchImages(options: Abortable & { term: string; limit?: number }): Promise<unknown>;
    getEvents(options: Abortable & { filters?: Record<string, string[]>; since?: string }): Promise<Readable>;
    pull(repoTag: string, options: Abortable & { authconfig?: Record<string, string> }): Promise<Readable>;
    loadImage(file: NodeJS.ReadableStream, options: Abortable & { quiet?: boolean }): Promise<Readable>;
  }

  interface RawVersionAnswer {
    Version?: string;
    ApiVersion?: string;
    MinAPIVersion?: string;
    Os?: string;
    Arch?: string;
    KernelVersion?: string;
  }
}
