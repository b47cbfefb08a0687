import type { Bindings, Principal } from "../env.js";
import { ancestorIds, canSeeOrg, getOrg, isWithin, type OrgRow } from "../db/orgs.js";
import type { CollectionRow } from "../ledger/rows.js";
import { ledger } from "../ledger/stub.js";
import { ApiError, notFound } from "./errors.js";

/**
 * Tenant isolation in one place. Anything outside the caller's reach is reported as 404
 * (never 403), so a foreign organisation cannot learn what exists; 403 is only for a
 * role that is not allowed to do something it can see. A tenant's collections, submissions and
 * documents live in its own store: another tenant's ids are not even looked up there.
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

/** May this caller see this collection? Admins: one owned in their subtree; clerks: one that asks their branch. */
export function canSeeCollection(p: Principal, collection: CollectionRow, member: boolean): boolean {
  return p.role === "admin" ? isWithin(collection.owner_path, p.path) : member;
}

/** A collection the caller may see (one call to its tenant's store), else 404. */
export async function visibleCollection(env: Pick<Bindings, "LEDGER">, p: Principal, collectionId: string): Promise<CollectionRow> {
  const found = await ledger(env, p.rootId).collection(collectionId, p.role === "clerk" ? p.orgId : undefined);
  if (!found || !canSeeCollection(p, found.collection, found.member)) throw notFound("Collection", "报送任务", collectionId);
  return found.collection;
}

/** A clerk may only read its own branch; an admin any branch of a collection it can see. */
export function assertBranchReadable(p: Principal, branchId: string) {
  if (p.role === "clerk" && branchId !== p.orgId) throw notFound("Branch", "党支部", branchId);
}
