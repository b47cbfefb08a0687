import { describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../../shared/grid/types.js";
import { readWorkbook } from "../../shared/xlsx/index.js";
import { call, makeTenant, openCollection, roster } from "./helpers.js";

/**
 * Mapping memory on the Worker: a branch's sheet with unfamiliar headers is not recognised; the
 * department admin saves the confirmed mapping for the organisation; the next branch's sheet with
 * the same headers is recognised with confidence, and the stored report says the saved mapping
 * was used. Saved mappings are versioned documents like templates: the same content twice is one version.
 */
const HEADERS = ["人员名字", "公民证件号", "男女", "政治身份", "入组织时间", "成为正式时间"];
const grid = (): WorkbookGrid => ({
  sheets: [
    {
      name: "我们的名单",
      values: [
        HEADERS,
        ["张三", "11010519491231002X", "女的", "党员", "1980-07-01", "1981-07-01"],
        ["李四", "110105194912310021", "男的", "党员", "1985-07-01", "1986-07-01"],
      ],
    },
  ],
});
const mapping = (extra: Record<string, unknown> = {}) => ({
  id: "roster",
  title: "本部门花名册表头",
  template: { id: "roster" },
  columns: { 人员名字: "name", 公民证件号: "idNumber", 男女: "sex", 政治身份: "status", 入组织时间: "joinDate", 成为正式时间: "fullDate" },
  values: { sex: { 女的: "女", 男的: "男" }, status: { 党员: "正式党员" } },
  ...extra,
});

describe("a department's saved mapping", () => {
  it("makes the next branch's sheet with the same headers recognised, and says it was used", async () => {
    const t = await makeTenant("mapmem", 2);
    const col = await openCollection(t);
    const [b1, b2] = t.branches;
    const before = await call(`/v1/collections/${col}/submissions`, { token: b1!.token, body: { grid: grid(), asOf: "2025-12-31" } });
    expect(before.status, before.text).toBe(422);
    expect(before.json.error.code).toBe("wrong_template");

    const saved = await call("/v1/mappings", { token: t.admin, body: mapping() });
    expect(saved.status, saved.text).toBe(201);
    expect(saved.json).toMatchObject({ id: "roster", version: 1, orgId: t.deptId });
    // The same content again is that version, not a new one.
    const again = await call("/v1/mappings", { token: t.admin, body: mapping() });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ version: 1, sha256: saved.json.sha256 });

    const after = await call(`/v1/collections/${col}/submissions`, { token: b2!.token, body: { grid: grid(), asOf: "2025-12-31" } });
    expect(after.status, after.text).toBe(201);
    const sheet = after.json.sheets[0];
    expect(sheet.status).toBe("checked");
    expect(sheet.template).toEqual({ id: "roster", version: 1 });
    expect(sheet.confidence).toBeGreaterThanOrEqual(0.9);
    expect(sheet.mapping).toEqual({ columns: 6, ignored: 0, valueFields: ["sex", "status"], saved: [{ id: "roster", version: 1, orgId: t.deptId }] });
    // 男的 → 男 before the rules: row 3's ID is a woman's, so its sex disagrees, quoted as the clerk wrote it.
    const findings = after.json.findings.map((f: { cell: string; code: string; args: { value?: string } }) => `${f.cell}|${f.code}|${f.args.value ?? ""}`);
    expect(findings).toContain("C3|id.sexMismatch|男的");
    expect(findings.filter((f: string) => f.includes("notInList"))).toEqual([]);
  });

  it("is listed for every check of the organisation, nearest department last, and for a collection's owner", async () => {
    const t = await makeTenant("maplist", 1);
    await call("/v1/mappings", { token: t.admin, body: mapping() });
    await call("/v1/mappings", { token: t.admin, body: mapping({ id: "dues-forms", title: "党费表头", template: { id: "dues-monthly" }, columns: { 交费标准: "standard" }, values: {} }) });
    const clerk = await call("/v1/mappings", { token: t.branches[0]!.token });
    expect(clerk.status, clerk.text).toBe(200);
    expect(clerk.json.items.map((i: { meta: { id: string; version: number } }) => `${i.meta.id}@${i.meta.version}`)).toEqual(["dues-forms@1", "roster@1"]);
    expect(clerk.json.items[1].mapping.columns["人员名字"]).toBe("name");
    const byOwner = await call(`/v1/mappings?org=${t.deptId}`, { token: t.branches[0]!.token });
    expect(byOwner.json.items).toHaveLength(2);
    const stranger = await makeTenant("mapother", 1);
    expect((await call(`/v1/mappings?org=${t.deptId}`, { token: stranger.admin })).status).toBe(404);
    expect((await call("/v1/mappings", { token: stranger.admin })).json.items).toEqual([]);
  });

  it("is refused when it names a field the template lacks, or by a clerk", async () => {
    const t = await makeTenant("mapbad", 1);
    const bad = await call("/v1/mappings", { token: t.admin, body: mapping({ columns: { 人员名字: "nickname" } }) });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: "mapping_unknown_field", details: { fields: ["nickname"] } });
    expect(bad.json.error.message).toContain("nickname");
    const clerk = await call("/v1/mappings", { token: t.branches[0]!.token, body: mapping() });
    expect(clerk.status).toBe(403);
    const noTemplate = await call("/v1/mappings", { token: t.admin, body: mapping({ template: { id: "no-such" } }) });
    expect(noTemplate.status).toBe(404);
  });

  it("has versions whose diff shows each header and value mapping that changed", async () => {
    const t = await makeTenant("mapdiff", 1);
    await call("/v1/mappings", { token: t.admin, body: mapping() });
    const v2 = await call("/v1/mappings", {
      token: t.admin,
      body: mapping({ columns: { ...mapping().columns, 男女: null, 联系手机: "phone" }, values: { status: { 党员: "正式党员", 预备: "预备党员" } } }),
    });
    expect(v2.status).toBe(201);
    expect(v2.json.version).toBe(2);
    const d = await call("/v1/mappings/roster/diff?from=1&to=2", { token: t.admin });
    expect(d.status, d.text).toBe(200);
    expect(d.json.columns).toEqual([
      { header: "男女", before: "sex", after: null },
      { header: "联系手机", after: "phone" },
    ]);
    expect(d.json.values).toEqual([
      { field: "sex", from: "女的", before: "女", after: null },
      { field: "sex", from: "男的", before: "男", after: null },
      { field: "status", from: "预备", before: null, after: "预备党员" },
    ]);
  });
});

