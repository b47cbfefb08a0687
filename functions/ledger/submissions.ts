import type { CollectionRow, SubmissionRow } from "./rows.js";
import { all, one } from "./sql.js";

/** Version n+1 for (collection, branch), read and written in the same synchronous transaction. */
export function insertNextSubmission(sql: SqlStorage, s: Omit<SubmissionRow, "version">): number {
  const row = one<{ version: number }>(
    sql,
    `INSERT INTO submissions (collection_id, branch_id, version, org_id, submission_id, source, grid_sha256, findings_sha256,
       file_sha256, file_name, errors, warnings, infos, status, late, template_org_id, template_id, template_version,
       ruleset_id, ruleset_version, as_of, submitted_by, submitted_at, idempotency_key, grid_bytes, kept_here)
     SELECT ?1, ?2, COALESCE(MAX(version), 0) + 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
       ?20, ?21, ?22, ?23, ?24, ?25
     FROM submissions WHERE collection_id = ?1 AND branch_id = ?2
     RETURNING version`,
    s.collection_id,
    s.branch_id,
    s.org_id,
    s.submission_id,
    s.source,
    s.grid_sha256,
    s.findings_sha256,
    s.file_sha256,
    s.file_name,
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
    s.kept_here,
  );
  return row!.version;
}

export const getSubmission = (sql: SqlStorage, submissionId: string) => one<SubmissionRow>(sql, "SELECT * FROM submissions WHERE submission_id = ?", submissionId);

export const getSubmissionVersion = (sql: SqlStorage, collectionId: string, branchId: string, version: number) =>
  one<SubmissionRow>(sql, "SELECT * FROM submissions WHERE collection_id = ? AND branch_id = ? AND version = ?", collectionId, branchId, version);

export const listSubmissions = (sql: SqlStorage, collectionId: string, branchId?: string) =>
  branchId
    ? all<SubmissionRow>(sql, "SELECT * FROM submissions WHERE collection_id = ? AND branch_id = ? ORDER BY version", collectionId, branchId)
    : all<SubmissionRow>(sql, "SELECT * FROM submissions WHERE collection_id = ? ORDER BY branch_id, version", collectionId);

const LATEST = `SELECT s.* FROM submissions s JOIN (
    SELECT branch_id, MAX(version) AS v FROM submissions WHERE collection_id = ?1 GROUP BY branch_id
  ) m ON s.branch_id = m.branch_id AND s.version = m.v
  WHERE s.collection_id = ?1`;

/** The latest version per branch of one collection. */
export const latestPerBranch = (sql: SqlStorage, collectionId: string) => all<SubmissionRow>(sql, `${LATEST} ORDER BY s.branch_id`, collectionId);

/** What an export of one collection would read: how many submissions and how many bytes of grid. */
export function exportSize(sql: SqlStorage, collectionId: string, versions: "latest" | "all") {
  const from = versions === "all" ? "SELECT * FROM submissions WHERE collection_id = ?1" : LATEST;
  const row = one<{ n: number; bytes: number }>(sql, `SELECT COUNT(*) AS n, COALESCE(SUM(grid_bytes), 0) AS bytes FROM (${from})`, collectionId);
  return { submissions: row?.n ?? 0, bytes: row?.bytes ?? 0 };
}

/**
 * A branch's book for one period: every collection of that period the branch is asked to submit
 * to, oldest first, each with the branch's latest submission (null when it has not submitted).
 */
export function branchBook(sql: SqlStorage, branchId: string, period: string): { collection: CollectionRow; latest: SubmissionRow | null }[] {
  const collections = all<CollectionRow>(
    sql,
    `SELECT c.* FROM collections c JOIN collection_branches b ON b.collection_id = c.collection_id AND b.branch_id = ?
     WHERE c.period = ? ORDER BY c.created_at, c.collection_id`,
    branchId,
    period,
  );
  return collections.map((collection) => ({
    collection,
    latest: one<SubmissionRow>(sql, "SELECT * FROM submissions WHERE collection_id = ? AND branch_id = ? ORDER BY version DESC LIMIT 1", collection.collection_id, branchId),
  }));
}
