import { describe, expect, it } from "vitest";
import { checkWorkbook, DEFAULT_RULE_SET, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const HEADER = ["姓名", "人员类别", "缴费基数", "月应缴党费", ...MONTHS];

function ledger(rows: CellValue[][], asOf = "2025-12-31", ruleSet = DEFAULT_RULE_SET) {
  return checkWorkbook(book(sheet("党费", [["2025年度党费收缴台账"], ["填报单位：东湖村党支部", null, null, "填报日期：2026-01-05"], HEADER, ...rows])), { asOf, ruleSet });
}
const paid = (amount: number | null, n = 12) => Array.from({ length: n }, () => amount);

describe("dues rules (全额累进, half-up to the fen)", () => {
  it("5100 → 76.50 and 4900 → 49.00 pass; 7777 × 1.5% = 116.66", () => {
    const r = ledger([
      ["甲", "在职", 5100, 76.5, ...paid(76.5)],
      ["乙", "在职", 4900, 49, ...paid(49)],
      ["丙", "在职", 7777, 116.66, ...paid(116.66)],
    ]);
    expect(r.sheets[0]!.kind).toBe("dues");
    expect(r.sheets[0]!.headerRow).toBe(3);
    expect(r.findings).toEqual([]);
  });

  it("a marginal (超额累进) amount is wrong, with the expected amount", () => {
    const r = ledger([["甲", "在职", 5100, 51, ...paid(51)]]);
    const standard = r.findings.find((f) => f.cell === "D4");
    expect(standard).toMatchObject({ code: "dues.amountMismatch", severity: "error", expected: "76.50" });
  });

  it("passes within 0.01 and fails beyond", () => {
    expect(ledger([["丙", "在职", 7777, 116.65, ...paid(116.65)]]).findings.filter((f) => f.cell === "D4")).toEqual([]);
    expect(ledger([["丙", "在职", 7777, 116.64, ...paid(116.64)]]).findings.filter((f) => f.cell === "D4")).toHaveLength(1);
  });

  it("retirees: 5000 at 0.5%, 5001 at 1%; students 0.20; farmers 0.20–1.00", () => {
    const r = ledger([
      ["甲", "退休", 5000, 25, ...paid(25)],
      ["乙", "离退休", 5001, 50.01, ...paid(50.01)],
      ["丙", "学生", null, 0.2, ...paid(0.2)],
      ["丁", "农民", null, 0.5, ...paid(0.5)],
      ["戊", "农民", null, 1.5, ...paid(1.5)],
    ]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([["dues.outOfRange", "D8"]]);
  });

  it("a base column headed 离退休费 over a unit row （元/月） is a retiree's: 4200 at 0.5% is 21.00", () => {
    const two = [["姓名", "离退休费", "月应缴党费", ...MONTHS], [null, "（元/月）", "（元）", ...MONTHS.map(() => null)]];
    const r = checkWorkbook(book(sheet("党费", [["2025年度党费收缴台账"], ...two, ["甲", 4200, 21, ...paid(21)], ["乙", 4200, 42, ...paid(42)]])), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("dues");
    expect(r.findings.filter((f) => f.code === "dues.amountMismatch").map((f) => [f.cell, f.expected])).toEqual([["C5", "21.00"]]);
  });

  it("a retired members' branch named in the title pays at the retirees' rate; an office serving them does not", () => {
    const rows = (title: string) =>
      checkWorkbook(book(sheet("党费", [[title], ["姓名", "缴费基数", "月应缴党费", ...MONTHS], ["甲", 4200, 21, ...paid(21)], ["乙", 4200, 42, ...paid(42)]])), { asOf: "2025-12-31" }).findings.filter((f) => f.code === "dues.amountMismatch").map((f) => [f.cell, f.expected]);
    // 4200: retirees 0.5% = 21.00; in work 1% = 42.00
    expect(rows("老干部局离休干部第二党支部2025年党费收缴台账")).toEqual([["C4", "21.00"]]);
    expect(rows("东湖社区离退休党支部2025年党费收缴台账")).toEqual([["C4", "21.00"]]);
    expect(rows("市委老干部局离退休干部处党支部2025年党费收缴台账")).toEqual([["C3", "42.00"]]);
  });

  it("a changed bracket in the rule set changes the check", () => {
    const local = structuredClone(DEFAULT_RULE_SET);
    local.version = 2;
    local.dues.rounding = "ceil-yuan";
    const r = ledger([["甲", "在职", 5100, 76.5, ...paid(76.5)]], "2025-12-31", local);
    expect(r.findings.find((f) => f.cell === "D4")).toMatchObject({ code: "dues.amountMismatch", expected: "77.00" });
  });

  it("three to five unpaid months warn, six or more are an error, at the first unpaid month", () => {
    const r = ledger([
      ["甲", "在职", 5100, 76.5, ...paid(76.5, 3), null, null, null, ...paid(76.5, 6)],
      ["乙", "在职", 5100, 76.5, ...paid(76.5, 2), null, null, null, null, null, null, ...paid(76.5, 4)],
    ]);
    expect(r.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["dues.unpaid", "warning", "H4"],
      ["dues.unpaidLapse", "error", "G5"],
    ]);
  });

  it("months after the as-of date are not due yet", () => {
    const r = ledger([["甲", "在职", 5100, 76.5, ...paid(76.5, 6), ...paid(null, 6)]], "2025-06-30");
    expect(r.findings).toEqual([]);
  });

  it("a paid month that differs from the standard is an error; three months at once is a warning and covers the next two", () => {
    const r = ledger([["甲", "在职", 5100, 76.5, 70, 76.5, 229.5, null, null, ...paid(76.5, 7)]]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
      ["dues.paidMismatch", "E4"],
      ["dues.lumpPayment", "G4"],
    ]);
  });

  it("a quarter paid at its end covers the two empty months before it; with the branch's consent in 备注 it is no warning", () => {
    const header = ["姓名", "人员类别", "缴费基数", "月应缴党费", ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), "备注"];
    const quarterly = [null, null, 229.5, null, null, 229.5, null, null, 229.5, null, null, 229.5];
    const r = checkWorkbook(book(sheet("2025党费", [header, ["甲", "在职", 5100, 76.5, ...quarterly, "经党支部同意按季度交纳"]])), { asOf: "2025-12-31" });
    expect(r.findings).toEqual([]);
    expect(r.sheets[0]!.facts.map((f) => `${f.cell} ${f.kind}`)).toEqual(["Q2 duesConsent"]);
  });

  it("one or two unpaid months are noted (info), not warned", () => {
    const r = ledger([["甲", "在职", 5100, 76.5, ...paid(76.5, 4), null, ...paid(76.5, 7)]]);
    expect(r.findings.map((f) => [f.code, f.severity, f.cell, f.args?.from])).toEqual([["dues.unpaidShort", "info", "I4", "2025-05"]]);
  });

  it("a monthly amount above 1000 warns, and a single payment of 1000 or more is 大额党费", () => {
    const r = ledger([["甲", "在职", 60000, 1200, ...paid(1200)]]);
    const codes = r.findings.map((f) => f.code);
    expect(codes).toContain("dues.overCap");
    expect(codes.filter((c) => c === "dues.largePayment")).toHaveLength(12);
  });
});

