import { describe, expect, it } from "vitest";
import { env, exports } from "cloudflare:workers";
import { importJWK, SignJWT } from "jose";
import { Hono } from "hono";
import { createClient } from "../../functions/client.js";
import { corsFromEnv } from "../../functions/middleware/cors.js";
import { app } from "../../functions/app.js";
import type { AppEnv } from "../../functions/env.js";
import { call, cleanGrid, makeTenant, openCollection, roster } from "./helpers.js";

async function entraToken(claims: Record<string, unknown>, opts: { aud?: string; iss?: string; exp?: string } = {}) {
  const jwk = JSON.parse(env.TEST_ENTRA_PRIVATE_JWK);
  const key = await importJWK(jwk, "RS256");
  const tid = (claims.tid as string) ?? "tenant-a";
  return new SignJWT({ scp: "access_as_user", ...claims })
    .setProtectedHeader({ alg: "RS256", kid: jwk.kid })
    .setIssuer(opts.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(opts.aud ?? env.ENTRA_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? "1h")
    .sign(key);
}

describe("Microsoft Entra ID access tokens (remote key set, fetched over HTTP)", () => {
  // The Worker's own env, but with no local key set: keys can only come from ENTRA_JWKS_URL.
  const remote = (url: string) => ({ ...env, ENTRA_JWKS_JSON: "", ENTRA_JWKS_URL: url });
  const me = (token: string, url: string) => app.request("/v1/orgs/me", { headers: { authorization: `Bearer ${token}` } }, remote(url));

  it("verifies a linked user's token with the keys served at the URL, and refuses a forged one", async () => {
    const t = await makeTenant("entra-remote", 1);
    expect((await call(`/v1/orgs/${t.branches[0]!.id}/entra-principals`, { token: t.admin, body: { tid: "tenant-a", oid: "remote-user", role: "clerk" } })).status).toBe(201);
    const token = await entraToken({ tid: "tenant-a", oid: "remote-user" });
    const ok = await me(token, env.TEST_JWKS_URL);
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(((await ok.json()) as { actor: string }).actor).toBe("entra:tenant-a/remote-user");
    const forged = token.split(".");
    forged[2] = forged[2]!.split("").reverse().join("");
    expect((await me(forged.join("."), env.TEST_JWKS_URL)).status).toBe(401);
  });

  it("answers 401, not 500, when the key set cannot be fetched", async () => {
    const token = await entraToken({ tid: "tenant-a", oid: "remote-user" });
    const missing = env.TEST_JWKS_URL.replace(/\/keys$/, "/no-such-keys");
    const r = await me(token, missing);
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });
});

describe("Microsoft Entra ID access tokens (local key set)", () => {
  it("accepts a linked user and refuses wrong audience, tenant, expiry, scope or unlinked users", async () => {
    const t = await makeTenant("entra", 1);
    const link = await call(`/v1/orgs/${t.branches[0]!.id}/entra-principals`, { token: t.admin, body: { tid: "tenant-a", oid: "user-1", role: "clerk" } });
    expect(link.status).toBe(201);
    const ok = await call("/v1/orgs/me", { token: await entraToken({ tid: "tenant-a", oid: "user-1" }) });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.org.id).toBe(t.branches[0]!.id);
    expect(ok.json.role).toBe("clerk");
    expect(ok.json.actor).toBe("entra:tenant-a/user-1");
    expect((await call("/v1/orgs/me", { token: await entraToken({ tid: "tenant-a", oid: "user-1" }, { aud: "api://other" }) })).status).toBe(401);
    expect((await call("/v1/orgs/me", { token: await entraToken({ tid: "tenant-b", oid: "user-1" }) })).status).toBe(401);
    expect((await call("/v1/orgs/me", { token: await entraToken({ tid: "tenant-a", oid: "user-1" }, { exp: "-1m" }) })).status).toBe(401);
    expect((await call("/v1/orgs/me", { token: await entraToken({ tid: "tenant-a", oid: "user-1", scp: "User.Read" }) })).status).toBe(403);
    expect((await call("/v1/orgs/me", { token: await entraToken({ tid: "tenant-a", oid: "stranger" }) })).status).toBe(403);
    // a token signed by another key
    const forged = (await entraToken({ tid: "tenant-a", oid: "user-1" })).split(".");
    forged[2] = forged[2]!.split("").reverse().join("");
    expect((await call("/v1/orgs/me", { token: forged.join(".") })).status).toBe(401);
  });

  it("linking a user another tenant linked neither fails nor says so; the user names the organisation per request", async () => {
    const a = await makeTenant("entra-a", 1);
    const b = await makeTenant("entra-b", 1);
    const body = { tid: "tenant-a", oid: "shared-user", role: "clerk" };
    expect((await call(`/v1/orgs/${a.branches[0]!.id}/entra-principals`, { token: a.admin, body })).status).toBe(201);
    const second = await call(`/v1/orgs/${b.branches[0]!.id}/entra-principals`, { token: b.admin, body });
    expect(second.status, second.text).toBe(201);
    expect(second.text).not.toContain(a.branches[0]!.id);
    const token = await entraToken({ tid: "tenant-a", oid: "shared-user" });
    const ambiguous = await call("/v1/orgs/me", { token });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.json.error.code).toBe("org_required");
    expect(ambiguous.text).not.toContain(a.branches[0]!.id);
    const inA = await call("/v1/orgs/me", { token, headers: { "x-org-id": a.branches[0]!.id } });
    expect(inA.json.org.id).toBe(a.branches[0]!.id);
    const inB = await call("/v1/orgs/me", { token, headers: { "x-org-id": b.branches[0]!.id } });
    expect(inB.json.org.id).toBe(b.branches[0]!.id);
    expect((await call("/v1/orgs/me", { token, headers: { "x-org-id": a.deptId } })).status).toBe(403);
    // Entra ids are GUID-sized: a 65-character or odd one is refused
    const long = await call(`/v1/orgs/${a.branches[0]!.id}/entra-principals`, { token: a.admin, body: { ...body, oid: "x".repeat(65) } });
    expect(long.status).toBe(400);
    expect(long.json.error.details.issues[0].path).toBe("oid");
    expect((await call(`/v1/orgs/${a.branches[0]!.id}/entra-principals`, { token: a.admin, body: { ...body, tid: "a/b" } })).status).toBe(400);
  });
});

