import { defineConfig } from "vitest/config";

/**
 * Two groups, one after the other: server and unit tests two files at a time (each has its own
 * databases, ports and temporary files), then the browser tests one file at a time (a Chromium and a
 * server each). On 2 cores: server tests 536 s instead of ~1,090 s one at a time; browser tests two
 * at a time took 780 s instead of 946 s, each file 1.7× slower, too little gain for the timeouts
 * it brings closer (measured 2026-12-06, docs/benchmarks.md "Test suite"). Server workers keep
 * their modules between files (`isolate: false`): 472 s → 277–299 s (2026-12-07).
 */
/** Server tests that replace a module with `vi.mock`: never in a worker whose modules others share. */
const MOCKING = ["src/domain/answer-sheet/answer-sheet.scale.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Browser tests poll the page; on 2 cores with several suites at once 1 s (the default) is short.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
          exclude: [...MOCKING],
          // The CLI transpiled once for the tests that start `guatu` processes.
          globalSetup: ["test/global-setup.ts"],
          // Each worker runs its files with the modules it has loaded kept (each file has its own
          // databases and apps): the modules' import was 118 s of the group's time.
          isolate: false,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // Files that replace a module (vi.mock) run in modules of their own.
          name: "server-mocking",
          include: [...MOCKING],
          maxWorkers: 1,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["web/e2e/**/*.test.ts"],
          // Builds web/dist when missing and loads the demo once for every harness to copy.
          globalSetup: ["web/e2e/global-setup.ts"],
          // One worker runs every file with the modules it has loaded (the app, playwright) kept:
          // each harness has its own database, app and Chromium.
          isolate: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
