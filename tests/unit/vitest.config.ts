import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "unit",
    environment: "node",
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
    root: new URL("../..", import.meta.url).pathname,
    testTimeout: 60_000,
  },
});
