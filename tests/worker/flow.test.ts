import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { call, cleanGrid, gridWithErrors, makeTenant, openCollection, roster, storeCount } from "./helpers.js";
import { checkWorkbook, DEFAULT_RULE_SET } from "../../shared/index.js";
import { engineOptions } from "../../functions/lib/engine.js";
import { app } from "../../functions/app.js";

describe("publish, collect, resubmit, diff, export", () => {
  it("runs the whole flow", async () => {
    const t = await makeTenant("flow", 3);
    const collectionId = await openCollection(t);
    const [b1, b2] = t.branches;

    // clerk reads the template pinned by the collection
    const col = await call(`/v1/collections/${collectionId}`, { token: b1!.token });
    expect(col.status).toBe(200);
    expect(col.json.branchIds).toEqual([b1!.id]);
    const tpl = await call(`/v1/templates/roster@${col.json.template.version}`, { token: b1!.token });
    expect(tpl.status).toBe(200);
    expect(tpl.headers.get("cache-control")).toContain("immutable");

    // submission 1 with errors, stored and marked
    const s1 = await call(`/v1/collections/${collectionId}/submissions`, {
      token: b1!.token,
      body: { grid: gridWithErrors(), asOf: "2025-12-01" },
      headers: { "idempotency-key": "k-1" },
    });
    expect(s1.status, s1.text).toBe(201);
    expect(s1.json.version).toBe(1);
    expect(s1.json.status).toBe("errors");
    expect(s1.json.counts.errors).toBe(2);

    // same answer everywhere: stored findings = checkWorkbook on the same grid
    const template = { ...roster(), version: col.json.template.version };
    const local = checkWorkbook(gridWithErrors(), engineOptions({ grid: gridWithErrors(), template, ruleSet: DEFAULT_RULE_SET, asOf: "2025-12-01" }));
    const stored = await call(`/v1/submissions/${s1.json.id}`, { token: t.admin });
    expect(stored.json.findings).toEqual(local.findings);
    expect(stored.json.sheets).toEqual(local.sheets);

    // resubmission with a new key → version 2; diff names the changed cells
    const s2 = await call(`/v1/collections/${collectionId}/submissions`, {
      token: b1!.token,
      body: { grid: cleanGrid(), asOf: "2025-12-01" },
      headers: { "idempotency-key": "k-2" },
    });
    expect(s2.status).toBe(201);
    expect(s2.json.version).toBe(2);
    expect(s2.json.status).toBe("clean");
    const diff = await call(`/v1/collections/${collectionId}/branches/${b1!.id}/diff?from=1&to=2`, { token: t.admin });
    expect(diff.status).toBe(200);
    const cells = diff.json.cellsChanged.map((c: { cell: string }) => c.cell).sort();
    expect(cells).toContain("B2");
    expect(cells).toContain("A3");
    expect(diff.json.findingsFixed.map((f: { code: string }) => f.code).sort()).toEqual(["id.checkDigit", "id.sexMismatch"]);
    expect(diff.json.findingsNew).toEqual([]);

    // every version readable with findings
    const v1 = await call(`/v1/collections/${collectionId}/branches/${b1!.id}/versions/1?include=grid`, { token: b1!.token });
    expect(v1.status).toBe(200);
    expect(v1.json.findings).toHaveLength(2);
    expect(v1.json.grid.sheets[0].values[1][1]).toBe("男");

    // status per branch
    await call(`/v1/collections/${collectionId}/submissions`, { token: b2!.token, body: { grid: gridWithErrors(), asOf: "2025-12-01" } });
    const st = await call(`/v1/collections/${collectionId}/status`, { token: t.admin });
    expect(st.status).toBe(200);
    const by = Object.fromEntries(st.json.branches.map((b: { branchId: string; status: string }) => [b.branchId, b.status]));
    expect(by).toEqual({ [b1!.id]: "submitted_clean", [b2!.id]: "submitted_with_errors", [t.branches[2]!.id]: "not_submitted" });

    // exports
    const csv = await call(`/v1/collections/${collectionId}/export?format=csv`, { token: t.admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toContain("支部编号");
    expect(lines[0]).toContain("姓名");
    expect(lines.length).toBe(1 + 1 + 2);
    const fcsv = await call(`/v1/collections/${collectionId}/export?format=csv&what=findings`, { token: t.admin });
    expect(fcsv.text.trim().split("\r\n")).toHaveLength(1 + 2);
    const js = await call(`/v1/collections/${collectionId}/export?format=json`, { token: t.admin });
    expect(js.json.items).toHaveLength(2);
    const all = await call(`/v1/collections/${collectionId}/export?format=json&versions=all`, { token: t.admin });
    expect(all.json.items.map((i: { submission: { version: number } }) => i.submission.version)).toEqual([1, 2, 1]);
    const xlsx = await call(`/v1/collections/${collectionId}/export?format=xlsx`, { token: t.admin });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");

    // audit: every write recorded
    const audit = await call(`/v1/audit?limit=500`, { token: t.admin });
    expect(audit.status).toBe(200);
    const actions = audit.json.items.map((a: { action: string }) => a.action);
    for (const a of ["org.create", "token.create", "template.publish", "collection.open", "submission.create"]) expect(actions).toContain(a);
    const sub = audit.json.items.find((a: { target: string }) => a.target === `submission:${s1.json.id}`);
    expect(sub.sha256).toBe(s1.json.contentSha256);
    expect(sub.actor).toMatch(/^token:/);

    // the rows are in the department's own store
    expect(await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM submissions WHERE collection_id = ?", collectionId)).toBe(3);
  });

  it("serves the OpenAPI document describing every route", async () => {
    // straight through app.request(), with the bindings as the third argument
    const direct = await app.request("/v1/openapi.json", {}, env);
    expect(direct.status).toBe(200);
    const r = await call("/v1/openapi.json");
    expect(r.json).toEqual(await direct.json());
    expect(r.status).toBe(200);
    const paths = Object.keys(r.json.paths);
    for (const p of [
      "/v1/orgs/me",
      "/v1/orgs/{orgId}/tokens",
      "/v1/rulesets/{ref}",
      "/v1/templates/{id}/diff",
      "/v1/collections",
      "/v1/collections/{collectionId}/submissions",
      "/v1/collections/{collectionId}/submissions/xlsx",
      "/v1/collections/{collectionId}/export",
      "/v1/audit",
    ]) {
      expect(paths).toContain(p);
    }
    expect(r.json.components.securitySchemes.bearer.scheme).toBe("bearer");
  });
});
