import { Hono, type MiddlewareHandler } from "hono";
import type { AppEnv, Principal } from "./env.js";
import { BUILTIN_TEMPLATES, DEFAULT_RULE_SET } from "../shared/index.js";
import { getOrg, insertOrgStmt } from "./db/orgs.js";
import { auditStmt } from "./db/audit.js";
import { insertNextVersionStmt } from "./db/versions.js";
import { insertCollectionBranchStmt, insertCollectionStmt } from "./db/collections.js";
import { newToken } from "./routes/orgs.js";
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
 * Demo seed for `npm start`: only when DEMO_SEED=1 and the caller knows SEED_SECRET.
 * Idempotent: when the demo department exists nothing is written and no token is shown.
 */
export const seedRouter = new Hono<AppEnv>().post("/", devOnly(), async (c) => {
  const db = c.env.DB;
  if (await getOrg(db, DEMO.dept.id)) return c.json({ seeded: false }, 200);
  const at = nowIso();
  const seeder: Pick<Principal, "actor" | "orgId"> = { actor: "seed", orgId: DEMO.dept.id };
  const root = DEMO.dept.id;
  const stmts: D1PreparedStatement[] = [
    insertOrgStmt(db, { org_id: root, root_id: root, parent_id: null, kind: "department", name: DEMO.dept.name, path: `/${root}/`, created_at: at }),
    auditStmt(db, seeder, root, "org.create", `org:${root}`, null, { seed: true }, at),
  ];
  for (const b of DEMO.branches) {
    stmts.push(insertOrgStmt(db, { org_id: b.id, root_id: root, parent_id: root, kind: "branch", name: b.name, path: `/${root}/${b.id}/`, created_at: at }));
  }
  const admin = await newToken(db, seeder, root, "admin", "demo admin");
  const clerks = await Promise.all(DEMO.branches.map((b) => newToken(db, seeder, b.id, "clerk", `demo clerk ${b.id}`)));
  for (const s of [...admin.stmts, ...clerks.flatMap((t) => t.stmts)]) stmts.push(s);
  const docs: { kind: "ruleset" | "template"; doc: { id: string; title: string; version?: number } }[] = [
    { kind: "ruleset", doc: DEFAULT_RULE_SET },
    ...BUILTIN_TEMPLATES.map((t) => ({ kind: "template" as const, doc: t })),
  ];
  for (const { kind, doc } of docs) {
    const { version: _v, ...content } = doc;
    const text = canonicalJson(content);
    const sha = await sha256Hex(text);
    const put = await putImmutable(c.env.BLOBS, blobKey(root, kind, sha), sha, text);
    stmts.push(
      insertNextVersionStmt(db, { org_id: root, kind, doc_id: doc.id, sha256: sha, r2_key: put.key, size: put.size, title: doc.title, created_by: "seed", created_at: at }),
      auditStmt(db, seeder, root, `${kind}.publish`, `${kind}:${doc.id}`, sha, { seed: true }, at),
    );
  }
  const roster = BUILTIN_TEMPLATES[0]!;
  const year = new Date().getUTCFullYear();
  const collectionId = "c-demo-roster";
  const collectionStmts = [
    insertCollectionStmt(db, {
      org_id: root,
      collection_id: collectionId,
      title: `${year} 年度党员花名册报送`,
      template_org_id: root,
      template_id: roster.id,
      template_version: 1,
      ruleset_org_id: root,
      ruleset_id: DEFAULT_RULE_SET.id,
      ruleset_version: 1,
      period: String(year),
      due_at: new Date(`${year}-12-31T23:59:59.999+08:00`).toISOString(),
      on_error: "store",
      on_wrong_template: "reject",
      status: "open",
      created_by: "seed",
      created_at: at,
    }),
    ...DEMO.branches.map((b) => insertCollectionBranchStmt(db, root, collectionId, b.id)),
    auditStmt(db, seeder, root, "collection.open", `collection:${collectionId}`, null, { seed: true }, at),
  ];
  await db.batch([...stmts, ...collectionStmts]);
  return c.json(
    {
      seeded: true,
      department: DEMO.dept,
      adminToken: admin.token,
      clerkTokens: Object.fromEntries(DEMO.branches.map((b, i) => [b.id, clerks[i]!.token])),
      templates: BUILTIN_TEMPLATES.map((t) => t.id),
      ruleSet: DEFAULT_RULE_SET.id,
      collectionId,
    },
    201,
  );
});
