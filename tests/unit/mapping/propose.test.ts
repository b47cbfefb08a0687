import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../shared/index.js";
import { mappingFromAnswers, proposeMapping } from "../../../shared/mapping/propose.js";
import { book, makeId, serial, sheet } from "../engine/grid-helpers.js";

/** The pane's mapping step: what it shows for a sheet, and the mapping the clerk's answers make. */
const grid = () =>
  sheet("名单", [
    ["东湖村党支部党员名单"],
    ["姓名", "身份号", "性别", "政治面貌", "入党日期", "转正日期", "所在小组"],
    ["张三", makeId("1980-03-04", "男"), "男性", "党员", serial("2005-07-01"), serial("2006-07-01"), "一组"],
    ["李四", makeId("1990-05-06", "女"), "女", "预备", serial("2025-06-01"), null, "二组"],
    ["王五", makeId("1985-01-02", "男"), "男", "党员", serial("2015-09-01"), serial("2016-09-01"), "一组"],
  ]);

describe("proposeMapping", () => {
  it("shows each column with samples, the proposed field and how sure, and the values outside a field's list", () => {
    const p = proposeMapping(grid(), { template: { id: "roster" } })!;
    expect(p.template).toEqual({ id: "roster", version: 1, title: "党员花名册" });
    expect(p.headerRow).toBe(2);
    const by = Object.fromEntries(p.columns.map((c) => [c.header, c]));
    expect(by["姓名"]!.field).toBe("name");
    expect(by["姓名"]!.samples).toEqual(["张三", "李四", "王五"]);
    expect(by["入党日期"]!.field).toBe("joinDate");
    expect(by["政治面貌"]!.field).toBe("status");
    // 党员 is no typical value of 党籍状态: offered as the first allowed value that holds it; 预备 is one.
    expect(by["政治面貌"]!.values).toEqual([{ from: "党员", count: 2, to: "正式党员" }]);
    // 男性 is already one of 性别's spellings (男): nothing to ask.
    expect(by["性别"]!.values).toEqual([]);
    expect(by["所在小组"]!.field).toBe(null);
    expect(p.unsure).toBe(true);
    expect(p.fields.map((f) => f.name)).toContain("partyPost");
  });

  it("turns the clerk's answers into a mapping that the next check applies", () => {
    const answers = [
      { header: "政治面貌", field: "status", values: { 党员: "正式党员" } },
      { header: "所在小组", field: null },
      { header: "身份号", field: "idNumber" },
    ];
    const mapping = mappingFromAnswers({ id: "roster" }, answers);
    expect(mapping).toEqual({ template: { id: "roster" }, columns: { 政治面貌: "status", 所在小组: null, 身份号: "idNumber" }, values: { status: { 党员: "正式党员" } } });
    const r = checkWorkbook(book(grid()), { asOf: "2025-12-31", mapping });
    expect(r.sheets[0]!.status).toBe("checked");
    expect(r.sheets[0]!.mapping).toMatchObject({ columns: 2, ignored: 1, valueFields: ["status"] });
    const again = proposeMapping(grid(), { mapping })!;
    expect(again.columns.find((c) => c.header === "政治面貌")).toMatchObject({ source: "mapping", confidence: 1, values: [] });
    expect(again.columns.find((c) => c.header === "所在小组")).toMatchObject({ field: null, source: "mapping" });
  });
});
