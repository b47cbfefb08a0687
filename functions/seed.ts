import { Hono, type MiddlewareHandler } from "hono";
import type { AppEnv, Principal } from "./env.js";
import { BUILTIN_TEMPLATES, DEFAULT_RULE_SET } from "../shared/index.js";
import { getOrg, insertOrgStmt } from "./db/orgs.js";
import { auditStmt } from "./db/audit.js";
import { newToken } from "./routes/orgs.js";
import { ledger } from "./ledger/stub.js";
import type { CollectionRow, VersionRow } from "./ledger/rows.js";
import { auditEntry } from "./lib/audit-entry.js";
import { blobKey, putImmutable } from "./lib/blobs.js";
import { canonicalJson, nowIso, sha256Hex, timingSafeEqualHex } from "./lib/hash.js";
import { ApiError } from "./lib/errors.js";
import { sweepOrphanBlobs } from "./lib/sweep.js";

export const DEMO = {
  dept: { id: "demo-dept", name: "示范市委组织部" },
  branches: [
    { id: "demo-b1", name: "第一党支部" },
    { id: "demo-b2", name: "第二党支部" },
    { id: "demo-b3", name: "机关党支部" },
  ],
};

/**
 * Dev-only routes (`npm start`, `npm run load`): they exist only when DEMO_SEED=1 and the caller
 * sends SEED_SECRET in `x-seed-secret`; otherwise 404, as for any unknown route.
 */
export const devOnly = (): MiddlewareHandler<AppEnv> =>
  async function devOnly(c, next) {
    const secret = c.env.SEED_SECRET ?? "";
    const given = c.req.header("x-seed-secret") ?? "";
    if (c.env.DEMO_SEED !== "1" || !secret || !timingSafeEqualHex(await sha256Hex(given), await sha256Hex(secret))) {
      throw new ApiError(404, "not_found", "接口不存在", "No such route");
    }
    await next();
  };

/**
 * `POST /v1/_sweep?graceSeconds=&maxObjects=&startAfter=`: one step of the orphan-blob sweep
 * (the cron's job) on demand, e.g. right after `npm run load` restarted a killed Worker.
 * Answers the sweep's result; call again with `startAfter=next` until `next` is null.
 */
export const sweepRouter = new Hono<AppEnv>().post("/", devOnly(), async (c) => {
  const num = (name: string) => {
    const v = c.req.query(name);
    if (v === undefined) return undefined;
    if (!/^\d{1,9}$/.test(v)) throw new ApiError(400, "bad_query", `${name} 应为非负整数`, `${name} must be a non-negative integer`);
    return Number(v);
  };
  const graceSeconds = num("graceSeconds");
  const res = await sweepOrphanBlobs(c.env, {
    graceMs: graceSeconds === undefined ? undefined : graceSeconds * 1000,
    maxObjects: num("maxObjects"),
    startAfter: c.req.query("startAfter") || undefined,
  });
  return c.json(res, 200);
});

/**
 * `POST /v1/_inspect?tenant=<root id>`: what `npm run load` checks after its fault run, from the
 * tenant's store: every submission's blob keys, every published body's key, idempotency keys
 * whose submission is missing.
 */
export const inspectRouter = new Hono<AppEnv>().post("/", devOnly(), async (c) => {
  const tenant = c.req.query("tenant");
  if (!tenant) throw new ApiError(400, "bad_query", "缺少 tenant", "tenant is required");
  return c.json(await ledger(c.env, tenant).inspect(), 200);
});

/**
 * Demo seed for `npm start`: only when DEMO_SEED=1 and the caller knows SEED_SECRET.
 * Idempotent: when the demo department exists nothing is written and no token is shown.
 * The department, branches and tokens go to the directory (D1); its rule set, templates and
 * collection to its store. `?tenant=x` seeds another department the same way (x-b1..3), for the
 * load test's several departments.
 */
