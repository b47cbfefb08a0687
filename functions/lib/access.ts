import type { Principal } from "../env.js";
import { ancestorIds, canSeeOrg, getOrg, isWithin, type OrgRow } from "../db/orgs.js";
import type { CollectionRow } from "../db/collections.js";
import { ApiError, notFound } from "./errors.js";

/**
 * Tenant isolation in one place. Anything outside the caller's reach is reported as 404
 * (never 403), so a foreign organisation cannot learn what exists; 403 is only for a
 * role that is not allowed to do something it can see.
 */
export function needRole(p: Principal, role: "admin" | "clerk") {
  if (p.role !== role) {
    throw new ApiError(
      403,
      "forbidden",
      role === "admin" ? "仅组织部门管理员可执行此操作" : "仅党支部填报员可执行此操作",
      role === "admin" ? "Only a department admin may do this" : "Only a branch clerk may do this",
      { required: role, role: p.role },
    );
  }
}

export async function visibleOrg(db: D1Database, p: Principal, orgId: string): Promise<OrgRow> {
  const org = await getOrg(db, orgId);
  if (!org || org.root_id !== p.rootId || !canSeeOrg(p, org)) throw notFound("Organisation", "组织", orgId);
  return org;
}

/** Orgs whose published rule sets/templates the caller may read, nearest first. */
export function docReaders(p: Principal): string[] {
  return ancestorIds(p.path).reverse();
}

/** An explicit owner for a published document: an ancestor of the caller, or (admins) an org in its subtree. */
export async function docOwner(db: D1Database, p: Principal, orgId: string): Promise<string> {
  if (ancestorIds(p.path).includes(orgId)) return orgId;
  if (p.role === "admin") {
    const org = await getOrg(db, orgId);
    if (org && org.root_id === p.rootId && isWithin(org.path, p.path)) return orgId;
  }
  throw notFound("Organisation", "组织", orgId);
}

export interface VisibleCollection {
  collection: CollectionRow;
  owner: OrgRow;
}

export async function visibleCollection(db: D1Database, p: Principal, collectionId: string): Promise<VisibleCollection> {
  // One round trip: the collection, its owner's path, and whether the caller's branch is in it.
  const row = await db
    .prepare(
      `SELECT c.*, o.root_id AS o_root_id, o.path AS o_path, o.kind AS o_kind, o.name AS o_name, o.parent_id AS o_parent_id,
         o.created_at AS o_created_at,
         EXISTS (SELECT 1 FROM collection_branches b WHERE b.org_id = c.org_id AND b.collection_id = c.collection_id AND b.branch_id = ?2) AS member
       FROM collections c JOIN orgs o ON o.org_id = c.org_id WHERE c.collection_id = ?1`,
    )
    .bind(collectionId, p.orgId)
    .first<CollectionRow & { o_root_id: string; o_path: string; o_kind: "department" | "branch"; o_name: string; o_parent_id: string | null; o_created_at: string; member: number }>();
  const nf = notFound("Collection", "报送任务", collectionId);
  if (!row || row.o_root_id !== p.rootId) throw nf;
  if (p.role === "admin" ? !isWithin(row.o_path, p.path) : row.member !== 1) throw nf;
  const { o_root_id, o_path, o_kind, o_name, o_parent_id, o_created_at, member: _m, ...collection } = row;
  const owner: OrgRow = { org_id: collection.org_id, root_id: o_root_id, parent_id: o_parent_id, kind: o_kind, name: o_name, path: o_path, created_at: o_created_at };
  return { collection, owner };
}

/** A clerk may only read its own branch; an admin any branch of a collection it can see. */
export function assertBranchReadable(p: Principal, branchId: string) {
  if (p.role === "clerk" && branchId !== p.orgId) throw notFound("Branch", "党支部", branchId);
}
