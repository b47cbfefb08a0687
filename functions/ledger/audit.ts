import type { AuditEntry, AuditRow } from "./rows.js";
import { all } from "./sql.js";

export function insertAudit(sql: SqlStorage, a: AuditEntry): void {
  sql.exec(
    "INSERT INTO audit_log (audit_id, org_id, org_path, at, actor, actor_org, action, target, sha256, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    a.audit_id,
    a.org_id,
    a.org_path,
    a.at,
    a.actor,
    a.actor_org,
    a.action,
    a.target,
    a.sha256,
    a.details,
  );
}

/** Audit entries of every organisation under `path`, newest first. */
export function listAudit(sql: SqlStorage, path: string, opts: { limit: number; before?: string; action?: string }): AuditRow[] {
  const args: SqlStorageValue[] = [path.length, path];
  let q = "SELECT org_id, audit_id, at, actor, actor_org, action, target, sha256, details FROM audit_log WHERE substr(org_path, 1, ?) = ?";
  if (opts.before) {
    q += " AND audit_id < ?";
    args.push(opts.before);
  }
  if (opts.action) {
    q += " AND action = ?";
    args.push(opts.action);
  }
  q += " ORDER BY audit_id DESC LIMIT ?";
  args.push(opts.limit);
  return all<AuditRow>(sql, q, ...args);
}
