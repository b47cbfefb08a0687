import type { Role } from "../env.js";

export interface TokenRow {
  org_id: string;
  token_id: string;
  role: Role;
  label: string;
  hash: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export function insertTokenStmt(db: D1Database, t: Omit<TokenRow, "revoked_at" | "last_used_at">) {
  return db
    .prepare(
      "INSERT INTO api_tokens (org_id, token_id, role, label, hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(t.org_id, t.token_id, t.role, t.label, t.hash, t.created_by, t.created_at);
}

export const findToken = (db: D1Database, tokenId: string) =>
  db.prepare("SELECT * FROM api_tokens WHERE token_id = ?").bind(tokenId).first<TokenRow>();

export type TokenWithOrg = TokenRow & { root_id: string; parent_id: string | null; kind: "department" | "branch"; name: string; path: string; org_created_at: string };

/** The token and its organisation in one round trip (the hot path of every request). */
export const findTokenWithOrg = (db: D1Database, tokenId: string) =>
  db
    .prepare(
      `SELECT t.*, o.root_id, o.parent_id, o.kind, o.name, o.path, o.created_at AS org_created_at
       FROM api_tokens t JOIN orgs o ON o.org_id = t.org_id WHERE t.token_id = ?`,
    )
    .bind(tokenId)
    .first<TokenWithOrg>();

export async function listTokens(db: D1Database, orgId: string) {
  const { results } = await db
    .prepare("SELECT * FROM api_tokens WHERE org_id = ? ORDER BY created_at, token_id")
    .bind(orgId)
    .all<TokenRow>();
  return results;
}

export function revokeTokenStmt(db: D1Database, orgId: string, tokenId: string, at: string) {
  return db
    .prepare("UPDATE api_tokens SET revoked_at = ? WHERE org_id = ? AND token_id = ? AND revoked_at IS NULL")
    .bind(at, orgId, tokenId);
}

/** At most one write a minute per token. */
export function touchTokenStmt(db: D1Database, orgId: string, tokenId: string, at: string) {
  const minuteAgo = new Date(Date.parse(at) - 60_000).toISOString();
  return db
    .prepare(
      "UPDATE api_tokens SET last_used_at = ? WHERE org_id = ? AND token_id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
    )
    .bind(at, orgId, tokenId, minuteAgo);
}

export interface EntraPrincipalRow {
  org_id: string;
  tid: string;
  oid: string;
  role: Role;
}

/** Every organisation that linked this Entra ID user (one per organisation). */
export const findEntraLinks = async (db: D1Database, tid: string, oid: string) =>
  (
    await db
      .prepare("SELECT org_id, tid, oid, role FROM entra_principals WHERE tid = ? AND oid = ? ORDER BY org_id")
      .bind(tid, oid)
      .all<EntraPrincipalRow>()
  ).results;

export function insertEntraPrincipalStmt(db: D1Database, r: EntraPrincipalRow, by: string, at: string) {
  return db
    .prepare(
      "INSERT INTO entra_principals (org_id, tid, oid, role, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, tid, oid) DO UPDATE SET role = excluded.role",
    )
    .bind(r.org_id, r.tid, r.oid, r.role, by, at);
}
