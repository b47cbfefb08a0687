import type { Principal } from "../env.js";
import { nowIso, randomId } from "../lib/hash.js";

import type { AuditRow } from "../ledger/rows.js";

/** An audit row of a directory write (organisations, tokens, Entra links), in the same D1 batch as the write. */
export function auditStmt(
  db: D1Database,
  p: Pick<Principal, "actor" | "orgId">,
  orgId: string,
  action: string,
  target: string,
  sha256: string | null = null,
  details?: Record<string, unknown>,
  at = nowIso(),
) {
  // audit ids sort by time: ISO timestamp + random suffix.
  const id = `${at}~${randomId("", 6)}`;
  return db
    .prepare(
      "INSERT INTO audit_log (org_id, audit_id, at, actor, actor_org, action, target, sha256, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(orgId, id, at, p.actor, p.orgId, action, target, sha256, details ? JSON.stringify(details) : null);
}

/** Audit entries of every organisation under `path`, newest first. */
export async function listAudit(
  db: D1Database,
  rootId: string,
  path: string,
  opts: { limit: number; before?: string; action?: string },
) {
  const args: unknown[] = [rootId, path.length, path];
  let sql =
    "SELECT a.* FROM audit_log a JOIN orgs o ON o.org_id = a.org_id WHERE o.root_id = ? AND substr(o.path, 1, ?) = ?";
  if (opts.before) {
    sql += " AND a.audit_id < ?";
    args.push(opts.before);
  }
  if (opts.action) {
    sql += " AND a.action = ?";
    args.push(opts.action);
  }
  sql += " ORDER BY a.audit_id DESC LIMIT ?";
  args.push(opts.limit);
  const { results } = await db.prepare(sql).bind(...args).all<AuditRow>();
  return results;
}
