import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../shared/index.js";
import type { MappingInput } from "../../../shared/template/mapping.js";
import { book, makeId, serial, sheet } from "../engine/grid-helpers.js";

/**
 * A confirmed mapping (CheckOptions.mapping): a sheet whose headers the engine does not know is
 * recognised once a person says which field each column is; columns left out are never read;
 * values written the clerk's way are normalised before the rules, and findings quote the clerk.
 */
const HEADERS = ["人员名字", "身份证件", "男女", "政治身份", "入组织时间", "成为正式时间", "手机联系"];
const rows = (): (string | number | null)[][] => [
  HEADERS,
  ["张三", makeId("1980-03-04", "男"), "男的", "党员", serial("2005-07-01"), serial("2006-07-01"), "garbage"],
  ["李四", makeId("1990-05-06", "女"), "男的", "预备", serial("2025-06-01"), null, "garbage"],
  ["王五", makeId("1985-01-02", "男"), "男的", "党员", serial("2025-09-01"), null, "garbage"],
];
const MAPPING: MappingInput = {
  template: { id: "roster" },
  columns: { 人员名字: "name", 身份证件: "idNumber", 男女: "sex", 政治身份: "status", 入组织时间: "joinDate", 成为正式时间: "fullDate", 手机联系: null },
  values: { status: { 党员: "正式党员", 预备: "预备党员" }, sex: { 男的: "男" } },
};
const check = (mapping?: MappingInput | MappingInput[]) => checkWorkbook(book(sheet("名单", rows())), { asOf: "2025-12-31", ...(mapping ? { mapping } : {}) });

describe("a confirmed mapping", () => {
  it("makes a sheet the engine did not know a roster, sure of every mapped column", () => {
    const before = check();
    expect(before.sheets[0]!.status).toBe("unrecognised");
    const after = check(MAPPING);
    const s = after.sheets[0]!;
    expect(s.status).toBe("checked");
    expect(s.template).toEqual({ id: "roster", version: 1 });
    expect(s.confidence).toBeGreaterThanOrEqual(0.9);
    const byHeader = Object.fromEntries(s.columns.map((c) => [c.header, c]));
    for (const [header, field] of Object.entries(MAPPING.columns!)) {
      expect(byHeader[header]!.field, header).toBe(field);
      expect(byHeader[header]!.mapped, header).toBe(true);
      if (field) expect(byHeader[header]!.confidence, header).toBe(1);
    }
    expect(s.mapping).toEqual({ columns: 6, ignored: 1, valueFields: ["sex", "status"], saved: [] });
  });

  it("never reads a column it leaves out: the garbage phone column raises nothing", () => {
    const r = check(MAPPING);
    expect(r.findings.filter((f) => f.cell?.startsWith("G"))).toEqual([]);
    const withPhone = check({ ...MAPPING, columns: { ...MAPPING.columns, 手机联系: "phone" } });
    expect(withPhone.findings.filter((f) => f.cell?.startsWith("G")).map((f) => f.cell)).toEqual(["G2", "G3", "G4"]);
  });

  it("maps values before the rules run, and the findings quote the clerk's own text", () => {
    const r = check(MAPPING);
    const at = (cell: string) => r.findings.filter((f) => f.cell === cell).map((f) => `${f.code}|${f.args?.value ?? ""}`);
    // 男的 → 男: no 不在可选值 finding; 李四's ID is a woman's, so the sex disagrees, in the clerk's words.
    expect(at("C2")).toEqual([]);
    expect(at("C3")).toEqual(["id.sexMismatch|男的"]);
    expect(r.findings.find((f) => f.cell === "C3")!.message).toContain("“男的”");
    // 党员 → 正式党员 with probation running until 2026-09-01: 党籍状态 too early, quoting 党员.
    expect(at("D4")).toEqual(["member.statusTooEarly|党员"]);
    expect(r.findings.find((f) => f.cell === "D4")!.message).toContain("“党员”");
    // 预备 → 预备党员, probation running: nothing.
    expect(at("D3")).toEqual([]);
    // Without the value mapping the same cells are values outside the list, again in the clerk's words.
    const raw = check({ ...MAPPING, values: {} });
    expect(raw.findings.filter((f) => f.cell === "C2").map((f) => `${f.code}|${f.args?.value}`)).toEqual(["value.notInList|男的"]);
    expect(raw.findings.filter((f) => f.cell === "D4")).toEqual([]);
  });

  it("applies only to its template (and version), and a later mapping wins over an earlier one", () => {
    expect(check({ ...MAPPING, template: { id: "dues-monthly" } }).sheets[0]!.status).toBe("unrecognised");
    expect(check({ ...MAPPING, template: { id: "roster", version: 2 } }).sheets[0]!.status).toBe("unrecognised");
    expect(check({ ...MAPPING, template: { id: "roster", version: 1 } }).sheets[0]!.status).toBe("checked");
    const overridden = check([MAPPING, { template: { id: "roster" }, columns: { 手机联系: "phone" }, saved: { id: "roster", version: 3, orgId: "dept" } }]);
    const s = overridden.sheets[0]!;
    expect(s.columns.find((c) => c.header === "手机联系")!.field).toBe("phone");
    expect(s.mapping!.saved).toEqual([{ id: "roster", version: 3, orgId: "dept" }]);
  });

  it("matches headers as the engine does: spaces, stars and bracket widths do not matter; a path names a two-row header", () => {
    const m: MappingInput = { template: { id: "roster" }, columns: { "* 人员名字": "name", "入组织时间（年月日）": "joinDate" } };
    const grid = book(sheet("x", [["人员名字", "入组织时间(年月日)"], ["张三", serial("2001-07-01")], ["李四", serial("2002-07-01")]]));
    const r = checkWorkbook(grid, { asOf: "2025-12-31", mapping: m });
    expect(r.sheets[0]!.columns.map((c) => `${c.header}=${c.field}`)).toEqual(["人员名字=name", "入组织时间(年月日)=joinDate"]);
    const two = book(
      sheet("x", [["基本信息", null, "组织信息"], ["称呼", "证件", "加入"], ["张三", makeId("1980-03-04", "男"), serial("2001-07-01")], ["李四", makeId("1981-03-04", "女"), serial("2002-07-01")]], {
        merges: [{ r0: 0, c0: 0, r1: 0, c1: 1 }],
      }),
    );
    const byPath = checkWorkbook(two, { asOf: "2025-12-31", mapping: { template: { id: "roster" }, columns: { "基本信息 / 称呼": "name", "组织信息 / 加入": "joinDate" } } });
    expect(byPath.sheets[0]!.status).toBe("checked");
    expect(byPath.sheets[0]!.columns.filter((c) => c.mapped).map((c) => c.column)).toEqual(["A", "C"]);
  });
});
