import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Starts a private dockerd (or checks DTUI_TEST_DOCKER_HOST) and imports the test image.
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
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
  },
});
