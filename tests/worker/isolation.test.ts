import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { call, gridWithErrors, makeTenant, openCollection, type Tenant, storeCount, storeRows } from "./helpers.js";

/**
 * Tenant isolation: every route × {admin, clerk} of a foreign organisation gets 403 or 404
 * and nothing of the other tenant in the body; lists show only the caller's own things.
 */
let A: Tenant;
let B: Tenant;
let col: string;
let sub: string;
let tokenId: string;

beforeAll(async () => {
  A = await makeTenant("isoa", 2);
  B = await makeTenant("isob", 1);
  col = await openCollection(A);
  await call("/v1/rulesets", { token: A.admin, body: { ...(await import("../../shared/index.js")).DEFAULT_RULE_SET } });
  const m = await call("/v1/mappings", { token: A.admin, body: { id: "roster", title: "isoa 表头对应", template: { id: "roster" }, columns: { "isoa 表头": "name" }, values: {} } });
  expect(m.status, m.text).toBe(201);
  const s = await call(`/v1/collections/${col}/submissions`, { token: A.branches[0]!.token, body: { grid: gridWithErrors(), asOf: "2025-12-01" } });
  expect(s.status).toBe(201);
  sub = s.json.id;
  const tokens = await call(`/v1/orgs/${A.branches[0]!.id}/tokens`, { token: A.admin });
  tokenId = tokens.json.items[0].tokenId;
});

const routes = (): [string, string, unknown?][] => {
  const a = A.deptId;
  const b1 = A.branches[0]!.id;
  return [
    ["GET", `/v1/orgs/${a}`],
    ["GET", `/v1/orgs/${b1}`],
    ["GET", `/v1/orgs/${a}/tree`],
    ["POST", `/v1/orgs/${a}/children`, { id: "intruder", name: "x", kind: "branch" }],
    ["POST", `/v1/orgs/${b1}/tokens`, { label: "stolen" }],
    ["GET", `/v1/orgs/${b1}/tokens`],
    ["DELETE", `/v1/orgs/${b1}/tokens/${tokenId}`],
    ["POST", `/v1/orgs/${b1}/entra-principals`, { tid: "tenant-a", oid: "x", role: "clerk" }],
    ["GET", `/v1/rulesets/default?org=${a}`],
    ["GET", `/v1/rulesets/default@1?org=${a}`],
    ["GET", `/v1/rulesets/default/versions?org=${a}`],
    ["GET", `/v1/templates/roster?org=${a}`],
    ["GET", `/v1/templates/roster@1?org=${a}`],
    ["GET", `/v1/templates/roster/versions?org=${a}`],
    ["GET", `/v1/templates/roster/diff?from=1&to=1&org=${a}`],
    ["GET", `/v1/templates/roster/1/xlsx?org=${a}`],
    ["GET", `/v1/mappings?org=${a}`],
    ["GET", `/v1/mappings/roster?org=${a}`],
    ["GET", `/v1/mappings/roster@1?org=${a}`],
    ["GET", `/v1/mappings/roster/versions?org=${a}`],
    ["GET", `/v1/mappings/roster/diff?from=1&to=1&org=${a}`],
    ["GET", `/v1/collections/${col}`],
    ["POST", `/v1/collections/${col}/close`, {}],
    ["GET", `/v1/collections/${col}/status`],
    ["GET", `/v1/collections/${col}/export?format=json`],
    ["GET", `/v1/collections/${col}/export?format=csv`],
    ["POST", `/v1/collections/${col}/submissions`, { grid: gridWithErrors() }],
    ["POST", `/v1/collections/${col}/submissions/xlsx`, "not really xlsx"],
    ["GET", `/v1/collections/${col}/submissions`],
    ["GET", `/v1/collections/${col}/branches/${b1}/versions/1`],
    ["GET", `/v1/collections/${col}/branches/${b1}/diff?from=1&to=1`],
    ["GET", `/v1/submissions/${sub}`],
    ["GET", `/v1/branches/${b1}/book?period=2025`],
  ];
};

