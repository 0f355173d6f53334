import { defineConfig } from 'vitest/config';

// Three projects. `unit` and `ui` need no engine and no bundle, so they start no dockerd
// (`npm run test:unit`); `e2e` builds the bundle and provides an engine first (`npm run test:e2e`).
// A test that needs the engine or bin/dtui belongs in test/e2e (or is one of the harness
// self-tests listed below).
const E2E_ONLY = ['test/support/engine.test.ts', 'test/support/pty-harness.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Global teardown stops dockerd (SIGTERM, then SIGKILL); vitest's default 10 s close
    // budget would otherwise process.exit() mid-teardown and leak the daemon.
    teardownTimeout: 60_000,
    // Child processes (node-pty, dockerd clients) are safer in forks than in worker threads.
    pool: 'forks',
    // CI has 2 cores and the e2e pty tests each run a full TUI: two files at a time.
    maxWorkers: 2,
    fileParallelism: true,
    // The extra reporter prints a plain "N passed, N failed, N skipped" line for CI.
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'ui', include: ['test/ui/**/*.test.{ts,tsx}', 'src/**/*.test.tsx'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.{ts,tsx}', ...E2E_ONLY],
          // Builds dist/ (bin/dtui runs it), then starts a private dockerd (or checks
          // DTUI_TEST_DOCKER_HOST) and imports the test image.
          globalSetup: ['test/build-bundle.ts', 'test/global-setup.ts'],
        },
      },
    ],
  },
});
