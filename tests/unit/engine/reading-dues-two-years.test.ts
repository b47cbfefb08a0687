import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { yearGroupBlocks } from "../../../shared/grid/year-groups.js";
import { book, sheet } from "./grid-helpers.js";

// 在职: ≤3000 0.5%, 3000–5000 1%, 5000–10000 1.5% (全额累进); 下岗失业 0.20 a month.
const SUB = ["月缴费基数", "比例", "月缴纳额", "缴纳月数", "全年合计"];
const twoYears = (rows: CellValue[][]): CellValue[][] => [
  ["某站党支部党费收缴登记表（2024—2025年）"],
  ["序号", "姓名", "人员类别", "2024年度", null, null, null, null, "2025年度", null, null, null, null, "备注"],
  [null, null, null, ...SUB, ...SUB],
  ...rows,
];
const merges = [
  { r0: 1, c0: 3, r1: 1, c1: 7 },
  { r0: 1, c0: 8, r1: 1, c1: 12 },
];

describe("dues of two years side by side under year headings", () => {
  const grid = twoYears([
    [1, "甲一", "在职", 4000, "1%", 40, 12, 480, 4000, "1%", 40, 12, 480],
    [2, "乙二", "在职", 5000, "1%", 50, 12, 600, 5000, "1.5%", 75, 12, 900], // 2025: the wrong bracket
    [3, "丙三", "在职", 6000, "1.5%", 90, 12, 1090, 6000, "1.5%", 90, 12, 1080], // 2024: 12 × 90 = 1080
    [4, "丁四", "下岗失业", "—", "—", 0.2, 12, 2.4, "—", "—", 0.5, 12, 6], // 2025: 0.50, not 0.20
    [5, "戊五", "下岗失业", "—", "—", 0.2, 12, 2.4, 4000, "1%", 40, 12, 480, "2024年10月再就业"],
    [6, "己六", "在职", 4000, "1%", 40, 12, 480, 4000, "1%", 40, 6, 240], // 6 months, no reason
    [7, "庚七", "在职", 4000, "1%", 40, 12, 480, 4000, "1%", 40, 6, 240, "2025年7月转出"],
  ]);

  it("splits the sheet into one table a year, every cell at its address", () => {
    const blocks = yearGroupBlocks(sheet("党费", grid, { merges }))!;
    expect(blocks.map((b) => [b.year, b.columns])).toEqual([
      ["2024年度", "D–H"],
      ["2025年度", "I–M"],
    ]);
    // The 2025 table keeps the member's columns and 备注, and empties 2024's.
    expect(blocks[1]!.grid.values[3]!.slice(0, 4)).toEqual([1, "甲一", "在职", null]);
    expect(blocks[1]!.grid.values[3]![8]).toBe(4000);
  });

  it("a year alone under each heading is no two years: one column each is a comparison", () => {
    const one = [["姓名", "2024年", "2025年"], [null, "党费", "党费"], ["甲一", 40, 40]];
    expect(yearGroupBlocks(sheet("对比", one))).toBeNull();
  });

  it("checks each year on its own", () => {
    const r = checkWorkbook(book(sheet("党费", grid, { merges })), { asOf: "2025-12-31" });
    expect(r.sheets.map((s) => s.kind)).toEqual(["dues", "dues"]);
    expect(r.sheets[1]!.reason).toContain("2025年度");
    const errors = r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`);
    expect(errors.sort()).toEqual(["H6 dues.yearTotalOfMonths", "K5 dues.amountMismatch", "K7 dues.amountMismatch"].sort());
    // 75.00 is the 1.5% written: the rate is marked as its cause, a warning.
    expect(r.findings.filter((f) => f.code === "dues.rateMismatch").map((f) => `${f.cell}:${f.severity}`)).toEqual(["J5:warning"]);
    const five = r.findings.find((f) => f.cell === "K5")!;
    expect(five.expected).toBe("50.00");
    expect(r.findings.find((f) => f.cell === "H6")!.expected).toBe("1080.00");
    // 6 months with no reason: a warning; with 转出 in 备注, none.
    expect(r.findings.filter((f) => f.code === "dues.monthsShort").map((f) => `${f.cell}:${f.severity}`)).toEqual(["L9:warning"]);
  });

  it("the wrong rate alone (the amount right for it) is said at the rate", () => {
    const g = twoYears([[1, "甲一", "在职", 5000, "1%", 50, 12, 600, 5000, "1.5%", 50, 12, 600]]);
    const r = checkWorkbook(book(sheet("党费", g, { merges })), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`)).toEqual(["J4 dues.rateMismatch"]);
  });

  it("re-employed in the ledger's own year is left at the category written", () => {
    const g = twoYears([[1, "戊五", "下岗失业", "—", "—", 0.2, 12, 2.4, 4000, "1%", 40, 12, 480, "2025年3月再就业"]]);
    const r = checkWorkbook(book(sheet("党费", g, { merges })), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`)).toEqual(["K4 dues.amountMismatch"]);
  });
});
