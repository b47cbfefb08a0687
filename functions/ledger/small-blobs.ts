import { all, marks, one, slices } from "./sql.js";

/** A body small enough to be kept in the store itself (migrations/ledger/0002_small_blobs.sql). */
export interface SmallBlob {
  key: string;
  body: Uint8Array;
  contentType: string;
}

/** Bits of `submissions.kept_here`: which of a row's bodies the store holds. */
export const KEPT_CONTENT = 1;
export const KEPT_REPORT = 2;

/** Would these bodies still fit the store's budget for small bodies? */
export function smallBlobsFit(sql: SqlStorage, blobs: readonly SmallBlob[], budget: number): boolean {
  const held = one<{ value: number }>(sql, "SELECT value FROM store_meta WHERE name = 'small_blob_bytes'")?.value ?? 0;
  return held + blobs.reduce((n, b) => n + b.body.byteLength, 0) <= budget;
}

/** Keep the bodies (a key already held is the same bytes: it stays as it is), counting what was added. */
export function insertSmallBlobs(sql: SqlStorage, blobs: readonly SmallBlob[], at: string): void {
  let added = 0;
  for (const b of blobs) {
    const cur = sql.exec(
      "INSERT INTO small_blobs (blob_key, body, content_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (blob_key) DO NOTHING",
      b.key,
      b.body,
      b.contentType,
      at,
    );
    if (cur.rowsWritten > 0) added += b.body.byteLength;
  }
  if (added > 0) sql.exec("UPDATE store_meta SET value = value + ? WHERE name = 'small_blob_bytes'", added);
}

/** The bodies held under these keys (a key not held is absent from the answer). */
export function readSmallBlobs(sql: SqlStorage, keys: readonly string[]): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const part of slices([...new Set(keys)])) {
    for (const r of all<{ blob_key: string; body: ArrayBuffer }>(sql, `SELECT blob_key, body FROM small_blobs WHERE blob_key IN (${marks(part.length)})`, ...part)) {
      out[r.blob_key] = new Uint8Array(r.body);
    }
  }
  return out;
}
