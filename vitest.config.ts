import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts", "web/e2e/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Browser tests poll the page; on 2 cores with several suites at once 1 s (the default) is short.
    expect: { poll: { timeout: 10_000 } },
  },
});
