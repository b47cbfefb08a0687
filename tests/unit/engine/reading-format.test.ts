import { describe, expect, it } from "vitest";
import { checkSheet, type CellRange, type CellValue } from "../../../shared/index.js";
import { readWorkbookFile } from "../../../shared/reader/index.js";
import { buildXlsx, rowXml } from "../../fixtures/xlsx-parts.js";
import { serial, sheet } from "./grid-helpers.js";

/**
 * Sheets as clerks format them in Excel and WPS: headers merged over three rows, rows the clerk
 * hid, 小计 rows named with their 党小组. Grids written by hand; expected values worked out from
 * domain-rules.md (细则第十七条: 集中培训 at least three days; 第二十一条: more than half of 应到 赞成).
 */
const codes = (findings: { cell: string | null; code: string }[]) => findings.map((f) => `${f.cell} ${f.code}`).sort();
const m = (r0: number, c0: number, r1: number, c1: number): CellRange => ({ r0, c0, r1, c1 });

describe("a development ledger under a three-row merged header", () => {
  // Row 1 title; row 2 stages; row 3 steps (most merged down over row 4); row 4 the parts of 集中培训 and 支部大会.
  const rows: CellValue[][] = [
    ["某公司2025年发展党员工作台账"],
    ["基本信息", null, null, "入党申请", "积极分子", "发展对象", null, null, "接收预备党员", null, null, null],
    ["姓名", "性别", "出生年月", "申请日期", "确定日期", "确定日期", "集中培训", null, "支部大会", null, null, null],
    [null, null, null, null, null, null, "起", "止", "日期", "应到", "实到", "赞成"],
    // 5 days of training, 18 of 20 in favour: nothing wrong.
    ["甲", "男", serial("1990-05-01"), serial("2021-03-01"), serial("2021-09-01"), serial("2022-10-01"), serial("2022-11-01"), serial("2022-11-05"), serial("2023-05-10"), 20, 19, 18],
    // 2022-12-01 to 2022-12-02 is two days (< 3); 10 of 20 is not more than half (18 present is).
    ["乙", "女", serial("1992-02-01"), serial("2021-04-01"), serial("2021-10-08"), serial("2022-11-01"), serial("2022-12-01"), serial("2022-12-02"), serial("2023-06-01"), 20, 18, 10],
  ];
  const merges = [m(0, 0, 0, 11), m(1, 0, 1, 2), m(1, 5, 1, 7), m(1, 8, 1, 11), m(2, 6, 2, 7), m(2, 8, 2, 11), ...[0, 1, 2, 3, 4, 5].map((c) => m(2, c, 3, c))];

  it("takes all three rows as the header and reads no header word as a member", () => {
    const { report, findings } = checkSheet(sheet("发展台账", rows, { merges }), { asOf: "2025-12-31" });
    expect(report.kind).toBe("development");
    expect(report.headerRow).toBe(4);
    // Nothing on rows 3–4 (出生年月 is a header, not a date; 性别 not a sex).
    expect(findings.filter((f) => /^[A-Z]+[34]$/.test(f.cell ?? ""))).toEqual([]);
    // The two-day training is found at its end, the failed vote at the 赞成 cell; 甲 (row 5) is clean.
    expect(codes(findings)).toEqual(["H6 development.trainingShort", "L6 development.voteNotPassed"]);
  });

  it("binds the short leaves with their headings: 起/止 to the training, 日期 to the admission, 应到/实到/赞成 to the vote", () => {
    const { report } = checkSheet(sheet("发展台账", rows, { merges }), { asOf: "2025-12-31" });
    const fieldOf = (col: string) => report.matched.find((x) => x.column === col)?.field;
    expect([fieldOf("G"), fieldOf("H"), fieldOf("I"), fieldOf("J"), fieldOf("K"), fieldOf("L")]).toEqual(["trainingStart", "trainingEnd", "joinDate", "votersExpected", "votersPresent", "votesYes"]);
  });
});

