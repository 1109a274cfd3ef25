import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Each file runs in its own process with its own database: singletons never leak between files.
    pool: "forks",
    isolate: true,
    // One file at a time: the race test aims replies at exact milliseconds and needs the CPU.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
