export interface IdempotencyRow {
  org_id: string;
  idem_key: string;
  request_sha256: string;
  submission_id: string;
  created_at: string;
}

export const findIdempotency = (db: D1Database, orgId: string, key: string) =>
  db
    .prepare("SELECT * FROM idempotency_keys WHERE org_id = ? AND idem_key = ?")
    .bind(orgId, key)
    .first<IdempotencyRow>();

/** Plain INSERT: a concurrent request holding the same key makes the whole batch fail and roll back. */
export const insertIdempotencyStmt = (db: D1Database, r: IdempotencyRow) =>
  db
    .prepare(
      "INSERT INTO idempotency_keys (org_id, idem_key, request_sha256, submission_id, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(r.org_id, r.idem_key, r.request_sha256, r.submission_id, r.created_at);