describe("dues payment rows (党费补缴)", () => {
  const HEAD = ["学工号", "姓名", "缴费类型", "缴费起始月份", "缴费截止月份", "缴费金额", "缴费说明", "备注"];
  it("a back payment covering more than 6 months warns; a reversed range is an error", () => {
    const r = checkWorkbook(
      book(
        sheet("补缴", [
          HEAD,
          ["001", "甲", "补缴", "2025-01", "2025-06", 120, null, null],
          ["002", "乙", "补缴", "2025-01", "2025-08", 160, null, null],
          ["003", "丙", "补缴", "2025-05", "2025-03", 60, null, null],
        ]),
      ),
      { asOf: "2025-12-31" },
    );
    expect(r.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["dues.backPayTooLong", "warning", "E3"],
      ["dues.monthRange", "error", "E4"],
    ]);
  });

  it("a farmer who pays 0.50 a month and 1.50 in June after two empty months paid three months at once; 补交4、5月 says why", () => {
    const months = [0.5, 0.5, 0.5, null, null, 1.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
    const withNote = checkWorkbook(book(sheet("党费", [["姓名", "人员类别", ...MONTHS, "备注"], ["杜鹏", "农民", ...months, "6月补交4、5月"]])), { asOf: "2025-12-31" });
    expect(withNote.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.code}`)).toEqual([]);
    // Without the note: paying three months at once asks for the branch's consent (a warning), and is no wrong amount.
    const bare = checkWorkbook(book(sheet("党费", [["姓名", "人员类别", ...MONTHS], ["杜鹏", "农民", ...months]])), { asOf: "2025-12-31" });
    expect(bare.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.code}`)).toEqual(["H2 dues.lumpPayment"]);
    // 2.00 is outside 0.20–1.00 however often it is paid.
    const wrong = checkWorkbook(book(sheet("党费", [["姓名", "人员类别", ...MONTHS], ["曾敏", "农民", ...paid(2)]])), { asOf: "2025-12-31" });
    expect(wrong.findings.filter((f) => f.code === "dues.paidMismatch")).toHaveLength(12);
  });

  it("合计 may count the 补缴 column: 154.00 over eleven months + 14.00 补缴 = 168.00; 3月补交2月 leaves February not unpaid", () => {
    const header = ["姓名", "缴费基数", "月缴", ...MONTHS, "补缴", "合计", "备注"];
    const months = [14, null, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14];
    const r = checkWorkbook(book(sheet("党费", [header, ["陶凤英", 2800, 14, ...months, 14, 168, "3月补交2月"], ["雷倩", 2800, 14, ...months, 14, 182, ""]])), { asOf: "2025-12-31" });
    expect(r.findings.map((f) => `${f.cell} ${f.code}`).sort()).toEqual(["E3 dues.unpaidShort", "Q3 dues.yearTotalMismatch"]);
  });
});
