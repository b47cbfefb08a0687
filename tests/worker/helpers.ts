import { env, exports } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { insertOrgStmt } from "../../functions/db/orgs.js";
import { newToken } from "../../functions/routes/orgs.js";
import { nowIso } from "../../functions/lib/hash.js";
import { BUILTIN_TEMPLATES } from "../../shared/index.js";
import type { WorkbookGrid } from "../../shared/grid/types.js";

export const BASE = "http://ledger.test";

/** Rows of a tenant's store (its Durable Object's SQLite), read inside the object: what the tests check stored state with. */
export async function storeRows<T = Record<string, unknown>>(tenant: string, sql: string, ...args: (string | number | null)[]): Promise<T[]> {
  return runInDurableObject(env.LEDGER.getByName(tenant), (_instance, state) => state.storage.sql.exec(sql, ...args).toArray() as T[]);
}

/** One number from a tenant's store (`SELECT COUNT(*) AS n …`). */
export async function storeCount(tenant: string, sql: string, ...args: (string | number | null)[]): Promise<number> {
  const [row] = await storeRows<{ n: number }>(tenant, sql, ...args);
  return Number(row?.n ?? 0);
}

/**
 * A submission's body as stored, wherever the Worker put it: the department's store keeps the small
 * ones (ledger/small-blobs.ts), R2 the others. Null when neither holds it.
 */
export async function storedBody(tenant: string, key: string): Promise<{ at: "store" | "r2"; contentType: string | undefined } | null> {
  const [row] = await storeRows<{ content_type: string }>(tenant, "SELECT content_type FROM small_blobs WHERE blob_key = ?", key);
  if (row) return { at: "store", contentType: row.content_type };
  const obj = await env.BLOBS.head(key);
  return obj ? { at: "r2", contentType: obj.httpMetadata?.contentType } : null;
}

/** A stored body lost, wherever it was (what a storage fault would leave). */
export async function loseStoredBody(tenant: string, key: string): Promise<void> {
  await env.BLOBS.delete(key);
  await storeRows(tenant, "DELETE FROM small_blobs WHERE blob_key = ?", key);
}

/** Every stored body's key under a prefix: R2's objects and the store's small bodies. */
export async function storedBodyKeys(tenant: string, prefix: string): Promise<string[]> {
  const kept = await storeRows<{ blob_key: string }>(tenant, "SELECT blob_key FROM small_blobs WHERE substr(blob_key, 1, ?) = ?", prefix.length, prefix);
  const listed = await env.BLOBS.list({ prefix });
  return [...kept.map((r) => r.blob_key), ...listed.objects.map((o) => o.key)].sort();
}

export interface CallInit {
  token?: string;
  body?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
  method?: string;
}

/** A request through the Worker's own fetch handler (exports.default.fetch), as the add-in would make it. */
export async function call(path: string, init: CallInit = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: BodyInit | undefined = init.raw;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await exports.default.fetch(`${BASE}${path}`, {
    method: init.method ?? (body !== undefined ? "POST" : "GET"),
    headers,
    body,
  });
  const ct = res.headers.get("content-type") ?? "";
  const text = ct.startsWith("application/json") || ct.startsWith("text/") ? await res.text() : `[${(await res.arrayBuffer()).byteLength} bytes]`;
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, text, json: json as any };
}

export interface Tenant {
  deptId: string;
  admin: string;
  branches: { id: string; token: string }[];
}

/** A department with `n` branches: the root and its admin token go straight into D1, the rest through the API. */
export async function makeTenant(prefix: string, n = 2): Promise<Tenant> {
  const deptId = `${prefix}-dept`;
  const at = nowIso();
  const t = await newToken(env.DB, { actor: "test", orgId: deptId }, deptId, "admin", "test admin");
  await env.DB.batch([
    insertOrgStmt(env.DB, { org_id: deptId, root_id: deptId, parent_id: null, kind: "department", name: `${prefix} 组织部`, path: `/${deptId}/`, created_at: at }),
    ...t.stmts,
  ]);
  const branches: Tenant["branches"] = [];
  for (let i = 1; i <= n; i++) {
    const r = await call(`/v1/orgs/${deptId}/children`, { token: t.token, body: { id: `b${i}`, name: `${prefix} 第${i}党支部`, kind: "branch" } });
    if (r.status !== 201) throw new Error(`create branch: ${r.status} ${r.text}`);
    const id = r.json.id as string;
    const tok = await call(`/v1/orgs/${id}/tokens`, { token: t.token, body: { label: "clerk" } });
    if (tok.status !== 201) throw new Error(`token: ${tok.status} ${tok.text}`);
    branches.push({ id, token: tok.json.token });
  }
  return { deptId, admin: t.token, branches };
}

export const roster = () => structuredClone(BUILTIN_TEMPLATES.find((t) => t.id === "roster")!);

export async function publishRoster(admin: string) {
  const r = await call("/v1/templates", { token: admin, body: roster() });
  if (r.status !== 201) throw new Error(`publish: ${r.status} ${r.text}`);
  return r.json as { id: string; version: number; orgId: string };
}

export async function openCollection(t: Tenant, extra: Record<string, unknown> = {}) {
  await publishRoster(t.admin);
  const r = await call("/v1/collections", {
    token: t.admin,
    body: { title: "花名册报送", template: { id: "roster" }, period: "2025", dueAt: "2099-12-31", branchIds: t.branches.map((b) => b.id), ...extra },
  });
  if (r.status !== 201) throw new Error(`collection: ${r.status} ${r.text}`);
  return r.json.id as string;
}

export const HEADER = ["姓名", "性别", "公民身份号码", "出生日期", "人员类别", "入党时间", "转正时间"];
/** A roster with two errors (sex vs ID number in B2, check digit in C3). */
export const gridWithErrors = (): WorkbookGrid => ({
  sheets: [
    {
      name: "花名册",
      values: [
        HEADER,
        ["张三", "男", "11010519491231002X", "1949-12-31", "正式党员", "1980-07-01", "1981-07-01"],
        ["李四", "女", "110105194912310021", "1949-12-31", "正式党员", "1985-07-01", "1986-07-01"],
      ],
    },
  ],
});
/** The same roster corrected. */
export const cleanGrid = (): WorkbookGrid => ({
  sheets: [
    {
      name: "花名册",
      values: [
        HEADER,
        ["张三", "女", "11010519491231002X", "1949-12-31", "正式党员", "1980-07-01", "1981-07-01"],
      ],
    },
  ],
});
