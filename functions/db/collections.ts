export interface CollectionRow {
  org_id: string;
  collection_id: string;
  title: string;
  template_org_id: string;
  template_id: string;
  template_version: number;
  ruleset_org_id: string | null;
  ruleset_id: string | null;
  ruleset_version: number | null;
  period: string;
  due_at: string;
  on_error: "store" | "reject";
  /** A submission whose sheets do not fit the template: refused (422) or stored as wrong_template. */
  on_wrong_template: "store" | "reject";
  status: "open" | "closed";
  created_by: string;
  created_at: string;
}

export function insertCollectionStmt(db: D1Database, c: CollectionRow) {
  return db
    .prepare(
      `INSERT INTO collections (org_id, collection_id, title, template_org_id, template_id, template_version,
        ruleset_org_id, ruleset_id, ruleset_version, period, due_at, on_error, on_wrong_template, status, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      c.org_id,
      c.collection_id,
      c.title,
      c.template_org_id,
      c.template_id,
      c.template_version,
      c.ruleset_org_id,
      c.ruleset_id,
      c.ruleset_version,
      c.period,
      c.due_at,
      c.on_error,
      c.on_wrong_template,
      c.status,
      c.created_by,
      c.created_at,
    );
}

export const insertCollectionBranchStmt = (db: D1Database, orgId: string, collectionId: string, branchId: string) =>
  db
    .prepare("INSERT INTO collection_branches (org_id, collection_id, branch_id) VALUES (?, ?, ?)")
    .bind(orgId, collectionId, branchId);

export const getCollection = (db: D1Database, collectionId: string) =>
  db.prepare("SELECT * FROM collections WHERE collection_id = ?").bind(collectionId).first<CollectionRow>();

export async function collectionBranchIds(db: D1Database, orgId: string, collectionId: string) {
  const { results } = await db
    .prepare("SELECT branch_id FROM collection_branches WHERE org_id = ? AND collection_id = ? ORDER BY branch_id")
    .bind(orgId, collectionId)
    .all<{ branch_id: string }>();
  return results.map((r) => r.branch_id);
}

export async function isBranchInCollection(db: D1Database, orgId: string, collectionId: string, branchId: string) {
  const row = await db
    .prepare("SELECT 1 AS x FROM collection_branches WHERE org_id = ? AND collection_id = ? AND branch_id = ?")
    .bind(orgId, collectionId, branchId)
    .first();
  return row !== null;
}

/** Collections owned by any organisation under `path` (admin view). */
export async function listCollectionsInSubtree(db: D1Database, rootId: string, path: string) {
  const { results } = await db
    .prepare(
      `SELECT c.* FROM collections c JOIN orgs o ON o.org_id = c.org_id
       WHERE o.root_id = ? AND substr(o.path, 1, ?) = ? ORDER BY c.created_at DESC`,
    )
    .bind(rootId, path.length, path)
    .all<CollectionRow>();
  return results;
}

/** Collections a branch is asked to submit to (clerk view). */
export async function listCollectionsForBranch(db: D1Database, branchId: string) {
  const { results } = await db
    .prepare(
      `SELECT c.* FROM collection_branches b JOIN collections c ON c.org_id = b.org_id AND c.collection_id = b.collection_id
       WHERE b.branch_id = ? ORDER BY c.created_at DESC`,
    )
    .bind(branchId)
    .all<CollectionRow>();
  return results;
}

export const closeCollectionStmt = (db: D1Database, orgId: string, collectionId: string) =>
  db.prepare("UPDATE collections SET status = 'closed' WHERE org_id = ? AND collection_id = ?").bind(orgId, collectionId);
