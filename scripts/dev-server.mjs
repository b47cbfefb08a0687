// Helpers shared by `npm start` and `npm run load`: local D1 migrations, wrangler dev on
// loopback (no account, no network), readiness wait and the one-time demo seed.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WRANGLER = path.join(ROOT, "node_modules", ".bin", "wrangler");

/** Offline and quiet: no Request.cf download, no metrics, logs kept under .wrangler/. */
export const OFFLINE_ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_LOG_PATH: path.join(ROOT, ".wrangler", "logs"),
  CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV: "false",
  CI: "true", // no interactive confirmation prompts
};

export function applyMigrations(persistTo) {
  const args = ["d1", "migrations", "apply", "DB", "--local"];
  if (persistTo) args.push("--persist-to", persistTo);
  const r = spawnSync(WRANGLER, args, { cwd: ROOT, env: OFFLINE_ENV, encoding: "utf8" });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`wrangler d1 migrations apply failed (exit ${r.status})`);
  }
  return r.stdout;
}

/**
 * Starts `wrangler dev` on 127.0.0.1 with the demo seed route enabled for this process only.
 * `detached`: wrangler leads its own process group (with workerd and esbuild under it), so
 * `killGroup` can stop all of it at once, e.g. SIGKILL for `npm run load`'s fault run.
 * `logFile`: wrangler's stdout and stderr go to this file (appended) instead of the terminal.
 */
export function startWorker({ port = 8787, persistTo, quiet = false, vars = {}, detached = false, logFile } = {}) {
  const seedSecret = randomBytes(24).toString("hex");
  const args = ["dev", "--local", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false"];
  if (persistTo) args.push("--persist-to", persistTo);
  // LOCAL_DEV: the pane on this machine (the README's http://localhost:3000, or https) may call this Worker.
  for (const [k, v] of Object.entries({ DEMO_SEED: "1", SEED_SECRET: seedSecret, LOCAL_DEV: "1", ...vars })) args.push("--var", `${k}:${v}`);
  const fd = logFile ? openSync(logFile, "a") : null;
  const out = fd ?? (quiet ? "ignore" : "inherit");
  const child = spawn(WRANGLER, args, { cwd: ROOT, env: OFFLINE_ENV, detached, stdio: ["ignore", out, out] });
  if (fd !== null) closeSync(fd); // the child keeps its own copy
  const base = `http://127.0.0.1:${port}`;
  return { child, base, seedSecret };
}

/** Does something already listen on 127.0.0.1:`port` (e.g. another `npm start`)? */
export function portInUse(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (e) => resolve(e.code === "EADDRINUSE" || e.code === "EACCES"));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

/** Is any process of the group led by `pid` still alive? */
export function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Signal the whole process group of a `detached` worker (wrangler, workerd, esbuild) and wait,
 * up to `timeoutMs`, until none of it is left. Only ever the group this script started.
 */
export async function killGroup(child, signal = "SIGTERM", timeoutMs = 10_000) {
  if (!child.pid) return true;
  try {
    process.kill(-child.pid, signal);
  } catch {
    return true; // already gone
  }
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!groupAlive(child.pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !groupAlive(child.pid);
}

export async function waitReady(base, child, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`wrangler dev not ready after ${timeoutMs} ms`);
}

/** POST /v1/_seed: tokens come back only the first time (idempotent on restart). */
export async function seed(base, seedSecret) {
  const r = await fetch(`${base}/v1/_seed`, { method: "POST", headers: { "x-seed-secret": seedSecret } });
  const body = await r.json();
  if (r.status !== 200 && r.status !== 201) throw new Error(`seed failed: ${r.status} ${JSON.stringify(body)}`);
  return body;
}

export function stopOnSignals(child) {
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      if (child.exitCode === null) child.kill("SIGTERM");
    });
  }
}
