import type { Bindings } from "../env.js";
import { getState, setState } from "../db/maintenance.js";
import { ledger, tenantOf } from "../ledger/stub.js";
import { parseBlobKey } from "./blob-keys.js";
import { WRITTEN_AT } from "./blobs.js";
import { nowIso } from "./hash.js";

/**
 * Orphan-blob sweep. A submission (lib/submit.ts) or a publication (lib/publish.ts) writes its
 * content-addressed R2 blobs first and its row in the tenant's store second; a failure in between
 * deletes what it created, but a process killed in between cannot, and leaves blobs that no row
 * references. The sweep walks the bucket in key order, a bounded number of objects per run, and
 * hands the objects that are (1) of a shape this Worker writes and (2) older than a grace period
 * (so submissions still in flight are left alone) to their tenant's store, which deletes those
 * (3) no row references.
 *
 * The store checks and deletes with nothing else running on it, and notes what it deleted: a
 * request that reused an old orphan (its create-only put found the key and wrote nothing) and
 * commits afterwards is told to put it back, and does (it holds the bytes). Nobody asks R2 again.
 */
export const SWEEP_GRACE_MS = 10 * 60_000;
/** Objects looked at per scheduled run (R2 lists at most 1,000 per call). */
export const SWEEP_MAX_OBJECTS = 5000;
/** Keys handed to one store per call (it deletes them with one R2 call while nothing else runs on it). */
const DELETE_BATCH_KEYS = 100;
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
  /** Where the next run continues (`startAfter`); null when the walk reached the end. */
  next: string | null;
}

/** When the Worker wrote the object: its own `writtenAt` metadata if earlier, else R2's `uploaded`. */
function writtenAt(obj: R2Object): number {
  const own = Number(obj.customMetadata?.[WRITTEN_AT]);
  const uploaded = obj.uploaded.getTime();
  return Number.isFinite(own) && own > 0 ? Math.min(own, uploaded) : uploaded;
}

export async function sweepOrphanBlobs(env: Pick<Bindings, "BLOBS" | "LEDGER">, o: SweepOptions = {}): Promise<SweepResult> {
  const graceMs = o.graceMs ?? SWEEP_GRACE_MS;
  const maxObjects = Math.max(1, o.maxObjects ?? SWEEP_MAX_OBJECTS);
  const now = o.now ?? Date.now();
  const out: SweepResult = { scanned: 0, young: 0, foreign: 0, deleted: [], next: null };
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
    const old = new Map<string, string[]>();
    for (const obj of page.objects) {
      out.scanned++;
      startAfter = obj.key;
      const ref = parseBlobKey(obj.key);
      if (!ref) out.foreign++;
      else if (now - writtenAt(obj) < graceMs) out.young++;
      else {
        const tenant = tenantOf(ref.orgId);
        const keys = old.get(tenant) ?? [];
        keys.push(obj.key);
        old.set(tenant, keys);
      }
    }
    for (const [tenant, keys] of old) {
      for (let i = 0; i < keys.length; i += DELETE_BATCH_KEYS) {
        for (const k of await ledger(env, tenant).deleteUnreferenced(keys.slice(i, i + DELETE_BATCH_KEYS))) out.deleted.push(k);
      }
    }
    if (page.objects.length === 0) break;
  }
  out.next = truncated ? (startAfter ?? null) : null;
  return out;
}

/**
 * The cron trigger (wrangler.toml `[triggers]`): one bounded step of the walk, continuing where
 * the previous run stopped (D1 `maintenance_state`), starting over once it reaches the end.
 */
export async function scheduledSweep(env: Pick<Bindings, "DB" | "BLOBS" | "LEDGER">, o: Omit<SweepOptions, "startAfter"> = {}): Promise<SweepResult> {
  const startAfter = (await getState(env.DB, STATE)) ?? undefined;
  const res = await sweepOrphanBlobs(env, { ...o, startAfter });
  await setState(env.DB, STATE, res.next, nowIso());
  console.log(
    JSON.stringify({ job: "blob-sweep", from: startAfter ?? null, next: res.next, scanned: res.scanned, young: res.young, deleted: res.deleted.length }),
  );
  return res;
}
