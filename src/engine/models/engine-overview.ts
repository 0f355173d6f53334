// What `docker version`, `docker info` and `docker system df` say, as one plain value
// for the Engine pane. The disk-usage arithmetic follows the CLI's `system df` columns.
import { sanitize } from '../../text/sanitize.js';
import { formatSize } from './format.js';
import { alignColumns } from './history.js';
import { STATS_QUIET_PERIOD_MS, STATS_SAMPLE_PERIOD_MS } from './stats.js';
import { engineProduct, type EngineProduct } from './engine-product.js';

export type PruneKind = 'containers' | 'images' | 'volumes' | 'buildCache';

export interface DiskUsageRow {
  kind: PruneKind;
  type: string;
  total: number;
  active: number;
  size: number;
  reclaimable: number;
}

export interface EngineOverview {
  /** Docker or Podman (engine-product.ts). */
  product: EngineProduct;
  serverVersion: string;
  apiVersion: string;
  minApiVersion: string;
  os: string;
  arch: string;
  osName: string;
  kernel: string;
  storageDriver: string;
  cgroupDriver: string;
  cgroupVersion: string;
  dockerRoot: string;
  cpus: number;
  memory: number;
  containers: { total: number; running: number; paused: number; stopped: number };
  images: number;
  mirrors: string[];
  insecureRegistries: string[];
  disk: DiskUsageRow[];
  diskError?: string;
}

interface DfImage {
  Containers?: number;
  Size?: number;
  SharedSize?: number;
  VirtualSize?: number;
}
interface DfContainer {
  State?: string;
  SizeRw?: number;
}
interface DfVolume {
  UsageData?: { Size?: number; RefCount?: number } | null;
}
interface DfCache {
  InUse?: boolean;
  Shared?: boolean;
  Size?: number;
}
export interface RawDf {
  LayersSize?: number;
  Images?: DfImage[] | null;
  Containers?: DfContainer[] | null;
  Volumes?: DfVolume[] | null;
  BuildCache?: DfCache[] | null;
}

const ACTIVE_STATES = new Set(['running', 'paused', 'restarting']);

/** The four rows of `docker system df`. */
export function diskUsage(df: RawDf): DiskUsageRow[] {
  const images = df.Images ?? [];
  const layers = df.LayersSize ?? 0;
  let usedByActive = 0;
  for (const i of images) {
    if (!i.Containers) continue;
    const size = i.Size ?? i.VirtualSize ?? -1;
    if (size === -1 || i.SharedSize === -1) continue;
    usedByActive += size - (i.SharedSize ?? 0);
  }
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  const sum = <T>(list: T[], size: (t: T) => number) => list.reduce((n, t) => n + Math.max(0, size(t)), 0);
  return [
    {
      kind: 'images',
      type: 'Images',
      total: images.length,
      active: images.filter((i) => (i.Containers ?? 0) > 0).length,
      size: layers,
      reclaimable: Math.max(0, layers - usedByActive),
    },
    {
      kind: 'containers',
      type: 'Containers',
      total: containers.length,
      active: containers.filter((c) => ACTIVE_STATES.has(c.State ?? '')).length,
      size: sum(containers, (c) => c.SizeRw ?? 0),
      reclaimable: sum(
        containers.filter((c) => !ACTIVE_STATES.has(c.State ?? '')),
        (c) => c.SizeRw ?? 0,
      ),
    },
    {
      kind: 'volumes',
      type: 'Local Volumes',
      total: volumes.length,
      active: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      size: sum(volumes, (v) => v.UsageData?.Size ?? 0),
      reclaimable: sum(
        volumes.filter((v) => (v.UsageData?.RefCount ?? 0) === 0),
        (v) => v.UsageData?.Size ?? 0,
      ),
    },
    {
      kind: 'buildCache',
      type: 'Build Cache',
      total: cache.length,
      active: cache.filter((c) => c.InUse).length,
      size: sum(
        cache.filter((c) => !c.Shared),
        (c) => c.Size ?? 0,
      ),
      reclaimable: sum(
        cache.filter((c) => !c.InUse && !c.Shared),
        (c) => c.Size ?? 0,
      ),
    },
  ];
}

export interface RawInfo {
  OperatingSystem?: string;
  KernelVersion?: string;
  Driver?: string;
  CgroupDriver?: string;
  CgroupVersion?: string;
  DockerRootDir?: string;
  NCPU?: number;
  MemTotal?: number;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
  RegistryConfig?: {
    Mirrors?: string[] | null;
    InsecureRegistryCIDRs?: string[] | null;
    IndexConfigs?: Record<string, { Name?: string; Mirrors?: string[] | null; Secure?: boolean }> | null;
  } | null;
}

