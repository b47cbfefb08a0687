import { describe, expect, it } from "vitest";
import { checkSheetInBook, checkWorkbook, type CellRange, type CellValue } from "../../../shared/index.js";
import { foldTwoRowRecords } from "../../../shared/grid/two-row-records.js";
import { book, makeId, sheet } from "./grid-helpers.js";

/**
 * Registers that keep one member over two rows (序号 and 姓名 merged down both rows, the phone and
 * remarks on the second), each on a small sheet written here. Expected values are worked out by hand.
 */
const down = (r0: number, c: number): CellRange => ({ r0, c0: c, r1: r0 + 1, c1: c });
const across = (r: number, c0: number, c1: number): CellRange => ({ r0: r, c0, r1: r, c1 });

/** Title on row 1, a two-row header on rows 2–3, three members on rows 4–9. */
function twoRowRoster(): { rows: CellValue[][]; merges: CellRange[] } {
  const rows: CellValue[][] = [
    ["某街道机关党支部党员花名册"],
    ["序号", "姓名", "性别", "公民身份号码", "入党时间", "转正时间"],
    [null, null, "联系电话", null, "备注", null],
    [1, "甲", "男", makeId("1970-11-09", "男"), "2000-07-01", "2001-07-01"],
    [null, null, "13912345678", null, "2025年5月由区教育局机关党支部转入", null],
    // 乙 joined 2010-06-17: full membership falls due 2011-06-17, not 2011-06-27 (F6).
    [2, "乙", "女", makeId("1975-03-03", "女", "110105", 22), "2010-06-17", "2011-06-27"],
    [null, null, "13812345678", null, null, null],
    [3, "丙", "男", makeId("1980-05-05", "男", "110105", 31), "2012-07-01", "2013-07-01"],
    // Ten digits: one short of a mobile number (C9).
    [null, null, "1371234567", null, null, null],
  ];
  const merges: CellRange[] = [across(0, 0, 5), down(1, 0), down(1, 1), across(2, 2, 3), across(2, 4, 5)];
  for (const r of [3, 5, 7]) merges.push(down(r, 0), down(r, 1), across(r + 1, 2, 3), across(r + 1, 4, 5));
  return { rows, merges };
}

const shown = (findings: { cell: string | null; code: string; severity: string }[]) => findings.filter((f) => f.severity !== "info").map((f) => `${f.cell ?? "-"} ${f.code}:${f.severity}`);

describe("a roster with each member over two rows", () => {
  const { rows, merges } = twoRowRoster();
  const r = checkWorkbook(book(sheet("花名册", rows, { merges })), { asOf: "2025-12-31" });
  const s = r.sheets[0]!;

  it("folds the sheet to one record per member, each second-row field beside its first row", () => {
    const folded = foldTwoRowRecords(sheet("花名册", rows, { merges }))!;
    expect(folded.records).toBe(3);
    expect(folded.headerRow).toBe(1);
    // The header row: the six first-row names, then 联系电话 and 备注 of the second header row.
    expect(folded.grid.values[1]).toEqual(["序号", "姓名", "性别", "公民身份号码", "入党时间", "转正时间", "联系电话", "备注"]);
    expect(folded.grid.values[2]!.slice(6)).toEqual(["13912345678", "2025年5月由区教育局机关党支部转入"]);
    expect(folded.grid.values).toHaveLength(5);
    expect(folded.placeOf.get("G5")).toBe("C9");
    expect(folded.placeOf.get("F4")).toBe("F6");
  });

  it("reads three members, not six, and names each second-row field", () => {
    expect(s.kind).toBe("roster");
    expect(s.rows).toBe(3);
    expect(s.reason).toContain("每人占两行");
    expect(s.headerRow).toBe(2);
    const phone = s.columns.find((c) => c.header.includes("联系电话"));
    expect(phone?.column).toBe("C");
    expect(phone?.field).not.toBeNull();
  });

  it("places the 转正 error at F6 and the short phone number at C9, and takes no second row for a member", () => {
    expect(shown(r.findings)).toEqual(["F6 probation.fullDateMismatch:error", "C9 phone.mobileDigits:error"]);
  });

  it("reads the same in the task pane", () => {
    const pane = checkSheetInBook(sheet("花名册", rows, { merges }), [], { asOf: "2025-12-31" });
    expect(shown(pane.findings)).toEqual(["F6 probation.fullDateMismatch:error", "C9 phone.mobileDigits:error"]);
  });
});

