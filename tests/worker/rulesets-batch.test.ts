import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET } from "../../shared/index.js";
import { RuleSetBatch } from "../../shared/api/schemas.js";
import { call, makeTenant, type Tenant } from "./helpers.js";

/** GET /v1/rulesets?refs=…: the custom functions' one request for every rule set a sheet names. */
let t: Tenant;
let clerk: string;

beforeAll(async () => {
  t = await makeTenant("batch", 1);
  clerk = t.branches[0]!.token;
  for (const body of [DEFAULT_RULE_SET, { ...DEFAULT_RULE_SET, id: "acme", title: "acme v1" }, { ...DEFAULT_RULE_SET, id: "acme", title: "acme v2" }]) {
    const r = await call("/v1/rulesets", { token: t.admin, body });
    expect(r.status).toBe(201);
  }
});

describe("batch rule-set read", () => {
  it("returns the requested versions in order, deduplicated, with a per-ref error for unknown ones", async () => {
    const r = await call("/v1/rulesets?refs=default@1,acme@2,acme@1,ghost@1,acme@2,acme@9,Bad%20Ref", { token: clerk });
    expect(r.status).toBe(200);
    expect(RuleSetBatch.safeParse(r.json).success).toBe(true);
    const items = r.json.items as { ref: string; meta?: { id: string; version: number }; ruleSet?: { id: string; version: number; title: string }; error?: { code: string; message: string; messageEn: string } }[];
    expect(items.map((i) => i.ref)).toEqual(["default@1", "acme@2", "acme@1", "ghost@1", "acme@9", "Bad Ref"]);
    expect(items[0]!.ruleSet).toMatchObject({ id: "default", version: 1 });
    expect(items[1]!.ruleSet).toMatchObject({ id: "acme", version: 2, title: "acme v2" });
    expect(items[1]!.meta).toMatchObject({ id: "acme", version: 2, orgId: t.deptId });
    expect(items[2]!.ruleSet).toMatchObject({ id: "acme", version: 1, title: "acme v1" });
    expect(items[3]!.error).toMatchObject({ code: "not_found", message: "未找到规则集：ghost@1", messageEn: "Rule set not found: ghost@1" });
    expect(items[4]!.error?.code).toBe("not_found");
    expect(items[5]!.error?.code).toBe("bad_ref");
    // not all found → not immutable
    expect(r.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("is immutable (ETag, 304) when every ref is pinned and found; unpinned refs mean the latest", async () => {
    const r = await call("/v1/rulesets?refs=acme@1,default@1", { token: clerk });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toContain("immutable");
    const etag = r.headers.get("etag")!;
    expect(etag).toMatch(/^"b\.[0-9a-f]{64}"$/);
    const again = await call("/v1/rulesets?refs=acme@1,default@1", { token: clerk, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    const latest = await call("/v1/rulesets?refs=acme", { token: clerk });
    expect(latest.json.items[0].ruleSet).toMatchObject({ id: "acme", version: 2 });
    expect(latest.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("per-ref messages follow Accept-Language", async () => {
    const r = await call("/v1/rulesets?refs=ghost@1", { token: clerk, headers: { "accept-language": "en" } });
    expect(r.json.items[0].error).toMatchObject({ code: "not_found", message: "Rule set not found: ghost@1", messageEn: "Rule set not found: ghost@1" });
  });

  it("refuses an empty or oversized list with 400; without refs it is still the list of latest versions", async () => {
    expect((await call("/v1/rulesets?refs=", { token: clerk })).json.error.code).toBe("bad_refs");
    expect((await call("/v1/rulesets?refs=,,", { token: clerk })).status).toBe(400);
    const many = Array.from({ length: 51 }, (_, i) => `r${i}@1`).join(",");
    const big = await call(`/v1/rulesets?refs=${many}`, { token: clerk });
    expect(big.status).toBe(400);
    expect(big.json.error.details).toMatchObject({ max: 50, count: 51 });
    const list = await call("/v1/rulesets", { token: clerk });
    expect(list.status).toBe(200);
    expect(list.json.items.map((i: { id: string; version: number }) => `${i.id}@${i.version}`).sort()).toEqual(["acme@2", "default@1"]);
    expect((await call("/v1/rulesets?refs=acme@1")).status).toBe(401);
  });

  it("is in the OpenAPI document", async () => {
    const doc = await call("/v1/openapi.json");
    const op = doc.json.paths["/v1/rulesets"].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toContain("refs");
    expect(JSON.stringify(op.responses["200"])).toContain("ref");
    expect(op.description).toContain("refs=default@1,acme@3");
  });
});