describe("rows the clerk hid, and 小计 rows named with their 党小组", () => {
  const header: CellValue[] = ["序号", "姓名", "性别", "出生日期", "入党时间", "党小组"];
  const member = (n: CellValue, name: string, group: string): CellValue[] => [n, name, "男", serial("1980-01-01"), serial("2010-07-01"), group];
  const table = (sub1: string, sub2: string, total: string): CellValue[][] => [
    ["某支部党员花名册"],
    header,
    member(1, "甲", "第一党小组"),
    member(2, "乙", "第一党小组"),
    // Row 5 is hidden: a member who left, kept out of sight.
    member("—", "丙", "第一党小组"),
    [sub1],
    member(1, "丁", "第二党小组"),
    [sub2],
    [total],
  ];
  const hiddenRows = [4];

  it("agrees with the visible rows: 第一党小组小计：2人 beside a hidden third, and 合计：3人", () => {
    const { findings } = checkSheet(sheet("花名册", table("第一党小组小计：2人", "第二党小组小计：1人", "合计：党员3人"), { hiddenRows }), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code.startsWith("derived."))).toEqual([]);
  });

  it("agrees with all rows too: a clerk who counts the hidden member (3人, 4人) is not wrong", () => {
    const { findings } = checkSheet(sheet("花名册", table("第一党小组小计：3人", "第二党小组小计：1人", "合计：4人"), { hiddenRows }), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code.startsWith("derived."))).toEqual([]);
  });

  it("finds a group's wrong 小计 (第二党小组小计：2人 over one member) and tells a wrong 合计 against the visible rows", () => {
    const { findings } = checkSheet(sheet("花名册", table("第一党小组小计：2人", "第二党小组小计：2人", "合计：5人"), { hiddenRows }), { asOf: "2025-12-31" });
    const counts = findings.filter((f) => f.code === "derived.countMismatch").map((f) => `${f.cell} ${f.expected}`);
    expect(counts).toEqual(["A8 1", "A9 3"]);
  });

  it("where the host cannot tell hidden rows (hiddenRowsUnknown), the same 小计：2人 over three rows is a warning that says why, not an error", () => {
    const { findings } = checkSheet(sheet("花名册", table("第一党小组小计：2人", "第二党小组小计：1人", "合计：4人"), { hiddenRowsUnknown: true }), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code.startsWith("derived.")).map((f) => `${f.cell} ${f.code} ${f.severity} ${f.expected}`)).toEqual(["A6 derived.countMismatchHiddenUnknown warning 3"]);
    expect(findings.find((f) => f.code === "derived.countMismatchHiddenUnknown")!.message).toContain("无法告知哪些行已隐藏");
  });

  it("without the hidden flag the same 小计：2人 over three rows is wrong", () => {
    const { findings } = checkSheet(sheet("花名册", table("第一党小组小计：2人", "第二党小组小计：1人", "合计：4人")), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code === "derived.countMismatch").map((f) => `${f.cell} ${f.expected}`)).toEqual(["A6 3"]);
  });
});

describe("the .xlsx reader reads the rows and columns a clerk hid", () => {
  it("gives 0-based hiddenRows and hiddenCols in sheet coordinates", () => {
    const body =
      `<cols><col min="2" max="3" width="9" hidden="1"/><col min="5" max="5" width="9"/></cols><sheetData>` +
      rowXml(1, ["姓名", "性别", "身份证号", "党小组", "备注"]) +
      rowXml(2, ["甲", "男", "x", "一", null]).replace('<row r="2">', '<row r="2" hidden="1">') +
      rowXml(3, ["乙", "女", "y", "一", null]).replace('<row r="3">', '<row r="3" hidden="0">') +
      `<row r="7" hidden="true"/>` +
      `</sheetData>`;
    const grid = readWorkbookFile(buildXlsx([{ name: "名册", body }])).sheets[0]!;
    // Row 2 (index 1) and the empty row 7 (index 6) are hidden; row 3 says hidden="0". Columns B and C (1, 2).
    expect(grid.hiddenRows).toEqual([1, 6]);
    expect(grid.hiddenCols).toEqual([1, 2]);
  });

  it("says nothing of hidden rows or columns when none is hidden", () => {
    const grid = readWorkbookFile(buildXlsx([{ name: "名册", body: `<sheetData>${rowXml(1, ["姓名"])}${rowXml(2, ["甲"])}</sheetData>` }])).sheets[0]!;
    expect(grid.hiddenRows).toBeUndefined();
    expect(grid.hiddenCols).toBeUndefined();
  });
});