describe("CORS", () => {
  it("in local development (LOCAL_DEV=1, as npm start sets it) also allows the pane on this machine, http or https, any port; never otherwise", async () => {
    const app = new Hono<AppEnv>().use(corsFromEnv()).get("/", (c) => c.text("ok"));
    const allowed = (origin: string, env: Record<string, string>) =>
      Promise.resolve(app.request("/", { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } }, env)).then((r) => r.headers.get("access-control-allow-origin"));
    const dev = { ALLOWED_ORIGINS: "https://addin.example.org", LOCAL_DEV: "1" };
    for (const o of ["http://localhost:3000", "https://localhost:3000", "http://127.0.0.1:41234", "http://localhost"]) expect(await allowed(o, dev), o).toBe(o);
    for (const o of ["http://localhost.evil.example", "http://evil.example", "http://127.0.0.1.nip.io:3000", "null"]) expect(await allowed(o, dev), o).toBeNull();
    expect(await allowed("https://addin.example.org", dev)).toBe("https://addin.example.org");
    const prod = { ALLOWED_ORIGINS: "https://addin.example.org" };
    expect(await allowed("http://localhost:3000", prod)).toBeNull();
  });

  it("allows only configured origins with an explicit header list", async () => {
    const pre = await exports.default.fetch("http://ledger.test/v1/templates", {
      method: "OPTIONS",
      headers: { origin: "https://addin.example.org", "access-control-request-method": "POST", "access-control-request-headers": "authorization, x-evil" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://addin.example.org");
    expect(pre.headers.get("access-control-allow-headers")).toContain("Idempotency-Key");
    expect(pre.headers.get("access-control-allow-headers")).not.toContain("x-evil");
    const evil = await exports.default.fetch("http://ledger.test/v1/templates", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("typed client (hono/client hc<AppType>)", () => {
  it("drives the API with types from the Worker", async () => {
    const t = await makeTenant("client", 1);
    const col = await openCollection(t);
    const fetcher = ((input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(new Request(input, init))) as typeof fetch;
    const clerk = createClient("http://ledger.test", t.branches[0]!.token, { fetch: fetcher });
    const admin = createClient("http://ledger.test", t.admin, { fetch: fetcher });

    const me = await clerk.v1.orgs.me.$get();
    expect(me.status).toBe(200);
    if (me.status === 200) expect((await me.json()).org.kind).toBe("branch");

    const tpl = await clerk.v1.templates[":ref"].$get({ param: { ref: "roster@1" }, query: {} });
    expect(tpl.status).toBe(200);
    if (tpl.status === 200) expect((await tpl.json()).template.id).toBe("roster");

    const sub = await clerk.v1.collections[":collectionId"].submissions.$post({
      param: { collectionId: col },
      header: { "idempotency-key": "client-1" },
      json: { grid: cleanGrid(), asOf: "2025-12-01" },
    });
    expect(sub.status).toBe(201);
    if (sub.status === 201) {
      const body = await sub.json();
      expect(body.version).toBe(1);
      expect(body.status).toBe("clean");
    }
    const st = await admin.v1.collections[":collectionId"].status.$get({ param: { collectionId: col } });
    if (st.status === 200) expect((await st.json()).counts.submitted_clean).toBe(1);

    // template diff through the client
    const changed = roster();
    changed.fields = changed.fields.filter((f) => f.name !== "phone");
    const sex = changed.fields.find((f) => f.name === "sex")!;
    sex.constraints = { enum: ["男", "女", "未知"] };
    const name = changed.fields.find((f) => f.name === "name")!;
    name.name = "fullName";
    changed.fields.push({ name: "email", title: "电子邮箱", type: "string", aliases: [], weight: 0 });
    changed.rules = changed.rules.filter((r) => r.rule !== "development.minimumAge").map((r) => (r.rule === "branch.size" ? { ...r, params: { maxMembers: 60 } } : r));
    const extra = ["development.sponsors", "development.talkWithin", "development.training", "development.branchVote"].find((r) => !changed.rules.some((x) => x.rule === r))!;
    changed.rules.push({ rule: extra });
    const pub = await admin.v1.templates.$post({ json: changed });
    expect(pub.status, await pub.clone().text()).toBe(201);
    const diff = await admin.v1.templates[":id"].diff.$get({ param: { id: "roster" }, query: { from: "1", to: "2" } });
    expect(diff.status).toBe(200);
    if (diff.status === 200) {
      const d = await diff.json();
      expect(d.fieldsAdded.map((f) => f.name)).toEqual(["email"]);
      expect(d.fieldsRemoved.map((f) => f.name)).toEqual(["phone"]);
      expect(d.fieldsRenamed).toEqual([{ from: "name", to: "fullName", via: "姓名" }]);
      expect(d.constraintsChanged).toEqual([{ field: "sex", property: "enum", before: ["男", "女"], after: ["男", "女", "未知"] }]);
      expect(d.rulesAdded).toEqual([extra]);
      expect(d.rulesRemoved).toEqual(["development.minimumAge"]);
      // The built-in roster names branch.size without parameters (its limit comes from the rule set since issue 9).
      expect(d.rulesChanged).toEqual([{ rule: "branch.size", before: null, after: { maxMembers: 60 } }]);
    }
  });
});

describe("demo seed", () => {
  it("is off unless DEMO_SEED=1 and the secret matches", async () => {
    const r = await call("/v1/_seed", { method: "POST", headers: { "x-seed-secret": "x" } });
    expect(r.status).toBe(404);
  });
});
