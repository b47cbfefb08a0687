import { describe, expect, it } from "vitest";
import { checkSheet, checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, makeId, sheet } from "./grid-helpers.js";

const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const twelve = (v: CellValue): CellValue[] => Array(12).fill(v);
const codes = (findings: { sheet?: string; cell: string | null; code: string }[]) => findings.map((f) => `${f.cell} ${f.code}`);

// Brackets (2008规定第二条): up to 3000 → 0.5%, 3000–5000 → 1%, 5000–10000 → 1.5%.
// 4000 → 40.00, 2000 → 10.00, 6000 → 90.00, 4500 → 45.00, 8000 → 120.00.

describe("subtotal rows named with their group are derived rows, not members", () => {
  const header: CellValue[] = ["序号", "党小组", "姓名", "缴费基数", "月应缴党费", ...months];
  const group1: CellValue[][] = [
    [1, "第一党小组", "甲", 4000, 40, ...twelve(40)],
    [2, "第一党小组", "乙", 2000, 10, ...twelve(10)],
  ];
  const group2: CellValue[][] = [[3, "第二党小组", "丙", 6000, 90, ...twelve(90)]];

  it("reads 第一党小组小计 (in the 党小组 column) and 第二党小组 小计 as subtotals, and the 合计 against the members only", () => {
    const rows: CellValue[][] = [
      ["2025年党费收缴台账"],
      header,
      ...group1,
      [null, "第一党小组小计", null, null, 50, ...twelve(50)],
      ...group2,
      [null, "第二党小组 小计", null, null, 90, ...twelve(90)],
      // 40 + 10 + 90 = 140; the members and the subtotals together would be 280.
      ["合计", null, null, null, 140, ...twelve(140)],
    ];
    const { report, findings } = checkSheet(sheet("2025年党费", rows), { asOf: "2025-12-31" });
    expect(report.status).toBe("checked");
    expect(report.rowRoles).toMatchObject({ data: 3, subtotal: 2, total: 1 });
    expect(codes(findings)).toEqual([]);
  });

  it("finds a wrong 小计 at its cell and still compares the 合计 with the members", () => {
    const rows: CellValue[][] = [
      header,
      ...group1,
      // December 55: the group's members pay 50.
      [null, "第一党小组小计", null, null, 50, ...twelve(50).slice(0, 11), 55],
      ...group2,
      [null, "第二党小组小计", null, null, 90, ...twelve(90)],
      ["合计", null, null, null, 140, ...twelve(140)],
    ];
    const { findings } = checkSheet(sheet("2025年党费", rows), { asOf: "2025-12-31" });
    expect(codes(findings)).toEqual(["Q4 derived.totalMismatch"]);
    expect(findings[0]!.expected).toBe("50.00");
  });

  it("reads a group's label and 小计 in two cells, and a branch's 小计 beside a merged branch column, as subtotals", () => {
    const twoCells: CellValue[][] = [
      header,
      ...group1,
      // The label in the 党小组 column, the word in the 姓名 column.
      [null, "第一党小组", "小计", null, 50, ...twelve(50)],
      ...group2,
      [null, "第二党小组", "合计", null, 90, ...twelve(90)],
      ["合计", null, null, null, 140, ...twelve(140)],
    ];
    const a = checkSheet(sheet("2025年党费", twoCells), { asOf: "2025-12-31" });
    expect(a.report.rowRoles).toMatchObject({ data: 3, subtotal: 2, total: 1 });
    expect(codes(a.findings)).toEqual([]);

    const merged: CellValue[][] = [
      ["所在支部", "序号", "姓名", "缴费基数", "月应缴党费", ...months],
      ["第一党支部", 1, "甲", 4000, 40, ...twelve(40)],
      [null, 2, "乙", 2000, 10, ...twelve(10)],
      ["第一党支部小计", null, null, null, 50, ...twelve(50)],
      ["第二党支部", 3, "丙", 6000, 90, ...twelve(90)],
      ["第二党支部小计", null, null, null, 90, ...twelve(90)],
      ["总计", null, null, null, 140, ...twelve(140)],
    ];
    const merges = [{ r0: 1, c0: 0, r1: 2, c1: 0 }];
    const b = checkSheet(sheet("四季度", merged, { merges }), { asOf: "2025-12-31" });
    expect(b.report.rowRoles).toMatchObject({ data: 3, subtotal: 2, total: 1 });
    expect(codes(b.findings)).toEqual([]);
  });
});

