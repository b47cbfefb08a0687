import { join } from "node:path";
import { build, preview } from "vite";
import type { TestProject } from "vitest/node";
import { startLocalWorker, type LocalWorkerInfo } from "./local-worker.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built pane (dist/addin) on 127.0.0.1. */
    siteUrl: string;
    /** The real Worker (wrangler dev, fresh seeded state); the pane's origin is allowed by CORS. */
    worker: LocalWorkerInfo;
  }
}

const ROOT = new URL("../..", import.meta.url).pathname;

/**
 * Before the browser tests, the README's own route: build the pane, serve it with vite preview
 * (`npm run build:addin:preview`) on http://localhost:3000, or the next free port when another run
 * holds 3000, and start the real Worker as `npm start` does (wrangler dev, LOCAL_DEV: the pane on
 * this machine is allowed by CORS without naming its origin). The Worker starts while the pane
 * builds (E2E_SKIP_BUILD=1 skips the build). The teardown stops the Worker's whole process group
 * and removes its state, and closes the preview server, whether the tests passed or not.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configFile = join(ROOT, "addin", "vite.config.ts");
  let worker: Awaited<ReturnType<typeof startLocalWorker>> | null = null;
  let site: Awaited<ReturnType<typeof preview>> | null = null;
  try {
    const t0 = Date.now();
    worker = await startLocalWorker();
    if (process.env.E2E_SKIP_BUILD !== "1") await build({ configFile, logLevel: "warn" });
    site = await preview({ configFile, logLevel: "warn", preview: { host: "localhost", port: 3000, strictPort: false } });
    const siteUrl = (site.resolvedUrls?.local[0] ?? "").replace(/\/$/, "");
    if (!siteUrl.startsWith("http://localhost:")) throw new Error(`vite preview is not on http://localhost (got ${siteUrl || "nothing"})`);
    const { stop: _stop, ...info } = await worker.ready;
    console.log(`[e2e] pane ${siteUrl} (vite preview), Worker ${info.url} (wrangler dev, seeded) ready in ${Date.now() - t0} ms`);
    project.provide("siteUrl", siteUrl);
    project.provide("worker", info);
  } catch (e) {
    await worker?.stop();
    await site?.close();
    throw e;
  }
  return async () => {
    await worker?.stop();
    await site?.close();
  };
}
