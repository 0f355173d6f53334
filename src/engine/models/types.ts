// Plain data the views render. Built from engine answers by src/engine only, so no
// view ever sees a dockerode type.
import type { ComposeInfo } from './compose.js';

export type ContainerState = 'running' | 'paused' | 'restarting' | 'exited' | 'created' | 'removing' | 'dead';

export interface ContainerRow {
  id: string;
  shortId: string;
  name: string;
  image: string;
  /** sha256:… of the image, to tell which containers use an image. */
  imageId: string;
  command: string;
  state: ContainerState;
  /** The engine's status text at list time, e.g. "Up 3 minutes", "Exited (0) 2 hours ago". */
  status: string;
  /** When `status` was read (ms epoch): its durations are re-aged from here. */
  statusAt: number;
  ports: string;
  created: number; // seconds since epoch, as the engine reports
  /** Its labels, sanitized (a config column can show one: `label:com.example.team`). */
  labels?: Readonly<Record<string, string>>;
  /** Its mounts; volumes name the volume they mount. */
  mounts: MountRow[];
  /** Its Compose project and service, from its labels (undefined: no project). */
  compose?: ComposeInfo;
}

export interface MountRow {
  type: string;
  /** The volume's name for type 'volume', '' otherwise. */
  name: string;
  source: string;
  destination: string;
}

export interface ImageRow {
  /** Unique per row: one image with two tags is two rows, as in `docker images`. */
  key: string;
  id: string;
  shortId: string;
  repository: string;
  tag: string;
  /** What to hand the engine to remove this row: repo:tag, or the id for a dangling image. */
  ref: string;
  dangling: boolean;
  size: number;
  created: number;
  containers: number;
}

export interface EngineInfo {
  endpoint: string;
  /** The docker context the endpoint came from (--context, DOCKER_CONTEXT, config.json). */
  context?: string;
  serverVersion: string;
  /** 'Podman' when Podman's Docker-compatible socket answers (engine-product.ts); absent: Docker. */
  product?: 'Docker' | 'Podman';
  apiVersion: string;
  minApiVersion?: string;
  os: string;
  arch: string;
}

export interface LogLine {
  /** Engine timestamp (RFC3339Nano) of the line; used to resume without gaps. */
  ts: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface TopResult {
  titles: string[];
  processes: string[][];
}

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove';

export interface EngineEvent {
  type: string;
  action: string;
  id: string;
  time: number;
  attributes: Record<string, string>;
}

/** A line as the engine sent it, with where its text starts after the timestamp. */
export interface RawLogLine extends LogLine {
  /** "<timestamp> <text>", or just the text when the engine sent no stamp. */
  raw: string;
  /** Index of the text in `raw` (0 when there is no timestamp). */
  textStart: number;
}