describe("a ledger continued on a second sheet", () => {
  const header: CellValue[] = ["序号", "姓名", "缴费基数", "月应缴党费", ...months];
  const first: CellValue[][] = [
    ["2024年党费收缴台账"],
    header,
    [1, "甲", 4000, 40, ...twelve(40)],
    [2, "乙", 2000, 10, ...twelve(10)],
  ];
  const second = (title: CellValue, total: CellValue[]): CellValue[][] => [
    [title],
    header,
    [3, "丙", 6000, 90, ...twelve(90)],
    [4, "丁", 4500, 45, ...twelve(45)],
    ["合计", null, null, ...total],
  ];
  // Both sheets: 40 + 10 + 90 + 45 = 185 a month; the second alone: 135.
  const both = [185, ...twelve(185)];

  it("compares the 合计 of the continuation with the members of both sheets", () => {
    const { findings } = checkWorkbook(book(sheet("党费台账", first), sheet("党费台账（续）", second("（接上表）", both))), { asOf: "2024-12-31" });
    expect(codes(findings)).toEqual([]);
  });

  it("says what both sheets add up to when the 合计 is wrong", () => {
    // January 186 against 185.
    const wrong = [185, 186, ...twelve(185).slice(1)];
    const { findings } = checkWorkbook(book(sheet("党费台账", first), sheet("党费台账（续）", second("（接上表）", wrong))), { asOf: "2024-12-31" });
    expect(codes(findings)).toEqual(["E5 derived.totalAcrossMismatch"]);
    expect(findings[0]!.sheet).toBe("党费台账（续）");
    expect(findings[0]!.expected).toBe("185.00");
    expect(findings[0]!.message).toContain("「党费台账」");
    expect(findings[0]!.message).toContain("4 行");
  });

  it("knows a continuation by its numbered name, and by a 合计 that equals both sheets together", () => {
    const numbered = checkWorkbook(book(sheet("台账（一）", first), sheet("台账（二）", second("2024年党费收缴台账", both))), { asOf: "2024-12-31" });
    expect(codes(numbered.findings)).toEqual([]);
    const unnamed = checkWorkbook(book(sheet("甲表", first), sheet("乙表", second("2024年党费收缴台账", both))), { asOf: "2024-12-31" });
    expect(codes(unnamed.findings)).toEqual([]);
  });

  it("compares a 合计 that equals neither with its own sheet when nothing says the sheet continues another", () => {
    const neither = [185, ...twelve(185).slice(1), 200];
    const { findings } = checkWorkbook(book(sheet("甲表", first), sheet("乙表", second("2024年党费收缴台账", neither))), { asOf: "2024-12-31" });
    expect(codes(findings)).toEqual(["P5 derived.totalMismatch"]);
    expect(findings[0]!.expected).toBe("135.00");
  });

  it("does not compare the 合计 of a continuation checked without the sheet it continues", () => {
    const { report, findings } = checkSheet(sheet("党费台账（续）", second("（接上表）", both)), { asOf: "2024-12-31" });
    expect(report.status).toBe("checked");
    expect(codes(findings)).toEqual([]);
  });

  it("keeps a ledger of another header out of the chain", () => {
    const other: CellValue[][] = [
      ["（续表）"],
      ["序号", "姓名", "月应缴党费", ...months],
      [3, "丙", 90, ...twelve(90)],
      ["合计", null, 185, ...twelve(185)],
    ];
    const { findings } = checkWorkbook(book(sheet("党费台账", first), sheet("党费台账（续）", other)), { asOf: "2024-12-31" });
    // Not a continuation of 党费台账: its own sheet says it continues one that is not here, so its 合计 is not compared.
    expect(codes(findings)).toEqual([]);
  });
});

