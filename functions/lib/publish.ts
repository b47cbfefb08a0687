import type { Context } from "hono";
import type { AppEnv, Principal } from "../env.js";
import { auditStmt } from "../db/audit.js";
import { findVersion, insertNextVersionStmt, latestVersion, type DocKind, type VersionRow } from "../db/versions.js";
import { blobKey, getJson, putImmutable } from "./blobs.js";
import { docOwner, docReaders, needRole } from "./access.js";
import { ApiError, notFound } from "./errors.js";
import { canonicalJson, nowIso, sha256Hex } from "./hash.js";

const KIND_ZH: Record<DocKind, string> = { ruleset: "规则集", template: "模板", mapping: "表头对应" };
const KIND_EN: Record<DocKind, string> = { ruleset: "Rule set", template: "Template", mapping: "Mapping" };

const isConstraintError = (e: unknown) => /UNIQUE constraint|constraint failed|SQLITE_CONSTRAINT/i.test(String(e));

/**
 * Publish version n+1 of a rule set, template or mapping.
 * 0. content identical to the latest version is that version: it is returned (`created: false`)
 *    and nothing is written, so publishing the same file twice never makes a second version;
 * 1. the body (without `version`) in canonical JSON is hashed and written to R2 create-only
 *    under `<org>/<kind>/<sha256>.json`: the same content is the same immutable object;
 * 2. one D1 batch inserts the version row (INSERT … SELECT max+1) and its audit row;
 *    the primary key makes a duplicate number fail, and we retry.
 * A process killed between 1 and 2 leaves an unreferenced blob: the blob sweep removes it.
 */
export async function publishDoc(
  c: Context<AppEnv>,
  kind: DocKind,
  doc: { id: string; title: string; version?: number } & Record<string, unknown>,
): Promise<VersionRow & { created: boolean }> {
  const p = c.get("principal");
  needRole(p, "admin");
  const { version: _ignored, ...content } = doc;
  const text = canonicalJson(content);
  const sha256 = await sha256Hex(text);
  const latest = await latestVersion(c.env.DB, kind, doc.id, p.orgId);
  if (latest && latest.sha256 === sha256) return { ...latest, created: false };
  const key = blobKey(p.orgId, kind, sha256);
  const put = await putImmutable(c.env.BLOBS, key, sha256, text);
  const base = {
    org_id: p.orgId,
    kind,
    doc_id: doc.id,
    sha256,
    r2_key: key,
    size: put.size,
    title: doc.title,
    created_by: p.actor,
  };
  for (let attempt = 0; ; attempt++) {
    const created_at = nowIso();
    try {
      const [ins] = await c.env.DB.batch<{ version: number }>([
        insertNextVersionStmt(c.env.DB, { ...base, created_at }),
        auditStmt(c.env.DB, p, p.orgId, `${kind}.publish`, `${kind}:${doc.id}`, sha256, { title: doc.title }, created_at),
      ]);
      const version = ins?.results[0]?.version;
      if (typeof version !== "number") throw new Error("version not returned");
      // The body was already there (same content), possibly an old orphan the blob sweep
      // (lib/sweep.ts) deleted before our row committed: put it back.
      if (!put.created && !(await c.env.BLOBS.head(key))) await putImmutable(c.env.BLOBS, key, sha256, text);
      return { ...base, version, created_at, created: true };
    } catch (e) {
      if (!isConstraintError(e) || attempt >= 8) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}

/** `id` or `id@3`. */
export function parseRef(ref: string): { id: string; version?: number } {
  const m = /^([a-z0-9][a-z0-9-]*)(?:@(\d{1,9}))?$/.exec(ref);
  if (!m?.[1]) throw new ApiError(400, "bad_ref", `无效的引用：${ref}（应为 id 或 id@版本号）`, `Bad reference: ${ref} (id or id@version)`);
  return m[2] ? { id: m[1], version: Number(m[2]) } : { id: m[1] };
}

export async function resolveVersion(
  db: D1Database,
  p: Principal,
  kind: DocKind,
  id: string,
  version?: number,
  orgId?: string,
): Promise<VersionRow> {
  const owners = orgId ? [await docOwner(db, p, orgId)] : docReaders(p);
  const row = await findVersion(db, kind, id, owners, version);
  if (!row) throw notFound(KIND_EN[kind], KIND_ZH[kind], version ? `${id}@${version}` : id);
  return row;
}

export async function loadBody<T>(r2: R2Bucket, row: VersionRow): Promise<T> {
  const body = await getJson<Record<string, unknown>>(r2, row.r2_key);
  if (!body) throw new ApiError(500, "blob_missing", "存储内容缺失", `Stored body missing: ${row.r2_key}`);
  return { ...body, version: row.version } as T;
}

export const etagOf = (row: VersionRow) => `"${row.sha256}.v${row.version}"`;

/** Immutable for `id@n`, short and revalidated for "latest"; 304 when If-None-Match matches. */
export function cacheHeaders(c: Context<AppEnv>, row: VersionRow, pinned: boolean): boolean {
  const etag = etagOf(row);
  c.header("ETag", etag);
  c.header("X-Content-SHA256", row.sha256);
  c.header("Cache-Control", pinned ? "private, max-age=31536000, immutable" : "private, max-age=30, must-revalidate");
  c.header("Vary", "Authorization");
  const inm = c.req.header("if-none-match");
  return !!inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}