describe("rows grouped under a label merged over two rows are each a record", () => {
  // Two 党小组, two full members each: every row has its own name, ID and dates.
  const rows: CellValue[][] = [
    ["党小组", "姓名", "性别", "公民身份号码", "入党时间", "转正时间"],
    ["第一党小组", "甲", "男", makeId("1970-11-09", "男"), "2000-07-01", "2001-07-01"],
    [null, "乙", "女", makeId("1975-03-03", "女", "110105", 22), "2010-06-17", "2011-06-17"],
    ["第二党小组", "丙", "男", makeId("1980-05-05", "男", "110105", 31), "2012-07-01", "2013-07-01"],
    [null, "丁", "女", makeId("1982-02-02", "女", "110105", 42), "2014-07-01", "2015-07-01"],
  ];
  const merges = [down(1, 0), down(3, 0)];

  it("is not folded, and all four members are read", () => {
    expect(foldTwoRowRecords(sheet("名册", rows, { merges }))).toBeNull();
    const s = checkWorkbook(book(sheet("名册", rows, { merges })), { asOf: "2025-12-31" }).sheets[0]!;
    expect(s.rows).toBe(4);
    expect(s.reason).not.toContain("每人占两行");
  });
});

describe("members over two rows under a one-row header", () => {
  // No second header row names the second row's cells: a phone in C, a remark in E.
  const rows: CellValue[][] = [
    ["序号", "姓名", "性别", "公民身份号码", "入党时间", "转正时间"],
    [1, "甲", "男", makeId("1970-11-09", "男"), "2000-07-01", "2001-07-01"],
    [null, null, "13912345678", null, "2025年5月转入", null],
    [2, "乙", "女", makeId("1975-03-03", "女", "110105", 22), "2010-06-17", "2011-06-17"],
    [null, null, "13812345678", null, null, null],
  ];
  const merges = [1, 3].flatMap((r) => [down(r, 0), down(r, 1)]);
  const r = checkWorkbook(book(sheet("名册", rows, { merges })), { asOf: "2025-12-31" });
  const s = r.sheets[0]!;

  it("reads two members and lists the second row's unnamed cells as columns of their own, the remark's as not checked", () => {
    expect(s.rows).toBe(2);
    const second = s.columns.filter((c) => c.header.startsWith("第二行"));
    expect(second.map((c) => c.column)).toEqual(["C", "E"]);
    expect(second.find((c) => c.column === "E")!.field).toBeNull();
    // Neither second row is read as a member: no 性别 “13912345678”, no missing name.
    expect(shown(r.findings)).toEqual([]);
  });
});

describe("a dues ledger whose 项目 column names each member's two rows (金额, 缴纳日期)", () => {
  // Two farmers (0.20–1.00 a month under the default rule set) and a retiree on 5000 (0.5 %: 25.00).
  // Each pays every month of 2025 on its first row; the second row holds the day it was paid (1.10 …).
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const member = (name: string, category: string, base: number | null, amount: number, day: number): CellValue[][] => [
    [name, category, base, "金额", ...months.map(() => amount)],
    [null, null, null, "缴纳日期", ...months.map((_, i) => `${i + 1}.${day}`)],
  ];
  const rows: CellValue[][] = [
    ["某村党支部2025年党费交纳登记"],
    ["姓名", "身份", "基数", "项目", ...months, "备注"],
    ...member("甲", "农民", null, 0.5, 10),
    // 乙 pays 2.00 a month: above the farmers' 1.00 (E6 … P6 as written, the first row).
    ...member("乙", "农民", null, 2, 11),
    ...member("丙", "退休", 5000, 25, 12),
  ];
  const merges: CellRange[] = [across(0, 0, 16)];
  for (const r of [2, 4, 6]) for (const c of [0, 1, 2]) merges.push(down(r, c));
  const r = checkWorkbook(book(sheet("党费", rows, { merges })), { asOf: "2025-12-31" });

  it("is folded although the second rows fill as many month cells as the first", () => {
    const folded = foldTwoRowRecords(sheet("党费", rows, { merges }))!;
    expect(folded.records).toBe(3);
    expect(folded.headerRow).toBe(1);
  });

  it("reads three members, and finds only 乙's twelve months above the bracket, on 乙's first row", () => {
    expect(r.sheets[0]!.rows).toBe(3);
    const mismatched = r.findings.filter((f) => f.code === "dues.paidMismatch").map((f) => f.cell);
    expect(mismatched).toEqual(months.map((_, i) => `${String.fromCharCode(69 + i)}5`));
    // no day of payment (1.10, 2.11 …) is taken for an amount
    expect(r.findings.filter((f) => f.severity === "error" && f.row !== 5)).toEqual([]);
  });
});