export const seedRouter = new Hono<AppEnv>().post("/", devOnly(), async (c) => {
  const db = c.env.DB;
  const tenant = c.req.query("tenant");
  if (tenant !== undefined && !/^[a-z0-9][a-z0-9-]{1,39}$/.test(tenant)) throw new ApiError(400, "bad_query", "tenant 应为 2–40 个小写字母、数字或连字符", "tenant must be 2–40 lowercase letters, digits or hyphens");
  const dept = tenant ? { id: tenant, name: `${tenant} 组织部` } : DEMO.dept;
  const branches = tenant ? [1, 2, 3].map((i) => ({ id: `${tenant}.b${i}`, name: `${tenant} 第${i}党支部` })) : DEMO.branches;
  if (await getOrg(db, dept.id)) return c.json({ seeded: false }, 200);
  const at = nowIso();
  const seeder: Pick<Principal, "actor" | "orgId"> = { actor: "seed", orgId: dept.id };
  const root = dept.id;
  const rootOrg = { id: root, path: `/${root}/` };
  const stmts: D1PreparedStatement[] = [
    insertOrgStmt(db, { org_id: root, root_id: root, parent_id: null, kind: "department", name: dept.name, path: rootOrg.path, created_at: at }),
    auditStmt(db, seeder, root, "org.create", `org:${root}`, null, { seed: true }, at),
  ];
  for (const b of branches) {
    stmts.push(insertOrgStmt(db, { org_id: b.id, root_id: root, parent_id: root, kind: "branch", name: b.name, path: `/${root}/${b.id}/`, created_at: at }));
  }
  const admin = await newToken(db, seeder, root, "admin", "demo admin");
  const clerks = await Promise.all(branches.map((b) => newToken(db, seeder, b.id, "clerk", `demo clerk ${b.id}`)));
  for (const s of [...admin.stmts, ...clerks.flatMap((t) => t.stmts)]) stmts.push(s);
  await db.batch(stmts);

  const store = ledger(c.env, root);
  const docs: { kind: "ruleset" | "template"; doc: { id: string; title: string; version?: number } }[] = [
    { kind: "ruleset", doc: DEFAULT_RULE_SET },
    ...BUILTIN_TEMPLATES.map((t) => ({ kind: "template" as const, doc: t })),
  ];
  const published = new Map<string, VersionRow>();
  for (const { kind, doc } of docs) {
    const { version: _v, ...content } = doc;
    const text = canonicalJson(content);
    const sha = await sha256Hex(text);
    const put = await putImmutable(c.env.BLOBS, blobKey(root, kind, sha), sha, text);
    const row = { org_id: root, kind, doc_id: doc.id, sha256: sha, r2_key: put.key, size: put.size, title: doc.title, created_by: "seed", created_at: at };
    const { version } = await store.publishVersion(row, auditEntry(seeder, rootOrg, `${kind}.publish`, `${kind}:${doc.id}`, sha, { seed: true }, at));
    published.set(`${kind}:${doc.id}`, { ...row, version });
  }
  const roster = BUILTIN_TEMPLATES[0]!;
  const year = new Date().getUTCFullYear();
  const collectionId = tenant ? `c-${tenant}-roster` : "c-demo-roster";
  const collection: CollectionRow = {
    org_id: root,
    collection_id: collectionId,
    owner_path: rootOrg.path,
    title: `${year} 年度党员花名册报送`,
    template_org_id: root,
    template_id: roster.id,
    template_version: 1,
    template_key: published.get(`template:${roster.id}`)!.r2_key,
    ruleset_org_id: root,
    ruleset_id: DEFAULT_RULE_SET.id,
    ruleset_version: 1,
    ruleset_key: published.get(`ruleset:${DEFAULT_RULE_SET.id}`)!.r2_key,
    period: String(year),
    due_at: new Date(`${year}-12-31T23:59:59.999+08:00`).toISOString(),
    on_error: "store",
    on_wrong_template: "reject",
    status: "open",
    created_by: "seed",
    created_at: at,
  };
  await store.openCollection(collection, branches.map((b) => b.id), auditEntry(seeder, rootOrg, "collection.open", `collection:${collectionId}`, null, { seed: true }, at));
  return c.json(
    {
      seeded: true,
      department: dept,
      adminToken: admin.token,
      clerkTokens: Object.fromEntries(branches.map((b, i) => [b.id, clerks[i]!.token])),
      templates: BUILTIN_TEMPLATES.map((t) => t.id),
      ruleSet: DEFAULT_RULE_SET.id,
      collectionId,
    },
    201,
  );
});
