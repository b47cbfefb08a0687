import type { Bindings } from "../env.js";

/**
 * What a department's store keeps of submissions' bodies itself (ledger/small-blobs.ts): each body
 * up to `max` bytes (a branch's ledger of a few hundred rows and its report), while it holds at
 * most `budget` bytes of them in all, well inside a Durable Object's 10 GB. A body over either goes
 * to R2. `max` 0 keeps every body in R2.
 */
const DEFAULT_MAX = 64 * 1024;
const DEFAULT_BUDGET = 2 * 1024 ** 3;

export function smallBlobLimits(env: Pick<Bindings, "SMALL_BLOB_MAX_BYTES" | "SMALL_BLOB_BUDGET_BYTES">): { max: number; budget: number } {
  const max = env.SMALL_BLOB_MAX_BYTES === undefined || env.SMALL_BLOB_MAX_BYTES === "" ? DEFAULT_MAX : Number(env.SMALL_BLOB_MAX_BYTES);
  const budget = Number(env.SMALL_BLOB_BUDGET_BYTES) > 0 ? Number(env.SMALL_BLOB_BUDGET_BYTES) : DEFAULT_BUDGET;
  return { max: Number.isFinite(max) && max > 0 ? max : 0, budget };
}
