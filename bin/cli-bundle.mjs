// The CLI as one esbuild bundle in node_modules/.cache/party-ledger, built on first use and
// rebuilt whenever a source it was built from changes: starting it costs a fraction of
// running the TypeScript through tsx. `npm run build:cli` (this file run directly) builds it ahead.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CACHE = join(ROOT, "node_modules", ".cache", "party-ledger");
const LATEST = join(CACHE, "latest.json");
// Bump when the build options below change, so older bundles are not reused.
const BUILD_KEY = "esm-node20-split-v1";
// A source saved this close to (or during) a build may be newer than what esbuild read.
const SETTLE_MS = 2000;
const SWEEP_AFTER_MS = 24 * 3600 * 1000;

/** Hash of the build options and every input's path, size and modification time. */
function fingerprint(inputs) {
  const h = createHash("sha1").update(BUILD_KEY);
  for (const p of inputs) {
    const s = statSync(join(ROOT, p));
    h.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return h.digest("hex").slice(0, 16);
}

/** The bundle's entry file if one matches the sources on disk now, else null. */
export function findBundle() {
  try {
    const { inputs } = JSON.parse(readFileSync(LATEST, "utf8"));
    const entry = join(CACHE, fingerprint(inputs), "main.js");
    return existsSync(entry) ? entry : null;
  } catch {
    return null;
  }
}

/** Builds the bundle; returns its entry file. Several processes may build at once. */
export async function buildBundle() {
  const esbuild = await import("esbuild");
  mkdirSync(CACHE, { recursive: true });
  const tmp = join(CACHE, `tmp-${process.pid}-${Date.now()}`);
  const started = Date.now();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ["cli/main.ts"],
    outdir: tmp,
    bundle: true,
    splitting: true, // ExcelJS stays behind the dynamic import that --annotate takes
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    metafile: true,
    logLevel: "silent",
  });
  const inputs = [...Object.keys(result.metafile.inputs), "tsconfig.json"].sort();
  const settled = inputs.every((p) => statSync(join(ROOT, p)).mtimeMs < started - SETTLE_MS);
  if (!settled) {
    // Good for this run only; the next one builds again.
    process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));
    return join(tmp, "main.js");
  }
  const dir = join(CACHE, fingerprint(inputs));
  try {
    renameSync(tmp, dir);
  } catch {
    // another process kept the same build first
  }
  if (!existsSync(join(dir, "main.js"))) return join(tmp, "main.js");
  rmSync(tmp, { recursive: true, force: true });
  const next = `${LATEST}.${process.pid}`;
  writeFileSync(next, JSON.stringify({ inputs }));
  renameSync(next, LATEST);
  sweep(dir);
  return join(dir, "main.js");
}

/** Removes builds not touched for a day (a running process may still load chunks of a recent one). */
function sweep(keep) {
  for (const name of readdirSync(CACHE)) {
    const p = join(CACHE, name);
    if (p === keep || p === LATEST) continue;
    try {
      if (Date.now() - statSync(p).mtimeMs > SWEEP_AFTER_MS) rmSync(p, { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await buildBundle());
}