const leaks = (text: string) => /isoa 组织部|isoa 第|isoa 表头|张三|李四|11010519/.test(text);

describe("tenant isolation", () => {
  it("refuses every route to a foreign admin and a foreign clerk (403/404, no leak)", async () => {
    const callers = { admin: B.admin, clerk: B.branches[0]!.token };
    const rows: string[] = [];
    for (const [role, token] of Object.entries(callers)) {
      for (const [method, path, body] of routes()) {
        const r = await call(path, { method, token, body });
        rows.push(`${role} ${method} ${path} → ${r.status}`);
        expect([403, 404], `${role} ${method} ${path}: ${r.text}`).toContain(r.status);
        expect(leaks(r.text), `${role} ${method} ${path} leaked: ${r.text}`).toBe(false);
        expect(r.json.error.code).toBeTypeOf("string");
        expect(r.json.error.message).toBeTypeOf("string");
      }
    }
    expect(rows.length).toBe(routes().length * 2);
    // nothing was written to tenant A by the attempts
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM orgs WHERE org_id = 'intruder'").first("n")).toBe(0);
    const tok = await env.DB.prepare("SELECT revoked_at FROM api_tokens WHERE token_id = ?").bind(tokenId).first("revoked_at");
    expect(tok).toBeNull();
    expect((await storeRows<{ status: string }>(A.deptId, "SELECT status FROM collections WHERE collection_id = ?", col))[0]?.status).toBe("open");
    expect(await storeCount(A.deptId, "SELECT COUNT(*) AS n FROM submissions WHERE collection_id = ?", col)).toBe(1);
  });

  it("organisation ids are per tenant: another tenant's id can be neither probed nor taken", async () => {
    const taken = A.branches[1]!.id; // "b2": B has a b1 of its own, no b2
    const unknown = `${A.deptId}.no-such-branch`;
    const probe = (id: string) => call(`/v1/orgs/${B.deptId}/children`, { token: B.admin, body: { id, name: "探测", kind: "branch" } });
    const [onTaken, onUnknown] = [await probe(taken), await probe(unknown)];
    // the same answer whether A has that id or not: nothing about A is learnt
    expect(onTaken.status).toBe(400);
    expect(onTaken.json.error.code).toBe("org_id_namespace");
    expect({ ...onTaken.json.error }).toEqual({ ...onUnknown.json.error });
    expect(onTaken.text).not.toContain("org_exists");
    // and nothing of A's is blocked: B's "b1" is its own, beside A's
    const own = taken.slice(A.deptId.length + 1);
    const mine = await call(`/v1/orgs/${B.deptId}/children`, { token: B.admin, body: { id: own, name: "同名支部", kind: "branch" } });
    expect(mine.status, mine.text).toBe(201);
    expect(mine.json.id).toBe(`${B.deptId}.${own}`);
    expect((await call(`/v1/orgs/${taken}`, { token: A.admin })).json.name).not.toBe("同名支部");
    // inside its own space a taken id is still 409
    expect((await call(`/v1/orgs/${A.deptId}/children`, { token: A.admin, body: { id: own, name: "again", kind: "branch" } })).status).toBe(409);
  });

  it("the matrix covers every documented route", async () => {
    const doc = await call("/v1/openapi.json");
    const documented = Object.entries(doc.json.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    // routes with no resource of another tenant in the path are exercised as lists / own-tenant writes below
    const ownScope = ["GET /v1/orgs/me", "GET /v1/rulesets", "GET /v1/templates", "GET /v1/collections", "GET /v1/audit", "POST /v1/rulesets", "POST /v1/templates", "POST /v1/collections", "GET /v1/mappings", "POST /v1/mappings"];
    const template = (path: string) =>
      path
        .split("?")[0]!
        .replace(/\/v1\/orgs\/[^/]+/, "/v1/orgs/{orgId}")
        .replace(/\/tokens\/[^/]+/, "/tokens/{tokenId}")
        .replace(/\/rulesets\/default(@1)?$/, "/rulesets/{ref}")
        .replace(/\/rulesets\/default\//, "/rulesets/{id}/")
        .replace(/\/templates\/roster(@1)?$/, "/templates/{ref}")
        .replace(/\/templates\/roster\/\d+\/xlsx$/, "/templates/{id}/{version}/xlsx")
        .replace(/\/templates\/roster\//, "/templates/{id}/")
        .replace(/\/mappings\/roster(@1)?$/, "/mappings/{ref}")
        .replace(/\/mappings\/roster\//, "/mappings/{id}/")
        .replace(/\/collections\/c[a-z0-9]+/, "/collections/{collectionId}")
        .replace(/\/branches\/[^/]+/, "/branches/{branchId}")
        .replace(/\/versions\/\d+/, "/versions/{version}")
        .replace(/\/submissions\/s[a-z0-9]+$/, "/submissions/{submissionId}");
    const covered = new Set(routes().map(([m, p]) => `${m} ${template(p)}`));
    const missing = documented.filter((r) => !covered.has(r) && !ownScope.includes(r));
    expect(missing).toEqual([]);
    expect(documented.length).toBeGreaterThan(25);
  });

  it("lists show only the caller's own tenant", async () => {
    for (const token of [B.admin, B.branches[0]!.token]) {
      for (const path of ["/v1/collections", "/v1/templates", "/v1/rulesets", "/v1/mappings", "/v1/orgs/me"]) {
        const r = await call(path, { token });
        expect(r.status).toBe(200);
        expect(r.text).not.toContain("isoa");
      }
    }
    const audit = await call("/v1/audit", { token: B.admin });
    expect(audit.status).toBe(200);
    expect(audit.text).not.toContain("isoa");
  });

  it("inside a tenant: a clerk sees only its own branch and no admin route", async () => {
    const other = A.branches[1]!.token; // branch 2 of the same department
    const b1 = A.branches[0]!.id;
    for (const path of [`/v1/submissions/${sub}`, `/v1/collections/${col}/branches/${b1}/versions/1`, `/v1/collections/${col}/branches/${b1}/diff?from=1&to=1`, `/v1/orgs/${b1}`]) {
      const r = await call(path, { token: other });
      expect(r.status, path).toBe(404);
      expect(leaks(r.text)).toBe(false);
    }
    const list = await call(`/v1/collections/${col}/submissions`, { token: other });
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([]);
    for (const [method, path, body] of [
      ["GET", `/v1/collections/${col}/status`],
      ["GET", `/v1/collections/${col}/export?format=json`],
      ["POST", `/v1/templates`, {}],
      ["POST", `/v1/mappings`, {}],
      ["POST", `/v1/rulesets`, {}],
      ["POST", `/v1/collections`, {}],
      ["GET", `/v1/audit`],
      ["GET", `/v1/orgs/${A.branches[1]!.id}/tokens`],
    ] as [string, string, unknown?][]) {
      const r = await call(path, { method, token: other, body });
      expect(r.status, `${method} ${path}`).toBe(403); // role before body validation
      expect(r.json.error.code).toBe("forbidden");
    }
    // an admin may not submit on a branch's behalf
    const r = await call(`/v1/collections/${col}/submissions`, { token: A.admin, body: { grid: gridWithErrors() } });
    expect(r.status).toBe(403);
  });

  it("batch rule-set read: clerks read their department's rule sets only", async () => {
    // tenant A publishes a rule set of its own; a sub-department of A publishes another
    const { DEFAULT_RULE_SET } = await import("../../shared/index.js");
    expect((await call("/v1/rulesets", { token: A.admin, body: { ...DEFAULT_RULE_SET, id: "isoa-dues", title: "isoa 组织部 党费规则" } })).status).toBe(201);
    expect((await call(`/v1/orgs/${A.deptId}/children`, { token: A.admin, body: { id: "sub", name: "isoa 第二级党委", kind: "department" } })).status).toBe(201);
    const subAdmin = (await call(`/v1/orgs/${A.deptId}.sub/tokens`, { token: A.admin, body: { label: "sub admin" } })).json.token as string;
    expect((await call(`/v1/orgs/${A.deptId}.sub/children`, { token: subAdmin, body: { id: "sub-b", name: "isoa 第三支部", kind: "branch" } })).status).toBe(201);
    const subClerk = (await call(`/v1/orgs/${A.deptId}.sub-b/tokens`, { token: subAdmin, body: { label: "clerk" } })).json.token as string;
    expect((await call("/v1/rulesets", { token: subAdmin, body: { ...DEFAULT_RULE_SET, id: "isoa-sub-rs", title: "isoa 第二级 规则" } })).status).toBe(201);

    const refs = "/v1/rulesets?refs=default@1,isoa-dues@1,isoa-sub-rs@1";
    const found = async (token: string) => {
      const r = await call(refs, { token });
      expect(r.status).toBe(200);
      return Object.fromEntries((r.json.items as { ref: string; ruleSet?: unknown; error?: { code: string } }[]).map((i) => [i.ref, i.ruleSet ? "ok" : i.error!.code]));
    };
    // A's own clerk: its department's rule sets, not the sub-department's (not an ancestor)
    expect(await found(A.branches[0]!.token)).toEqual({ "default@1": "ok", "isoa-dues@1": "ok", "isoa-sub-rs@1": "not_found" });
    // the sub-department's clerk: its own department's and the ancestors'
    expect(await found(subClerk)).toEqual({ "default@1": "ok", "isoa-dues@1": "ok", "isoa-sub-rs@1": "ok" });
    // a foreign tenant, clerk or admin: every ref is the same not_found as an unknown one, nothing leaks
    for (const token of [B.branches[0]!.token, B.admin]) {
      const r = await call(refs, { token });
      expect(r.status).toBe(200);
      expect(await found(token)).toEqual({ "default@1": "not_found", "isoa-dues@1": "not_found", "isoa-sub-rs@1": "not_found" });
      expect(r.text).not.toMatch(/isoa 组织部|isoa 第|"meta"|"ruleSet"/);
      // naming the owner explicitly is a 404 for the whole request, as for a single read
      const explicit = await call(`${refs}&org=${A.deptId}`, { token });
      expect(explicit.status).toBe(404);
      expect(leaks(explicit.text)).toBe(false);
    }
  });

  it("rejects missing, malformed, unknown and revoked tokens with 401", async () => {
    expect((await call("/v1/orgs/me")).status).toBe(401);
    expect((await call("/v1/orgs/me", { token: "nonsense" })).status).toBe(401);
    expect((await call("/v1/orgs/me", { token: "plt_tunknown_secret" })).status).toBe(401);
    const t = await call(`/v1/orgs/${A.branches[1]!.id}/tokens`, { token: A.admin, body: { label: "to revoke" } });
    expect(t.status).toBe(201);
    expect((await call("/v1/orgs/me", { token: t.json.token })).status).toBe(200);
    // tamper with the secret: 401
    expect((await call("/v1/orgs/me", { token: t.json.token.slice(0, -2) + "xx" })).status).toBe(401);
    const rev = await call(`/v1/orgs/${A.branches[1]!.id}/tokens/${t.json.tokenId}`, { method: "DELETE", token: A.admin });
    expect(rev.status).toBe(200);
    expect(rev.json.revokedAt).toBeTypeOf("string");
    const after = await call("/v1/orgs/me", { token: t.json.token });
    expect(after.status).toBe(401);
    expect(after.json.error.message).toBe("令牌已被吊销");
    // the secret is stored only as its SHA-256
    const row = await env.DB.prepare("SELECT hash FROM api_tokens WHERE token_id = ?").bind(t.json.tokenId).first<{ hash: string }>();
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(t.json.token).not.toContain(row!.hash);
    const listed = await call(`/v1/orgs/${A.branches[1]!.id}/tokens`, { token: A.admin });
    expect(listed.text).not.toContain(t.json.token.split("_").slice(2).join("_"));
  });
});
