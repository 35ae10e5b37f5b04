import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/generate-pte-fixtures.ts"],
    // The e2e tests export a real model; with scripts/test's suites side by side on a 2-core machine
    // one export can take a minute. A hang still ends the test.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: "forks",
    // vitest's default, one worker less than the cores, is one worker on a 2-core machine. An e2e
    // test's worker mostly waits for the action and the driver it spawned, so two files at a time
    // keep both cores busy there.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
