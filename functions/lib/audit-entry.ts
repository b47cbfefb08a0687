import type { Principal } from "../env.js";
import type { AuditEntry } from "../ledger/rows.js";
import { nowIso, randomId } from "./hash.js";

/**
 * An audit entry for a write to a tenant's store, written in the same transaction as the write.
 * Ids sort by time (ISO timestamp + random suffix), like the directory's audit rows in D1.
 */
export function auditEntry(
  p: Pick<Principal, "actor" | "orgId">,
  org: { id: string; path: string },
  action: string,
  target: string,
  sha256: string | null = null,
  details?: Record<string, unknown>,
  at = nowIso(),
): AuditEntry {
  return {
    audit_id: `${at}~${randomId("", 6)}`,
    org_id: org.id,
    org_path: org.path,
    at,
    actor: p.actor,
    actor_org: p.orgId,
    action,
    target,
    sha256,
    details: details ? JSON.stringify(details) : null,
  };
}
