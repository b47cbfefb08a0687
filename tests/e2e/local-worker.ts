/**
 * The real Worker for the browser tests: `wrangler dev` on a free loopback port with fresh state
 * in a temporary directory (local D1 migrations applied), the demo seeded through the dev-only
 * `/v1/_seed` route, and LOCAL_DEV as `npm start` sets it (the pane on localhost is allowed by CORS). Same helpers as `npm start` and
 * `npm run load` (scripts/dev-server.mjs); offline (`CLOUDFLARE_CF_FETCH_ENABLED=false`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error — plain ESM helper shared with scripts/start.mjs and bench/load.ts
import { applyMigrations, groupAlive, killGroup, seed, startWorker, waitReady } from "../../scripts/dev-server.mjs";

/** What the tests get (through vitest's provide/inject): the seed's answer, tokens included. */
export interface LocalWorkerInfo {
  url: string;
  collectionId: string;
  adminToken: string;
  /** Clerk token per demo branch (demo-b1..3). */
  clerkTokens: Record<string, string>;
}

export interface LocalWorker extends LocalWorkerInfo {
  /** Stop the whole wrangler process group (SIGTERM, then SIGKILL) and remove the state. Idempotent. */
  stop(): Promise<void>;
}

type Child = { pid?: number; exitCode: number | null };

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * Start the Worker and return once migrations are applied and wrangler is spawned; `ready`
 * resolves when it answers and the demo is seeded (so the caller can build meanwhile).
 * On any failure the process group is stopped and the state removed before the error is thrown.
 */
export async function startLocalWorker(opts: { readyTimeoutMs?: number } = {}): Promise<{ ready: Promise<LocalWorker>; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "party-ledger-e2e-"));
  const persistTo = join(dir, "state");
  const logFile = join(dir, "wrangler.log");
  let child: Child | null = null;
  let stopping: Promise<void> | null = null;

  // Safety net if vitest exits without running the teardown (e.g. killed mid-run): synchronous only.
  const onExit = () => {
    if (child?.pid && groupAlive(child.pid)) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);

  const stop = () =>
    (stopping ??= (async () => {
      if (child && !(await killGroup(child, "SIGTERM", 5_000))) await killGroup(child, "SIGKILL", 5_000);
      rmSync(dir, { recursive: true, force: true });
      process.removeListener("exit", onExit);
    })());
  const fail = async (e: unknown): Promise<never> => {
    const log = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n") : "";
    await stop();
    throw new Error(`local Worker failed: ${e instanceof Error ? e.message : String(e)}${log ? `\n--- wrangler dev (last lines) ---\n${log}` : ""}`);
  };

  try {
    applyMigrations(persistTo);
    const port = await freePort();
    const w = startWorker({ port, persistTo, logFile, detached: true }) as { child: Child; base: string; seedSecret: string };
    child = w.child;
    const ready = (async (): Promise<LocalWorker> => {
      try {
        await waitReady(w.base, w.child, opts.readyTimeoutMs ?? 60_000);
        const s = (await seed(w.base, w.seedSecret)) as { seeded: boolean; collectionId: string; adminToken: string; clerkTokens: Record<string, string> };
        if (!s.seeded) throw new Error("the demo was already seeded (state not fresh?)");
        return { url: w.base, collectionId: s.collectionId, adminToken: s.adminToken, clerkTokens: s.clerkTokens, stop };
      } catch (e) {
        return fail(e);
      }
    })();
    ready.catch(() => {}); // the caller awaits it; avoid an unhandled rejection meanwhile
    return { ready, stop };
  } catch (e) {
    return fail(e);
  }
}
