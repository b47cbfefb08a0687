import { join } from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import { startLocalWorker, type LocalWorkerInfo } from "./local-worker.js";
import { serveStatic } from "./static-server.js";

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
 * Before the browser tests: serve the pane (its origin must be known before the Worker starts,
 * for ALLOWED_ORIGINS), start the real Worker, build the pane meanwhile (E2E_SKIP_BUILD=1 skips
 * the build), then wait until the Worker answers and the demo is seeded. The teardown stops the
 * Worker's whole process group and removes its state, whether the tests passed or not.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await serveStatic(join(ROOT, "dist", "addin"));
  let worker: Awaited<ReturnType<typeof startLocalWorker>> | null = null;
  try {
    const t0 = Date.now();
    worker = await startLocalWorker({ allowedOrigins: [site.url] });
    if (process.env.E2E_SKIP_BUILD !== "1") {
      await build({ configFile: join(ROOT, "addin", "vite.config.ts"), logLevel: "warn" });
    }
    const { stop: _stop, ...info } = await worker.ready;
    console.log(`[e2e] pane ${site.url}, Worker ${info.url} (wrangler dev, seeded) ready in ${Date.now() - t0} ms`);
    project.provide("siteUrl", site.url);
    project.provide("worker", info);
  } catch (e) {
    await worker?.stop();
    await site.close();
    throw e;
  }
  return async () => {
    await worker?.stop();
    await site.close();
  };
}
