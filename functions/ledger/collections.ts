import type { CollectionRow } from "./rows.js";
import { all, one } from "./sql.js";

export function insertCollection(sql: SqlStorage, c: CollectionRow, branchIds: string[]): void {
  sql.exec(
    `INSERT INTO collections (collection_id, org_id, owner_path, title, template_org_id, template_id, template_version, template_key,
       ruleset_org_id, ruleset_id, ruleset_version, ruleset_key, period, due_at, on_error, on_wrong_template, status, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    c.collection_id,
    c.org_id,
    c.owner_path,
    c.title,
    c.template_org_id,
    c.template_id,
    c.template_version,
    c.template_key,
    c.ruleset_org_id,
    c.ruleset_id,
    c.ruleset_version,
    c.ruleset_key,
    c.period,
    c.due_at,
    c.on_error,
    c.on_wrong_template,
    c.status,
    c.created_by,
    c.created_at,
  );
  for (const b of branchIds) sql.exec("INSERT INTO collection_branches (collection_id, branch_id) VALUES (?, ?)", c.collection_id, b);
}

export const getCollection = (sql: SqlStorage, collectionId: string) => one<CollectionRow>(sql, "SELECT * FROM collections WHERE collection_id = ?", collectionId);

export const isMember = (sql: SqlStorage, collectionId: string, branchId: string) =>
  one(sql, "SELECT 1 AS x FROM collection_branches WHERE collection_id = ? AND branch_id = ?", collectionId, branchId) !== null;

export const branchIdsOf = (sql: SqlStorage, collectionId: string) =>
  all<{ branch_id: string }>(sql, "SELECT branch_id FROM collection_branches WHERE collection_id = ? ORDER BY branch_id", collectionId).map((r) => r.branch_id);

/** Collections owned by any organisation under `path` (an admin's view), newest first. */
export const collectionsUnder = (sql: SqlStorage, path: string) =>
  all<CollectionRow>(sql, "SELECT * FROM collections WHERE substr(owner_path, 1, ?) = ? ORDER BY created_at DESC, collection_id", path.length, path);

/** Collections a branch is asked to submit to (a clerk's view), newest first. */
export const collectionsForBranch = (sql: SqlStorage, branchId: string) =>
  all<CollectionRow>(
    sql,
    `SELECT c.* FROM collection_branches b JOIN collections c ON c.collection_id = b.collection_id
     WHERE b.branch_id = ? ORDER BY c.created_at DESC, c.collection_id`,
    branchId,
  );

export const closeCollection = (sql: SqlStorage, collectionId: string) => sql.exec("UPDATE collections SET status = 'closed' WHERE collection_id = ?", collectionId);
