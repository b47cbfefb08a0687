import type { Bindings } from "../env.js";
import { parseBlobKey, referencedKeys, type BlobRef } from "../db/blobrefs.js";
import { getState, setState } from "../db/maintenance.js";
import { WRITTEN_AT } from "./blobs.js";
import { nowIso } from "./hash.js";

/**
 * Orphan-blob sweep. A submission (lib/submit.ts) or a publication (lib/publish.ts) writes its
 * content-addressed R2 blobs first and its D1 batch second; a failure in between deletes what
 * it created, but a process killed in between cannot, and leaves blobs that no row references.
 * The sweep walks the bucket in key order, a bounded number of objects per run, and deletes
 * objects that are (1) of a shape this Worker writes, (2) older than a grace period, so
 * submissions still in flight are left alone, and (3) referenced by no D1 row.
 *
 * One race remains with a request that reuses an old orphan (same content, so its create-only
 * put finds the key and writes nothing) and commits its row while the sweep deletes: the sweep
 * reads each doomed body before deleting it, asks D1 again afterwards and puts back any key that
 * became referenced; the writer, after its commit, re-puts a reused key it no longer finds.
 */
export const SWEEP_GRACE_MS = 10 * 60_000;
/** Objects looked at per scheduled run (R2 lists at most 1,000 per call). */
export const SWEEP_MAX_OBJECTS = 5000;
/** Bodies held in memory at once while deleting (the put-back above needs them). */
const DELETE_BATCH_BYTES = 16 * 1024 * 1024;
const DELETE_BATCH_KEYS = 50;
const STATE = "blob-sweep.start-after";

export interface SweepOptions {
  /** Blobs younger than this are never deleted (default 10 minutes). */
  graceMs?: number;
  /** Objects listed in this run, at most (default 5,000). */
  maxObjects?: number;
  /** Continue the walk after this key (the `next` of the previous run). */
  startAfter?: string;
  /** Only keys under this prefix, e.g. `<org>/`. */
  prefix?: string;
  /** The clock, in ms (tests). */
  now?: number;
}

export interface SweepResult {
  /** Objects listed. */
  scanned: number;
  /** Of those, younger than the grace period. */
  young: number;
  /** Of a shape the Worker does not write (never touched). */
  foreign: number;
  /** Deleted: old and unreferenced. */
  deleted: string[];
  /** Deleted, then found referenced by a row committed meanwhile, and put back. */
  restored: string[];
  /** Where the next run continues (`startAfter`); null when the walk reached the end. */
  next: string | null;
}

/** When the Worker wrote the object: its own `writtenAt` metadata if earlier, else R2's `uploaded`. */
function writtenAt(obj: R2Object): number {
  const own = Number(obj.customMetadata?.[WRITTEN_AT]);
  const uploaded = obj.uploaded.getTime();
  return Number.isFinite(own) && own > 0 ? Math.min(own, uploaded) : uploaded;
}

export async function sweepOrphanBlobs(env: Pick<Bindings, "DB" | "BLOBS">, o: SweepOptions = {}): Promise<SweepResult> {
  const graceMs = o.graceMs ?? SWEEP_GRACE_MS;
  const maxObjects = Math.max(1, o.maxObjects ?? SWEEP_MAX_OBJECTS);
  const now = o.now ?? Date.now();
  const out: SweepResult = { scanned: 0, young: 0, foreign: 0, deleted: [], restored: [], next: null };
  let startAfter = o.startAfter;
  let truncated = true;
  while (truncated && out.scanned < maxObjects) {
    const page = await env.BLOBS.list({
      prefix: o.prefix,
      startAfter,
      limit: Math.min(1000, maxObjects - out.scanned),
      include: ["customMetadata"],
    });
    truncated = page.truncated;
    const old: { ref: BlobRef; size: number }[] = [];
    for (const obj of page.objects) {
      out.scanned++;
      startAfter = obj.key;
      const ref = parseBlobKey(obj.key);
      if (!ref) out.foreign++;
      else if (now - writtenAt(obj) < graceMs) out.young++;
      else old.push({ ref, size: obj.size });
    }
    if (old.length > 0) {
      const referenced = await referencedKeys(env.DB, old.map((x) => x.ref));
      await deleteUnreferenced(env, old.filter((x) => !referenced.has(x.ref.key)), out);
    }
    if (page.objects.length === 0) break;
  }
  out.next = truncated ? (startAfter ?? null) : null;
  return out;
}

/** Delete in small groups: read, delete, ask D1 again, put back what became referenced. */
async function deleteUnreferenced(env: Pick<Bindings, "DB" | "BLOBS">, doomed: { ref: BlobRef; size: number }[], out: SweepResult) {
  let i = 0;
  while (i < doomed.length) {
    const group: BlobRef[] = [];
    let bytes = 0;
    while (i < doomed.length && group.length < DELETE_BATCH_KEYS && (group.length === 0 || bytes + doomed[i]!.size <= DELETE_BATCH_BYTES)) {
      bytes += doomed[i]!.size;
      group.push(doomed[i++]!.ref);
    }
    const bodies = new Map<string, { bytes: ArrayBuffer; http: R2HTTPMetadata; custom: Record<string, string> }>();
    for (const ref of group) {
      const obj = await env.BLOBS.get(ref.key);
      if (obj) bodies.set(ref.key, { bytes: await obj.arrayBuffer(), http: obj.httpMetadata ?? {}, custom: obj.customMetadata ?? {} });
    }
    if (bodies.size === 0) continue;
    await env.BLOBS.delete([...bodies.keys()]);
    const nowReferenced = await referencedKeys(env.DB, group.filter((r) => bodies.has(r.key)));
    for (const [key, b] of bodies) {
      if (nowReferenced.has(key)) {
        await env.BLOBS.put(key, b.bytes, { onlyIf: { etagDoesNotMatch: "*" }, httpMetadata: b.http, customMetadata: b.custom });
        out.restored.push(key);
      } else out.deleted.push(key);
    }
  }
}

/**
 * The cron trigger (wrangler.toml `[triggers]`): one bounded step of the walk, continuing where
 * the previous run stopped (D1 `maintenance_state`), starting over once it reaches the end.
 */
export async function scheduledSweep(env: Pick<Bindings, "DB" | "BLOBS">, o: Omit<SweepOptions, "startAfter"> = {}): Promise<SweepResult> {
  const startAfter = (await getState(env.DB, STATE)) ?? undefined;
  const res = await sweepOrphanBlobs(env, { ...o, startAfter });
  await setState(env.DB, STATE, res.next, nowIso());
  console.log(
    JSON.stringify({ job: "blob-sweep", from: startAfter ?? null, next: res.next, scanned: res.scanned, young: res.young, deleted: res.deleted.length, restored: res.restored.length }),
  );
  return res;
}
