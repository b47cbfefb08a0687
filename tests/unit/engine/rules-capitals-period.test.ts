import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { periodOfHeader } from "../../../shared/rules/dues/period-due.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A dues sheet that keeps the monthly amount in figures and in capitals, and what is due for a span of
 * months in one column whose header names the months. Expected values by hand from domain-rules.md
 * (2008规定 第二、五、八条; D1): 4,000 × 1% = 40.00; 2,800 × 0.5% = 14.00; 6,000 × 1.5% = 90.00.
 */
describe("the months a period column's header names", () => {
  it("reads a range, a half year, a quarter and the year", () => {
    expect(periodOfHeader("1—6月应缴")).toEqual({ from: 1, to: 6 });
    expect(periodOfHeader("7-9月应交党费")).toEqual({ from: 7, to: 9 });
    expect(periodOfHeader("上半年应交党费（元）")).toEqual({ from: 1, to: 6 });
    expect(periodOfHeader("第三季度应缴")).toEqual({ from: 7, to: 9 });
    expect(periodOfHeader("全年应缴党费")).toEqual({ from: 1, to: 12 });
  });
  it("names no span for what was paid, nor for a range the wrong way round", () => {
    expect(periodOfHeader("1—6月实缴")).toBeNull();
    expect(periodOfHeader("上半年合计")).toBeNull();
    expect(periodOfHeader("6-1月应缴")).toBeNull();
  });
});

describe("a dues sheet with capitals beside the figures and a half-year column", () => {
  const rows: CellValue[][] = [
    ["某机关党支部2025年上半年党费收缴明细表"],
    ["序号", "姓名", "人员类别", "月工资收入", "交纳比例", "月交纳党费（小写）", "月交纳党费（大写）", "1—6月应缴", "备注"],
    // Row 3: all agree (40.00 = 肆拾元整, 6 × 40 = 240).
    [1, "周涛", "在职职工", 4000, "1%", 40, "肆拾元整", 240, null],
    // Row 4: capitals 壹拾肆元伍角 (14.50) for 14.00.
    [2, "吴丽", "在职职工", 2800, "0.5%", 14, "壹拾肆元伍角", 84, null],
    // Row 5: six months of 90.00 are 540.00, not 450.00.
    [3, "陈刚", "在职职工", 6000, "1.5%", 90, "玖拾元整", 450, null],
    // Row 6: admitted in May: May and June due (80.00); the sheet counts June only (40.00).
    [4, "赵芳", "在职职工", 4000, "1%", 40, "肆拾元整", 40, "2025年5月支部大会接收为预备党员，6月起交纳"],
    // Row 7: admitted in May and both months counted: right.
    [5, "孙强", "在职职工", 4000, "1%", 40, "肆拾元整", 80, "2025年5月支部大会接收为预备党员"],
  ];
  const r = checkWorkbook(book(sheet("上半年", rows)), { asOf: "2025-07-01" });
  const at = (cell: string) => r.findings.filter((f) => f.cell === cell).map((f) => `${f.severity}:${f.code}`);

  it("is read as a dues sheet", () => {
    expect(r.sheets[0]!.kind).toBe("dues");
  });
  it("finds capitals that say another amount than the figures", () => {
    expect(at("G4")).toEqual(["error:amount.capitalsMismatch"]);
    expect(r.findings.find((f) => f.cell === "G4")!.message).toContain("14.50");
    expect(at("G3")).toEqual([]);
  });
  it("finds a half-year total that is not six months of the monthly amount", () => {
    expect(at("H5")).toEqual(["error:dues.periodDueMismatch"]);
    expect(r.findings.find((f) => f.cell === "H5")!.expected).toBe("540.00");
    expect(at("H3")).toEqual([]);
  });
  it("says the month of admission was left out, and takes a span from the admission", () => {
    expect(at("H6")).toEqual(["warning:dues.periodDueFromAdmission"]);
    expect(r.findings.find((f) => f.cell === "H6")!.expected).toBe("80.00");
    expect(at("H7")).toEqual([]);
  });
});

describe("a 大写 column with no column of figures to pair", () => {
  it("is not judged", () => {
    const rows: CellValue[][] = [
      ["某支部党费收缴明细表"],
      ["姓名", "人员类别", "月工资收入", "交纳比例", "月交纳党费", "金额（大写）"],
      ["周涛", "在职职工", 4000, "1%", 40, "伍拾元整"],
      ["吴丽", "在职职工", 2800, "0.5%", 14, "壹拾肆元整"],
      ["陈刚", "在职职工", 6000, "1.5%", 90, "玖拾元整"],
    ];
    const r = checkWorkbook(book(sheet("党费", rows)), { asOf: "2025-07-01" });
    expect(r.findings.filter((f) => f.code === "amount.capitalsMismatch")).toEqual([]);
  });
});
