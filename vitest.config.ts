import { defineConfig } from "vitest/config";

// One `vitest run` covers every host: the engine and CLI (Node), the Worker (inside
// workerd) and the task pane (Debian chromium). Each folder holds its own config.
export default defineConfig({
  test: {
    projects: ["tests/unit", "tests/worker", "tests/e2e"],
  },
});
