// A real two-node swarm on this machine, owned by one test file: two private dockerds
// (own data/exec roots, sockets, pidfiles, containerd namespaces and swarm ports). The
// first runs `swarm init` on 127.0.0.1, the second joins it as a worker with the join
// token. Both get the test image (a service's tasks run only where their image exists:
// nothing here can pull). Through the Engine API only (dockerode), like the rest of the
// test support. The shared test engine is never made a swarm node: other files' lists
// would see swarm networks and a changed `info`.
//
// Facts measured here (dockerd 20.10, --bridge=none --iptables=false): init, join, services
// without published ports, scaling, drain, rolling updates and /services/{id}/logs across
// both nodes work. Both nodes report the same hostname (this machine's), so tests tell
// nodes apart by id. Published ports (ingress routing mesh) and overlay networks between
// the nodes need iptables and a bridge, which the private engines never touch: untested.
import { mkdtempSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import type Docker from 'dockerode';
import { freePort, startEngine, stopEngine, type EngineInfo } from './dockerd.js';
import { dockerFor } from './engine.js';
import { killShims, unmountBelow } from './private-engine.js';
import { ensureTestImage } from './test-image.js';
import { waitFor } from './wait.js';

export interface SwarmNode {
  info: EngineInfo;
  docker: Docker;
  /** The node's swarm id (as GET /nodes lists it). */
  nodeId: string;
  /** 127.0.0.1:PORT it listens on and advertises for swarm traffic. */
  swarmAddr: string;
}

export interface TestSwarm {
  manager: SwarmNode;
  worker: SwarmNode;
  dispose(): Promise<void>;
}

interface NodeAnswer {
  ID: string;
  Status?: { State?: string };
}

async function startNode(prefix: string): Promise<{ dir: string; info: EngineInfo; docker: Docker }> {
  // Short prefix: containerd's sockets live below it and sun_path is 108 bytes.
  const dir = mkdtempSync(prefix);
  const info = await startEngine(dir);
  const docker = dockerFor(info.dockerHost, undefined, 60_000);
  await ensureTestImage(docker, dir);
  return { dir, info, docker };
}

async function localNodeId(docker: Docker): Promise<string> {
  const info = (await docker.info()) as { Swarm?: { NodeID?: string } };
  return info.Swarm?.NodeID ?? '';
}

/** Starts both engines, makes the swarm and waits until the manager sees both nodes ready. */
export async function startTestSwarm(): Promise<TestSwarm> {
  const started: Array<{ dir: string; docker: Docker }> = [];
  const dispose = async (): Promise<void> => {
    // Leave first (worker, then manager) so neither engine waits on the other at shutdown.
    for (const n of [...started].reverse()) await n.docker.swarmLeave({ force: true }).catch(() => undefined);
    for (const n of started) {
      await stopEngine(n.dir).catch(() => undefined);
      killShims(basename(n.dir));
      unmountBelow(n.dir);
      try {
        rmSync(n.dir, { recursive: true, force: true });
      } catch {
        // A mount left by a killed engine: harmless in /tmp.
      }
    }
  };
  try {
    const m = await startNode('/tmp/sm-');
    started.push(m);
    const w = await startNode('/tmp/sw-');
    started.push(w);
    const managerAddr = `127.0.0.1:${await freePort()}`;
    const workerAddr = `127.0.0.1:${await freePort()}`;
    // The port in both ListenAddr and AdvertiseAddr, or the join fails (measured).
    await m.docker.swarmInit({ ListenAddr: managerAddr, AdvertiseAddr: managerAddr, ForceNewCluster: false });
    const swarm = (await m.docker.swarmInspect()) as { JoinTokens: { Worker: string } };
    await w.docker.swarmJoin({ ListenAddr: workerAddr, AdvertiseAddr: workerAddr, RemoteAddrs: [managerAddr], JoinToken: swarm.JoinTokens.Worker });
    const manager: SwarmNode = { info: m.info, docker: m.docker, nodeId: await localNodeId(m.docker), swarmAddr: managerAddr };
    const worker: SwarmNode = { info: w.info, docker: w.docker, nodeId: await localNodeId(w.docker), swarmAddr: workerAddr };
    await waitFor(
      async () => {
        const nodes = (await m.docker.listNodes()) as NodeAnswer[];
        return nodes.length === 2 && nodes.every((n) => n.Status?.State === 'ready');
      },
      { timeout: 30_000, interval: 200, message: 'both swarm nodes to be ready' },
    );
    return { manager, worker, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

/** Service tasks the manager lists for `service` that run (or should), with their node ids. */
export async function runningTasks(docker: Docker, service: string): Promise<Array<{ id: string; nodeId: string; slot: number; image: string }>> {
  const tasks = (await docker.listTasks({ filters: { service: [service], 'desired-state': ['running'] } })) as Array<{
    ID: string;
    NodeID?: string;
    Slot?: number;
    Status?: { State?: string };
    Spec?: { ContainerSpec?: { Image?: string } };
  }>;
  return tasks
    .filter((t) => t.Status?.State === 'running')
    .map((t) => ({ id: t.ID, nodeId: t.NodeID ?? '', slot: t.Slot ?? 0, image: t.Spec?.ContainerSpec?.Image ?? '' }));
}