describe("template versions", () => {
  it("publishing content identical to the latest version returns that version", async () => {
    const t = await makeTenant("tplsame", 1);
    const first = await call("/v1/templates", { token: t.admin, body: roster() });
    expect(first.status).toBe(201);
    const same = await call("/v1/templates", { token: t.admin, body: { ...roster(), version: 7 } });
    expect(same.status).toBe(200);
    expect(same.json).toEqual(first.json);
    const versions = await call("/v1/templates/roster/versions", { token: t.admin });
    expect(versions.json.items).toHaveLength(1);
  });

  it("diffs show aliases and value mappings that changed", async () => {
    const t = await makeTenant("tpldiff", 1);
    await call("/v1/templates", { token: t.admin, body: roster() });
    const next = roster();
    const sex = next.fields.find((f) => f.name === "sex")!;
    sex.valueAliases = { ...sex.valueAliases, 男的: "男", M: "女" };
    delete sex.valueAliases.F;
    const name = next.fields.find((f) => f.name === "name")!;
    name.aliases = [...name.aliases.filter((a) => a !== "人员姓名"), "人员名字"];
    expect((await call("/v1/templates", { token: t.admin, body: next })).status).toBe(201);
    const d = await call("/v1/templates/roster/diff?from=1&to=2", { token: t.admin });
    expect(d.status, d.text).toBe(200);
    expect(d.json.aliasesChanged).toEqual([{ field: "name", added: ["人员名字"], removed: ["人员姓名"] }]);
    expect(d.json.valueAliasesChanged).toEqual([
      { field: "sex", from: "F", before: "女", after: null },
      { field: "sex", from: "M", before: "男", after: "女" },
      { field: "sex", from: "男的", before: null, after: "男" },
    ]);
    expect(d.json.fieldsAdded).toEqual([]);
  });

  it("GET /v1/templates/{id}/{version}/xlsx hands out the Excel form of that version", async () => {
    const t = await makeTenant("tplxlsx", 1);
    await call("/v1/templates", { token: t.admin, body: roster() });
    const r = await call("/v1/templates/roster/1/xlsx", { token: t.branches[0]!.token });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(r.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("党员花名册.xlsx")}`);
    const etag = r.headers.get("etag")!;
    const res = await fetchBytes("/v1/templates/roster/1/xlsx", t.branches[0]!.token);
    const wb = readWorkbook(res);
    expect(wb.sheets.map((s) => s.name)).toEqual(["党员花名册", "填表说明"]);
    expect(wb.sheets[0]!.values[1]).toEqual(roster().fields.map((f) => f.title));
    expect(wb.sheets[0]!.validations).toEqual([{ ranges: [{ r0: 2, c0: 2, r1: 1001, c1: 2 }], values: ["男", "女"] }]);
    const cached = await call("/v1/templates/roster/1/xlsx", { token: t.branches[0]!.token, headers: { "if-none-match": etag } });
    expect(cached.status).toBe(304);
    const en = await call("/v1/templates/roster/1/xlsx", { token: t.branches[0]!.token, headers: { "accept-language": "en", "if-none-match": etag } });
    expect(en.status).toBe(200);
    expect((await call("/v1/templates/roster/9/xlsx", { token: t.admin })).status).toBe(404);
  });
});

async function fetchBytes(path: string, token: string): Promise<Uint8Array> {
  const { exports } = await import("cloudflare:workers");
  const res = await exports.default.fetch(`http://ledger.test${path}`, { headers: { authorization: `Bearer ${token}` } });
  return new Uint8Array(await res.arrayBuffer());
}
