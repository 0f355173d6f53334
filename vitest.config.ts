import { configDefaults, defineConfig } from 'vitest/config';

// Three projects. `unit` and `ui` need no engine and no bundle, so they start no dockerd
// (`npm run test:unit`); `e2e` builds the bundle and provides an engine first (`npm run test:e2e`).
// `e2e` takes every test file under test/ outside test/unit and test/ui (test/e2e and the
// harness self-tests in test/support), so a new test file can never fall outside all three.
// The core e2e flows that also run against Podman (one file per area keeps the added wall
// time modest): list and actions, images, exec, attach, registry pull/push and tag, volumes,
// networks, logs and top, plus podman.test.ts (header, Engine pane, logs, top, stats on Podman).
// networks passes on Podman since dtui stopped waiting for Podman's slow /version and /info
// (README "Podman"); core-logs-top since the follow after Podman's first read drops every
// line of the last second read again, those before the tail included (log-replay.ts).
// logs-view since a stopped container's unended last line counts in the tail, as Docker's
// tail counts it (logs-late-headers.ts; before that the view held tail + 1 lines on Podman).
const PODMAN_E2E = [
  'test/e2e/core-actions.test.ts',
  'test/e2e/core-images.test.ts',
  'test/e2e/sessions-exec.test.ts',
  'test/e2e/sessions-attach.test.ts',
  'test/e2e/image-transfer.test.ts',
  'test/e2e/volumes.test.ts',
  'test/e2e/networks.test.ts',
  'test/e2e/core-logs-top.test.ts',
  'test/e2e/logs-view.test.ts',
  'test/e2e/podman.test.ts',
];
const UNIT = ['test/unit/**/*.test.ts', 'src/**/*.test.ts'];
const UI = ['test/ui/**/*.test.{ts,tsx}', 'src/**/*.test.tsx'];
// Test files that need a fresh module graph of their own (vi.mock of an app module).
const ISOLATED = ['test/unit/descriptor-derivations.test.ts'];

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
      // Worker threads start faster than forks: measured ~17 % less CPU for unit + ui.
      // isolate: false: each worker imports the module graph (Ink, React, the app) once, not
      // once per file — that import was over a third of unit + ui's time. Safe for files that
      // keep no state across files; a file that uses vi.mock (the mock must replace a module
      // before anything imports it) or stubs globals goes into ISOLATED, its own project.
      {
        extends: true,
        test: { name: 'unit', include: UNIT, exclude: [...configDefaults.exclude, ...ISOLATED], pool: 'threads', isolate: false },
      },
      {
        extends: true,
        test: { name: 'unit-isolated', include: ISOLATED, pool: 'threads' },
      },
      {
        extends: true,
        test: { name: 'ui', include: UI, exclude: [...configDefaults.exclude, ...ISOLATED], pool: 'threads', isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.{ts,tsx}'],
          // podman.test.ts needs the Podman engine: it runs in the `podman` project only.
          exclude: [...configDefaults.exclude, 'test/unit/**', 'test/ui/**', 'test/e2e/podman.test.ts'],
          // Builds dist/ (bin/dtui runs it), then starts a private dockerd (or checks
          // DTUI_TEST_DOCKER_HOST) and imports the test image.
          globalSetup: ['test/build-bundle.ts', 'test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The core flows a second time, against Podman's Docker-compatible socket (issue 10):
          // the same files, unchanged, with DTUI_TEST_DOCKER_HOST pointed at a private
          // `podman system service` by the setup file. Where Podman answers differently the
          // tests ask onPodman() (test/support/podman.ts), never loosening what Docker must do.
          name: 'podman',
          include: PODMAN_E2E,
          globalSetup: ['test/build-bundle.ts', 'test/podman-setup.ts'],
          setupFiles: ['test/support/use-podman.ts'],
        },
      },
    ],
  },
});