export interface RawVersion {
  Version?: string;
  ApiVersion?: string;
  MinAPIVersion?: string;
  Os?: string;
  Arch?: string;
  KernelVersion?: string;
}

export function engineOverview(version: RawVersion, info: RawInfo, df: RawDf | undefined, negotiatedApi: string, diskError?: string): EngineOverview {
  const s = (v: unknown) => sanitize(typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));
  const rc = info.RegistryConfig ?? {};
  const mirrors = new Set<string>((rc.Mirrors ?? []).map(s));
  const insecure = new Set<string>((rc.InsecureRegistryCIDRs ?? []).map(s));
  for (const index of Object.values(rc.IndexConfigs ?? {})) {
    for (const m of index.Mirrors ?? []) mirrors.add(s(m));
    if (index.Secure === false && index.Name) insecure.add(s(index.Name));
  }
  const { product, version: productVersion } = engineProduct(version);
  return {
    product,
    serverVersion: productVersion,
    apiVersion: `${s(version.ApiVersion)} (dtui speaks ${negotiatedApi})`,
    minApiVersion: s(version.MinAPIVersion),
    os: s(version.Os),
    arch: s(version.Arch),
    osName: s(info.OperatingSystem),
    kernel: s(info.KernelVersion ?? version.KernelVersion),
    storageDriver: s(info.Driver),
    cgroupDriver: s(info.CgroupDriver),
    cgroupVersion: s(info.CgroupVersion),
    dockerRoot: s(info.DockerRootDir),
    cpus: info.NCPU ?? 0,
    memory: info.MemTotal ?? 0,
    containers: {
      total: info.Containers ?? 0,
      running: info.ContainersRunning ?? 0,
      paused: info.ContainersPaused ?? 0,
      stopped: info.ContainersStopped ?? 0,
    },
    images: info.Images ?? 0,
    mirrors: [...mirrors],
    insecureRegistries: [...insecure],
    disk: df ? diskUsage(df) : [],
    diskError,
  };
}

function percent(part: number, whole: number): string {
  return whole > 0 ? ` (${Math.floor((part * 100) / whole)}%)` : '';
}

/** The view's lines, pure so a test can read them without a terminal. */
export function overviewLines(o: EngineOverview): Array<{ text: string; heading?: boolean }> {
  const kv = (k: string, v: string) => ({ text: `${k.padEnd(20)} ${v}` });
  const c = o.containers;
  const lines: Array<{ text: string; heading?: boolean }> = [
    { text: 'Server', heading: true },
    // Podman's socket answers as a Docker engine would: say which one this is.
    kv('Version', o.product === 'Docker' ? o.serverVersion : `${o.product} ${o.serverVersion}`),
    kv('API version', `${o.apiVersion}, minimum ${o.minApiVersion}`),
    kv('OS/Arch', `${o.os}/${o.arch}`),
    kv('Operating system', o.osName),
    kv('Kernel', o.kernel),
    kv('Storage driver', o.storageDriver),
    kv('Cgroup driver', `${o.cgroupDriver}${o.cgroupVersion ? ` (cgroup v${o.cgroupVersion})` : ''}`),
    kv(o.product === 'Docker' ? 'Docker root dir' : 'Root dir', o.dockerRoot),
    kv('CPUs / memory', `${o.cpus} / ${formatSize(o.memory)}`),
    kv('Containers', `${c.total} (running ${c.running} · paused ${c.paused} · stopped ${c.stopped})`),
    kv('Images', String(o.images)),
    // How fresh the list's CPU%/MEM columns are: sampled, not streamed (src/state/stats-sampler.ts).
    kv(
      'Container stats',
      `CPU/MEM every ${STATS_SAMPLE_PERIOD_MS / 1000} s for running rows on screen (quiet ones every ${STATS_QUIET_PERIOD_MS / 1000} s); Stats tab (m) live, 1 s`,
    ),
    { text: '' },
    { text: 'Registries', heading: true },
    kv('Registry mirrors', o.mirrors.join(', ') || 'none'),
    kv('Insecure registries', o.insecureRegistries.join(', ') || 'none'),
    { text: '' },
    { text: 'Disk usage (docker system df)', heading: true },
  ];
  if (o.diskError) lines.push({ text: `disk usage unavailable: ${o.diskError}` });
  else {
    const table = alignColumns([
      ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE', 'PRUNE'],
      ...o.disk.map((d) => [
        d.type,
        String(d.total),
        String(d.active),
        formatSize(d.size),
        `${formatSize(d.reclaimable)}${percent(d.reclaimable, d.size)}`,
        { containers: 'C', images: 'I', volumes: 'V', buildCache: 'B' }[d.kind],
      ]),
    ]);
    for (const t of table) lines.push({ text: t });
  }
  return lines;
}
