import { defineConfig } from "vitest/config";

// The task pane in web mode, in Debian chromium (playwright-core), against the real Worker
// (wrangler dev on loopback, fresh seeded state), both started by global-setup.ts.
export default defineConfig({
  test: {
    name: "e2e",
    environment: "node",
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
