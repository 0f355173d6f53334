import { describe, expect, it } from 'vitest';
import { diskUsage, engineOverview } from '../../src/engine/models/engine-overview.js';

describe('docker system df arithmetic', () => {
  it('computes total, active, size and reclaimable like the CLI', () => {
    const rows = diskUsage({
      LayersSize: 1000,
      Images: [
        { Containers: 1, Size: 600, SharedSize: 100 },
        { Containers: 0, Size: 400, SharedSize: 100 },
      ],
      Containers: [
        { State: 'running', SizeRw: 10 },
        { State: 'exited', SizeRw: 30 },
      ],
      Volumes: [{ UsageData: { Size: 50, RefCount: 1 } }, { UsageData: { Size: 70, RefCount: 0 } }, { UsageData: { Size: -1, RefCount: 0 } }],
      BuildCache: [
        { InUse: true, Size: 5 },
        { InUse: false, Size: 7 },
        { InUse: false, Shared: true, Size: 9 },
      ],
    });
    expect(rows).toEqual([
      { kind: 'images', type: 'Images', total: 2, active: 1, size: 1000, reclaimable: 500 },
      { kind: 'containers', type: 'Containers', total: 2, active: 1, size: 40, reclaimable: 30 },
      { kind: 'volumes', type: 'Local Volumes', total: 3, active: 1, size: 120, reclaimable: 70 },
      { kind: 'buildCache', type: 'Build Cache', total: 3, active: 1, size: 12, reclaimable: 7 },
    ]);
  });

  it('handles an empty engine (nulls everywhere)', () => {
    expect(diskUsage({ Images: null, Containers: null, Volumes: null, BuildCache: null }).every((r) => r.total === 0 && r.size === 0)).toBe(true);
  });
});

describe('engine overview', () => {
  it('collects mirrors and insecure registries from RegistryConfig, sanitized', () => {
    const o = engineOverview(
      { Version: '20.10', ApiVersion: '1.41', MinAPIVersion: '1.12', Os: 'linux', Arch: 'amd64' },
      {
        Driver: 'overlay2',
        CgroupDriver: 'systemd',
        CgroupVersion: '2',
        ContainersRunning: 2,
        ContainersStopped: 1,
        Containers: 3,
        RegistryConfig: {
          Mirrors: ['https://mirror.example.test/'],
          InsecureRegistryCIDRs: ['127.0.0.0/8'],
          IndexConfigs: {
            'docker.io': { Name: 'docker.io', Mirrors: ['https://mirror.example.test/'], Secure: true },
            'reg.local:5000': { Name: 'reg.local:5000\x1b[2J', Mirrors: [], Secure: false },
          },
        },
      },
      undefined,
      '1.41',
    );
    expect(o.mirrors).toEqual(['https://mirror.example.test/']);
    expect(o.insecureRegistries).toEqual(['127.0.0.0/8', 'reg.local:5000']);
    expect(o.containers).toEqual({ total: 3, running: 2, paused: 0, stopped: 1 });
    expect(o.cgroupVersion).toBe('2');
    expect(o.disk).toEqual([]);
  });
});
