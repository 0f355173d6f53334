// The demo's scene: a small, realistic engine to look at with dtui. Everything runs from
// the test image (static busybox, imported without any registry), tagged under names a
// real project would have, so no network is needed.
import type Docker from 'dockerode';
import { TEST_IMAGE } from '../../test/support/test-image.js';

export const PROJECT = 'demo';

interface Service {
  service: string;
  image: string;
  script: string;
  binds?: string[];
}

const SERVICES: Service[] = [
  {
    // busybox httpd logs every request (-vv), and a loop in the same container hits it:
    // the engine runs with --bridge=none, so the client has to share the loopback.
    service: 'web',
    image: 'demo/web:1.0',
    script: [
      'mkdir -p /www && echo "<h1>demo</h1>" > /www/index.html',
      'httpd -f -vv -p 8080 -h /www &',
      'while true; do',
      '  for path in / /index.html /missing /; do wget -q -O /dev/null "http://127.0.0.1:8080$path" 2>/dev/null; sleep 1; done',
      'done',
    ].join('\n'),
  },
  {
    service: 'worker',
    image: 'demo/worker:1.0',
    script: [
      'echo "worker: started, 100 batches queued"',
      'i=0',
      'while true; do',
      '  i=$((i % 100 + 1))',
      '  echo "worker: batch $i/100 done ($((i * 37 % 500)) jobs) $i%"',
      '  sleep 2',
      'done',
    ].join('\n'),
  },
  {
    service: 'db',
    image: 'demo/db:15.2',
    binds: [`${PROJECT}_db-data:/var/lib/db`],
    script: [
      'echo "db: initialising /var/lib/db"',
      'date > /var/lib/db/started',
      'echo "db: ready to accept connections on port 5432"',
      'while true; do sleep 10; echo "db: checkpoint complete"; done',
    ].join('\n'),
  },
];

/** Names of the containers the scene starts, for whoever waits for them on screen. */
export const SCENE_CONTAINERS = [...SERVICES.map((s) => `${PROJECT}-${s.service}-1`), 'nightly-backup'];

export async function buildScene(docker: Docker): Promise<void> {
  for (const ref of new Set(SERVICES.map((s) => s.image))) {
    const colon = ref.lastIndexOf(':');
    await docker.getImage(TEST_IMAGE).tag({ repo: ref.slice(0, colon), tag: ref.slice(colon + 1) });
  }
  await docker.createVolume({
    Name: `${PROJECT}_db-data`,
    Labels: { 'com.docker.compose.project': PROJECT, 'com.docker.compose.volume': 'db-data' },
  });
  for (const s of SERVICES) {
    const container = await docker.createContainer({
      name: `${PROJECT}-${s.service}-1`,
      Image: s.image,
      Cmd: ['sh', '-c', s.script],
      Labels: {
        'com.docker.compose.project': PROJECT,
        'com.docker.compose.service': s.service,
        'com.docker.compose.container-number': '1',
        'com.docker.compose.oneoff': 'False',
      },
      HostConfig: { Binds: s.binds, RestartPolicy: { Name: 'unless-stopped' } },
    });
    await container.start();
  }
  // A job that ran and failed: an exited container with a log worth reading.
  const backup = await docker.createContainer({
    name: 'nightly-backup',
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', 'echo "backup: dumping demo db"; echo "backup: 3 tables, 1204 rows"; echo "backup: upload failed: disk quota exceeded" >&2; exit 1'],
  });
  await backup.start();
  await backup.wait();
}
