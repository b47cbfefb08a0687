import type { DocKind, VersionRow } from "./rows.js";
import { all, marks, one, slices } from "./sql.js";
import { appendAll } from "../../shared/util/append-all.js";

/**
 * Version n+1 of a document, in the object's single-writer order: read the highest number and
 * insert the next in the same synchronous transaction, so two publications can never get the same
 * number and nobody retries.
 */
export function insertNextVersion(sql: SqlStorage, v: Omit<VersionRow, "version">): number {
  const row = one<{ version: number }>(
    sql,
    `INSERT INTO published_versions (org_id, kind, doc_id, version, sha256, r2_key, size, title, created_by, created_at)
     SELECT ?1, ?2, ?3, COALESCE(MAX(version), 0) + 1, ?4, ?5, ?6, ?7, ?8, ?9
     FROM published_versions WHERE org_id = ?1 AND kind = ?2 AND doc_id = ?3
     RETURNING version`,
    v.org_id,
    v.kind,
    v.doc_id,
    v.sha256,
    v.r2_key,
    v.size,
    v.title,
    v.created_by,
    v.created_at,
  );
  return row!.version;
}

/** The owner nearest to the caller among `orgIds` (nearest first) that has published `docId` (that version, or its latest). */
export function findVersion(sql: SqlStorage, kind: DocKind, docId: string, orgIds: string[], version?: number): VersionRow | null {
  const ids = orgIds.slice(0, 90);
  if (ids.length === 0) return null;
  const rows = version
    ? all<VersionRow>(sql, `SELECT * FROM published_versions WHERE org_id IN (${marks(ids.length)}) AND kind = ? AND doc_id = ? AND version = ?`, ...ids, kind, docId, version)
    : all<VersionRow>(
        sql,
        `SELECT p.* FROM published_versions p
         JOIN (SELECT org_id, MAX(version) AS v FROM published_versions WHERE org_id IN (${marks(ids.length)}) AND kind = ? AND doc_id = ? GROUP BY org_id) m
         ON p.org_id = m.org_id AND p.version = m.v AND p.kind = ? AND p.doc_id = ?`,
        ...ids,
        kind,
        docId,
        kind,
        docId,
      );
  rows.sort((a, b) => ids.indexOf(a.org_id) - ids.indexOf(b.org_id));
  return rows[0] ?? null;
}

export const listVersions = (sql: SqlStorage, kind: DocKind, docId: string, orgId: string) =>
  all<VersionRow>(sql, "SELECT * FROM published_versions WHERE org_id = ? AND kind = ? AND doc_id = ? ORDER BY version", orgId, kind, docId);

/** The latest version of every document of `kind` owned by any of `orgIds`. */
export function listLatest(sql: SqlStorage, kind: DocKind, orgIds: string[]): VersionRow[] {
  const out: VersionRow[] = [];
  for (const ids of slices(orgIds)) {
    appendAll(
      out,
      all<VersionRow>(
        sql,
        `SELECT p.* FROM published_versions p
         JOIN (SELECT org_id, doc_id, MAX(version) AS v FROM published_versions WHERE org_id IN (${marks(ids.length)}) AND kind = ? GROUP BY org_id, doc_id) m
         ON p.org_id = m.org_id AND p.doc_id = m.doc_id AND p.version = m.v AND p.kind = ?`,
        ...ids,
        kind,
        kind,
      ),
    );
  }
  const key = (v: VersionRow) => `${v.org_id}\u0000${v.doc_id}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
