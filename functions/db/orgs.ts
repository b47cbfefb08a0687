import type { Principal } from "../env.js";

export interface OrgRow {
  org_id: string;
  root_id: string;
  parent_id: string | null;
  kind: "department" | "branch";
  name: string;
  path: string;
  created_at: string;
}

export const getOrg = (db: D1Database, orgId: string) =>
  db.prepare("SELECT * FROM orgs WHERE org_id = ?").bind(orgId).first<OrgRow>();

export function insertOrgStmt(db: D1Database, o: OrgRow): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO orgs (org_id, root_id, parent_id, kind, name, path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(o.org_id, o.root_id, o.parent_id, o.kind, o.name, o.path, o.created_at);
}

/** Every organisation under (and including) `path`, in tree order. */
export async function listSubtree(db: D1Database, rootId: string, path: string, kind?: "department" | "branch") {
  const sql =
    "SELECT * FROM orgs WHERE root_id = ? AND substr(path, 1, ?) = ?" + (kind ? " AND kind = ?" : "") + " ORDER BY path";
  const args: unknown[] = [rootId, path.length, path];
  if (kind) args.push(kind);
  const { results } = await db.prepare(sql).bind(...args).all<OrgRow>();
  return results;
}

/** Org ids on the path from the root to the organisation itself, root first. */
export const ancestorIds = (path: string) => path.split("/").filter(Boolean);

export const isWithin = (path: string, ancestorPath: string) => path.startsWith(ancestorPath);

/** Can this caller see the organisation at all? Admins see their subtree; a clerk only its own branch. */
export function canSeeOrg(p: Principal, org: Pick<OrgRow, "org_id" | "path">): boolean {
  return p.role === "admin" ? isWithin(org.path, p.path) : org.org_id === p.orgId;
}
