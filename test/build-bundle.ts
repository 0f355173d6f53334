// vitest globalSetup of the e2e project: builds the bundle before any e2e test runs, because
// the e2e tests execute bin/dtui → dist/. Building (esbuild, ~0.3 s of CPU) is cheaper and
// surer than comparing dist/ and src/ mtimes, and a stale bundle can never be tested.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`e2e setup: building the bundle (node scripts/build.mjs) failed:\n${stderr}`, { cause: error });
  }
}
