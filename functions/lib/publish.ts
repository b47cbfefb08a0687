import type { Context } from "hono";
import type { AppEnv, Bindings, Principal } from "../env.js";
import type { DocKind, VersionRow } from "../ledger/rows.js";
import { ledger } from "../ledger/stub.js";
import { auditEntry } from "./audit-entry.js";
import { blobKey, getJson, putImmutable } from "./blobs.js";
import { docOwner, docReaders, needRole } from "./access.js";
import { ApiError, notFound } from "./errors.js";
import { canonicalJson, nowIso, sha256Hex } from "./hash.js";
import { forgetTenantContexts } from "./submission-context.js";

const KIND_ZH: Record<DocKind, string> = { ruleset: "规则集", template: "模板", mapping: "表头对应" };
const KIND_EN: Record<DocKind, string> = { ruleset: "Rule set", template: "Template", mapping: "Mapping" };

/**
 * Publish version n+1 of a rule set, template or mapping.
 * 0. content identical to the latest version is that version: it is returned (`created: false`)
 *    and nothing is written, so publishing the same file twice never makes a second version;
 * 1. the body (without `version`) in canonical JSON is hashed and written to R2 create-only
 *    under `<org>/<kind>/<sha256>.json`: the same content is the same immutable object;
 * 2. one call to the tenant's store writes the version row and its audit row; the number comes
 *    from the store's single-writer order. If the body was an old orphan the sweep deleted
 *    meanwhile, the store says so and it is put back.
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
  const store = ledger(c.env, p.rootId);
  const latest = await store.findVersion(kind, doc.id, [p.orgId]);
  if (latest && latest.sha256 === sha256) return { ...latest, created: false };
  const key = blobKey(p.orgId, kind, sha256);
  const put = await putImmutable(c.env.BLOBS, key, sha256, text);
  const created_at = nowIso();
  const base = { org_id: p.orgId, kind, doc_id: doc.id, sha256, r2_key: key, size: put.size, title: doc.title, created_by: p.actor, created_at };
  const audit = auditEntry(p, { id: p.orgId, path: p.path }, `${kind}.publish`, `${kind}:${doc.id}`, sha256, { title: doc.title }, created_at);
  const { version, reput } = await store.publishVersion(base, audit);
  if (reput) await putImmutable(c.env.BLOBS, key, sha256, text);
  // A saved mapping applies to this isolate's next submission at once (others within a minute).
  if (kind === "mapping") forgetTenantContexts(p.rootId);
  return { ...base, version, created: true };
}

/** `id` or `id@3`. */
export function parseRef(ref: string): { id: string; version?: number } {
  const m = /^([a-z0-9][a-z0-9-]*)(?:@(\d{1,9}))?$/.exec(ref);
  if (!m?.[1]) throw new ApiError(400, "bad_ref", `无效的引用：${ref}（应为 id 或 id@版本号）`, `Bad reference: ${ref} (id or id@version)`);
  return m[2] ? { id: m[1], version: Number(m[2]) } : { id: m[1] };
}

export const versionNotFound = (kind: DocKind, id: string, version?: number) => notFound(KIND_EN[kind], KIND_ZH[kind], version ? `${id}@${version}` : id);

/** The version the caller means: from the nearest readable owner (or `orgId`, if the caller may read it). */
export async function resolveVersion(
  env: Pick<Bindings, "DB" | "LEDGER">,
  p: Principal,
  kind: DocKind,
  id: string,
  version?: number,
  orgId?: string,
): Promise<VersionRow> {
  const owners = orgId ? [await docOwner(env.DB, p, orgId)] : docReaders(p);
  const row = await ledger(env, p.rootId).findVersion(kind, id, owners, version);
  if (!row) throw versionNotFound(kind, id, version);
  return row;
}

export async function loadBody<T>(r2: R2Bucket, row: Pick<VersionRow, "r2_key" | "version">): Promise<T> {
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