describe("columns that total each row's months", () => {
  it("reads 四季度合计 on a quarter's sheet as the row's total of its three months, and checks a branch's 小计 there", () => {
    const rows: CellValue[][] = [
      ["2025年第四季度党费收缴汇总表"],
      ["所在支部", "姓名", "缴费基数", "月交纳额", "10月", "11月", "12月", "四季度合计"],
      // 4000 → 40.00 a month, 120.00 a quarter; 2000 → 10.00, 30.00.
      ["第一党支部", "甲", 4000, 40, 40, 40, 40, 120],
      [null, "乙", 2000, 10, 10, 10, 10, 30],
      // The members' quarter totals add up to 150.00, not 160.00.
      ["第一党支部小计", null, null, 50, 50, 50, 50, 160],
      // 6000 → 90.00 a month, 270.00 a quarter; written 280.00.
      ["第二党支部", "丙", 6000, 90, 90, 90, 90, 280],
      ["第二党支部小计", null, null, 90, 90, 90, 90, 280],
    ];
    const { report, findings } = checkSheet(sheet("四季度", rows), { asOf: "2025-12-31" });
    expect(report.columns.find((c) => c.column === "H")!.field).toBe("yearTotal");
    expect(codes(findings).sort()).toEqual(["H5 derived.totalMismatch", "H6 dues.yearTotalMismatch"]);
    expect(findings.find((f) => f.cell === "H6")!.expected).toBe("270.00");
    expect(findings.find((f) => f.cell === "H5")!.expected).toBe("150.00");
  });

  it("reads 上半年合计 beside all twelve months as the total of January to June only", () => {
    const rows: CellValue[][] = [
      ["姓名", "缴费基数", "月应缴党费", ...months, "上半年合计"],
      // 4000 → 40.00 a month: 240.00 for January to June, whatever the later months hold.
      ["甲", 4000, 40, ...twelve(40), 240],
      ["乙", 2000, 10, ...twelve(10), 120],
    ];
    const { report, findings } = checkSheet(sheet("2025年党费", rows), { asOf: "2025-12-31" });
    expect(report.columns.find((c) => c.column === "P")!.field).toBe("yearTotal");
    expect(codes(findings)).toEqual(["P3 dues.yearTotalMismatch"]);
    expect(findings[0]!.expected).toBe("60.00");
  });

  it("takes a 合计 of 全年合计 that equals the members' months as right, where one member's own 全年合计 is wrong", () => {
    const rows: CellValue[][] = [
      ["姓名", "缴费基数", "月应缴党费", ...months, "全年合计"],
      ["甲", 4000, 40, ...twelve(40), 480],
      // 10.00 × 12 = 120.00, written 150.00: the row says so itself.
      ["乙", 2000, 10, ...twelve(10), 150],
      ["丙", 6000, 90, ...twelve(90), 1080],
      // 4500 → 45.00, 540.00 a year; 8000 → 1.5% = 120.00, 1440.00 a year.
      ["丁", 4500, 45, ...twelve(45), 540],
      ["戊", 8000, 120, ...twelve(120), 1440],
      // 480 + 120 + 1080 + 540 + 1440 = 3660: the months' sum (the 全年合计 column as written sums to 3690).
      ["合计", null, 305, ...twelve(305), 3660],
    ];
    const { findings } = checkSheet(sheet("2025年党费", rows), { asOf: "2025-12-31" });
    expect(codes(findings)).toEqual(["P3 dues.yearTotalMismatch"]);
  });
});

describe("a roster continued on a second sheet", () => {
  const header: CellValue[] = ["序号", "姓名", "身份证号", "入党时间", "转正时间"];
  const idA = makeId("1970-03-01", "男");
  const idB = makeId("1975-06-02", "女", "110105", 13);
  const idC = makeId("1980-09-03", "男", "110105", 15);
  const first: CellValue[][] = [["党员名册"], header, [1, "甲", idA, "2000-07-01", "2001-07-01"], [2, "乙", idB, "2001-07-01", "2002-07-01"]];
  const second = (title: string): CellValue[][] => [[title], header, [3, "丙", idC, "2002-07-01", "2003-07-01"], [4, "丁", idA, "2003-07-01", "2004-07-01"]];

  it("finds an ID repeated across the sheets of one roster, naming the sheet and row it repeats", () => {
    const { findings } = checkWorkbook(book(sheet("名册（一）", first), sheet("名册（二）", second("续表"))), { asOf: "2025-12-31" });
    const dup = findings.filter((f) => f.code.startsWith("value.duplicate"));
    expect(dup.map((f) => `${f.sheet} ${f.cell} ${f.code}`)).toEqual(["名册（二） C4 value.duplicateAcross"]);
    expect(dup[0]!.message).toContain("「名册（一）」第 3 行");
  });

  it("does not compare two sheets of one header that do not say one continues the other (two years of one branch)", () => {
    const { findings } = checkWorkbook(book(sheet("2024年", first), sheet("2025年", second("党员名册"))), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code.startsWith("value.duplicate"))).toEqual([]);
  });
});
