import { describe, expect, it } from "vitest";
import { checkWorkbook, checkSheet, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

describe("header detection", () => {
  it("finds the header below a merged title, a 填报单位/日期 line and above an instruction row", () => {
    const rows: CellValue[][] = [
      ["东湖村党支部2025年三会一课登记簿", null, null, null, null],
      ["填报单位：东湖村党支部", null, null, "填报日期：2025年12月31日", null],
      [null, null, null, null, null],
      ["会议\n类型", "实际会议时间 ", "应到人数*", "实到人数", "会议名称"],
      ["必填", "必填，格式2025-01-01", "必填", "必填", "选填"],
      ["支部党员大会", "2025-03-01", 20, 18, "一季度党员大会"],
    ];
    const merges = [{ r0: 0, c0: 0, r1: 0, c1: 4 }];
    const { report, findings } = checkSheet(sheet("S", rows, { merges }), { asOf: "2025-03-31" });
    expect(report.kind).toBe("meetings");
    expect(report.headerRow).toBe(4);
    expect(report.rows).toBe(1);
    expect(report.matched.map((m) => m.field)).toEqual(["type", "date", "expected", "present", "title"]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("accepts columns in any order with extra columns, and full-width brackets in headers", () => {
    const rows: CellValue[][] = [
      ["自定义列", "转正时间", "入党时间", "党籍状态（正式/预备）", "姓名", "另一列"],
      ["x", "2011-07-01", "2010-07-01", "正式党员", "张三", "y"],
    ];
    const { report, findings } = checkSheet(sheet("S", rows), { asOf: "2025-12-31" });
    expect(report.kind).toBe("roster");
    expect(report.matched.find((m) => m.field === "status")?.column).toBe("D");
    expect(findings).toEqual([]);
  });

  it("reads two-row headers: a group title over monthly columns", () => {
    const rows: CellValue[][] = [
      ["姓名", "人员类别", "缴费基数", "月应缴党费", "缴费情况", null, null, null],
      [null, null, null, null, "1月", "2月", "3月", "4月"],
      ["甲", "在职", 5100, 76.5, 76.5, 76.5, 76.5, 76.5],
    ];
    const merges = [{ r0: 0, c0: 4, r1: 0, c1: 7 }];
    const { report, findings } = checkSheet(sheet("2025党费", rows, { merges }), { asOf: "2025-04-30" });
    expect(report.kind).toBe("dues");
    expect(report.headerRow).toBe(2);
    expect(findings).toEqual([]);
  });

  it("says so when a sheet matches nothing, and gives the closest candidate", () => {
    const r = checkWorkbook(book(sheet("杂项", [["品名", "数量", "单价"], ["笔", 3, 2]])), { asOf: "2025-12-31" });
    expect(r.sheets[0]).toMatchObject({ kind: null, template: null, status: "unrecognised" });
    expect(r.sheets[0]!.reason).toContain("未检查");
    const en = checkWorkbook(book(sheet("杂项", [["品名", "数量", "单价"]])), { asOf: "2025-12-31", lang: "en" });
    expect(en.sheets[0]!.reason).toContain("Not checked: no ledger kind recognised");
  });

  it("skips a merged notice inside the data area and totals rows", () => {
    const rows: CellValue[][] = [
      ["姓名", "党籍状态", "入党时间", "转正时间"],
      ["张三", "正式党员", "2010-07-01", "2011-07-01"],
      [null, "注意事项：\n1、本表仅供校内人员使用；\n2、请按字段批注填写。", null, null],
      ["合计", "1人", null, null],
    ];
    const merges = [{ r0: 2, c0: 1, r1: 4, c1: 3 }];
    const { report, findings } = checkSheet(sheet("S", rows, { merges }), { asOf: "2025-12-31" });
    expect(report.rows).toBe(1);
    expect(findings).toEqual([]);
  });

  it("honours a used range that does not start at A1", () => {
    const rows: CellValue[][] = [
      ["姓名", "党籍状态", "入党时间", "转正时间"],
      ["张三", "正式党员", "2010-07-01", "2012-07-01"],
    ];
    const { findings } = checkSheet(sheet("S", rows, { origin: { row: 4, col: 2 } }), { asOf: "2025-12-31" });
    expect(findings.map((f) => f.cell)).toEqual(["F6"]);
  });

  it("checks against a chosen template when asked, and refuses an unknown one clearly", () => {
    const rows: CellValue[][] = [["姓名", "入党时间"], ["张三", "2010-07-01"]];
    expect(checkSheet(sheet("S", rows), { template: { id: "roster" }, asOf: "2025-12-31" }).report.reason).toContain("指定模板");
    expect(() => checkSheet(sheet("S", rows), { template: { id: "nope" } })).toThrow(/nope/);
  });

  it("writes messages in English on request", () => {
    const rows: CellValue[][] = [["姓名", "党籍状态", "入党时间", "转正时间"], ["张三", "正式党员", "2010-07-01", "2012-07-01"]];
    const { findings } = checkSheet(sheet("S", rows), { asOf: "2025-12-31", lang: "en" });
    expect(findings[0]!.message).toMatch(/^Full membership 2012-07-01 is not 12 calendar months after admission 2010-07-01/);
  });
});
