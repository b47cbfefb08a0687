/** Published rule set, template and organisation mapping versions (immutable rows; bodies in R2). */
export type DocKind = "ruleset" | "template" | "mapping";

export interface VersionRow {
  org_id: string;
  kind: DocKind;
  doc_id: string;
  version: number;
  sha256: string;
  r2_key: string;
  size: number;
  title: string;
  created_by: string;
  created_at: string;
}

/**
 * Version n+1 in one statement: INSERT … SELECT max+1. D1 runs a batch as one transaction
 * on a single-threaded primary, and the primary key (org, kind, id, version) turns any
 * duplicate into a constraint error that the caller retries.
 */
export function insertNextVersionStmt(db: D1Database, v: Omit<VersionRow, "version">) {
  return db
    .prepare(
      `INSERT INTO published_versions (org_id, kind, doc_id, version, sha256, r2_key, size, title, created_by, created_at)
       SELECT ?1, ?2, ?3, COALESCE(MAX(version), 0) + 1, ?4, ?5, ?6, ?7, ?8, ?9
       FROM published_versions WHERE org_id = ?1 AND kind = ?2 AND doc_id = ?3
       RETURNING version`,
    )
    .bind(v.org_id, v.kind, v.doc_id, v.sha256, v.r2_key, v.size, v.title, v.created_by, v.created_at);
}

/** The owner nearest to the caller among `orgIds` (ordered nearest first) that has published `docId`. */
export async function findVersion(
  db: D1Database,
  kind: DocKind,
  docId: string,
  orgIds: string[],
  version?: number,
): Promise<VersionRow | null> {
  if (orgIds.length === 0) return null;
  const ids = orgIds.slice(0, 90); // ≤ 100 bound parameters
  const marks = ids.map(() => "?").join(", ");
  const sql = version
    ? `SELECT * FROM published_versions WHERE org_id IN (${marks}) AND kind = ? AND doc_id = ? AND version = ?`
    : `SELECT p.* FROM published_versions p
       JOIN (SELECT org_id, MAX(version) AS v FROM published_versions WHERE org_id IN (${marks}) AND kind = ? AND doc_id = ? GROUP BY org_id) m
       ON p.org_id = m.org_id AND p.version = m.v AND p.kind = ? AND p.doc_id = ?`;
  const args: unknown[] = version ? [...ids, kind, docId, version] : [...ids, kind, docId, kind, docId];
  const { results } = await db.prepare(sql).bind(...args).all<VersionRow>();
  if (results.length === 0) return null;
  results.sort((a, b) => ids.indexOf(a.org_id) - ids.indexOf(b.org_id));
  return results[0] ?? null;
}

/** The latest version of one document of one owner, or null when it has none. */
export async function latestVersion(db: D1Database, kind: DocKind, docId: string, orgId: string): Promise<VersionRow | null> {
  return db
    .prepare("SELECT * FROM published_versions WHERE org_id = ? AND kind = ? AND doc_id = ? ORDER BY version DESC LIMIT 1")
    .bind(orgId, kind, docId)
    .first<VersionRow>();
}

export async function listVersions(db: D1Database, kind: DocKind, docId: string, orgId: string) {
  const { results } = await db
    .prepare(
      "SELECT * FROM published_versions WHERE org_id = ? AND kind = ? AND doc_id = ? ORDER BY version",
    )
    .bind(orgId, kind, docId)
    .all<VersionRow>();
  return results;
}

/** Latest version of every document of `kind` owned by any of `orgIds`. */
export async function listLatest(db: D1Database, kind: DocKind, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  const ids = orgIds.slice(0, 90);
  const marks = ids.map(() => "?").join(", ");
  const { results } = await db
    .prepare(
      `SELECT p.* FROM published_versions p
       JOIN (SELECT org_id, doc_id, MAX(version) AS v FROM published_versions WHERE org_id IN (${marks}) AND kind = ? GROUP BY org_id, doc_id) m
       ON p.org_id = m.org_id AND p.doc_id = m.doc_id AND p.version = m.v AND p.kind = ?
       ORDER BY p.org_id, p.doc_id`,
    )
    .bind(...ids, kind, kind)
    .all<VersionRow>();
  return results;
}
