import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

/** office-addin-dev-certs puts its localhost certificate here (`npx office-addin-dev-certs install`). */
function devCerts() {
  const dir = join(homedir(), ".office-addin-dev-certs");
  const key = join(dir, "localhost.key");
  const cert = join(dir, "localhost.crt");
  return existsSync(key) && existsSync(cert) ? { key: readFileSync(key), cert: readFileSync(cert) } : undefined;
}

// Two pages, one bundle: taskpane.html (loads office.js, the Excel pane) and index.html (web mode).
export default defineConfig(({ command }) => ({
  root: here,
  base: "./",
  plugins: [react()],
  publicDir: join(here, "public"),
  // engine/index.ts starts engine/ledger.worker.ts as a module worker (ES output, its own chunk).
  worker: { format: "es" as const },
  build: {
    outDir: join(here, "..", "dist", "addin"),
    // addin/functions/build.ts writes functions.js/functions.json into the same folder.
    emptyOutDir: false,
    target: "es2022",
    sourcemap: true,
    rollupOptions: {
      input: { index: join(here, "index.html"), taskpane: join(here, "taskpane.html") },
      output: {
        // React and Fluent UI as one file the pane loads at start: split across many small
        // chunks (one per lazy view that shares them) they would each be compressed apart, larger.
        codeSplitting: { groups: [{ name: "ui", test: /node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc|use-sync-external-store|embla-carousel)/ }] },
      },
    },
  },
  server: {
    port: 3000,
    strictPort: true,
    https: command === "serve" ? devCerts() : undefined,
    headers: { "Access-Control-Allow-Origin": "*" },
  },
  preview: { port: 3000, strictPort: true, https: devCerts() },
}));
