export interface SubmissionRow {
  org_id: string;
  collection_id: string;
  branch_id: string;
  version: number;
  submission_id: string;
  source: "json" | "xlsx";
  grid_sha256: string;
  findings_sha256: string;
  file_sha256: string | null;
  errors: number;
  warnings: number;
  infos: number;
  status: "clean" | "errors" | "wrong_template";
  late: number;
  template_org_id: string;
  template_id: string;
  template_version: number;
  ruleset_id: string;
  ruleset_version: number;
  as_of: string;
  submitted_by: string;
  submitted_at: string;
  idempotency_key: string | null;
  /** Bytes of the stored grid JSON (null for rows older than migration 0004). */
  grid_bytes: number | null;
}

/** Version n+1 for (collection, branch), assigned inside the insert (same pattern as published versions). */
export function insertSubmissionStmt(db: D1Database, s: Omit<SubmissionRow, "version">) {
  return db
    .prepare(
      `INSERT INTO submissions (org_id, collection_id, branch_id, version, submission_id, source, grid_sha256,
         findings_sha256, file_sha256, errors, warnings, infos, status, late, template_org_id, template_id,
         template_version, ruleset_id, ruleset_version, as_of, submitted_by, submitted_at, idempotency_key, grid_bytes)
       SELECT ?1, ?2, ?3, COALESCE(MAX(version), 0) + 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
         ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23
       FROM submissions WHERE org_id = ?1 AND collection_id = ?2 AND branch_id = ?3
       RETURNING version`,
    )
    .bind(
      s.org_id,
      s.collection_id,
      s.branch_id,
      s.submission_id,
      s.source,
      s.grid_sha256,
      s.findings_sha256,
      s.file_sha256,
      s.errors,
      s.warnings,
      s.infos,
      s.status,
      s.late,
      s.template_org_id,
      s.template_id,
      s.template_version,
      s.ruleset_id,
      s.ruleset_version,
      s.as_of,
      s.submitted_by,
      s.submitted_at,
      s.idempotency_key,
      s.grid_bytes,
    );
}

export const getSubmission = (db: D1Database, submissionId: string) =>
  db.prepare("SELECT * FROM submissions WHERE submission_id = ?").bind(submissionId).first<SubmissionRow>();

export const getSubmissionVersion = (
  db: D1Database,
  orgId: string,
  collectionId: string,
  branchId: string,
  version: number,
) =>
  db
    .prepare("SELECT * FROM submissions WHERE org_id = ? AND collection_id = ? AND branch_id = ? AND version = ?")
    .bind(orgId, collectionId, branchId, version)
    .first<SubmissionRow>();

export async function listSubmissions(db: D1Database, orgId: string, collectionId: string, branchId?: string) {
  const sql =
    "SELECT * FROM submissions WHERE org_id = ? AND collection_id = ?" +
    (branchId ? " AND branch_id = ?" : "") +
    " ORDER BY branch_id, version";
  const args = branchId ? [orgId, collectionId, branchId] : [orgId, collectionId];
  const { results } = await db.prepare(sql).bind(...args).all<SubmissionRow>();
  return results;
}

/** The latest version per branch of one collection. */
export async function latestPerBranch(db: D1Database, orgId: string, collectionId: string) {
  const { results } = await db
    .prepare(
      `SELECT s.* FROM submissions s JOIN (
         SELECT branch_id, MAX(version) AS v FROM submissions WHERE org_id = ? AND collection_id = ? GROUP BY branch_id
       ) m ON s.branch_id = m.branch_id AND s.version = m.v
       WHERE s.org_id = ? AND s.collection_id = ? ORDER BY s.branch_id`,
    )
    .bind(orgId, collectionId, orgId, collectionId)
    .all<SubmissionRow>();
  return results;
}

/** Is this blob still referenced by a submission row? (before deleting an orphan after a failed write) */
export async function gridShaReferenced(db: D1Database, orgId: string, sha: string) {
  const row = await db
    .prepare("SELECT 1 AS x FROM submissions WHERE org_id = ?1 AND (grid_sha256 = ?2 OR findings_sha256 = ?2 OR file_sha256 = ?2) LIMIT 1")
    .bind(orgId, sha)
    .first();
  return row !== null;
}

/**
 * What an export of one collection would read, from D1 alone: submissions, their stored grid
 * bytes, and how many rows predate `grid_bytes` (their size must be asked of R2).
 */
export async function exportSize(db: D1Database, orgId: string, collectionId: string, versions: "latest" | "all") {
  const from =
    versions === "all"
      ? "submissions s WHERE s.org_id = ?1 AND s.collection_id = ?2"
      : `submissions s JOIN (
           SELECT branch_id, MAX(version) AS v FROM submissions WHERE org_id = ?1 AND collection_id = ?2 GROUP BY branch_id
         ) m ON s.branch_id = m.branch_id AND s.version = m.v
         WHERE s.org_id = ?1 AND s.collection_id = ?2`;
  const row = await db
    .prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(s.grid_bytes), 0) AS bytes, SUM(s.grid_bytes IS NULL) AS unknown FROM ${from}`)
    .bind(orgId, collectionId)
    .first<{ n: number; bytes: number; unknown: number | null }>();
  return { submissions: row?.n ?? 0, bytes: row?.bytes ?? 0, unknown: row?.unknown ?? 0 };
}
