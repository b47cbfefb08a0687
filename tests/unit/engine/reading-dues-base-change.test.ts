import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { basesByMonth, readBaseChanges } from "../../../shared/notes/base-changes.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A pay change during the year (2008规定第十条: from the month the new pay is drawn, the new pay is the
 * base), dated in 备注: each month is judged by its own base, whichever one the base column holds.
 * Brackets (第二条, 全额累进): ≤3000 0.5%, ≤5000 1%, ≤10000 1.5%.
 */
describe("reading a base change from a note", () => {
  it("1—6月基数4600.00，7月起…基数调整为5600.00: January to June at 4600, July on at 5600", () => {
    const c = readBaseChanges("1—6月基数4600.00，7月起岗位调整，基数调整为5600.00")!;
    expect(c.changeFrom).toBe(7);
    const months = basesByMonth(c, 560_000);
    expect(months.slice(1, 7)).toEqual([460_000, 460_000, 460_000, 460_000, 460_000, 460_000]);
    expect(months.slice(7)).toEqual([560_000, 560_000, 560_000, 560_000, 560_000, 560_000]);
  });

  it("基数由4000元调整为6000元（4月起）: the base before the change is said too", () => {
    const c = readBaseChanges("基数由4000元调整为6000元（4月起）")!;
    expect(c).toMatchObject({ changeFrom: 4, before: 400_000 });
    // The base column holds the new base; the note says the old.
    expect(basesByMonth(c, 600_000).slice(1, 5)).toEqual([400_000, 400_000, 400_000, 600_000]);
  });

  it("the base column holding the old base stands for the months before the change", () => {
    const c = readBaseChanges("2025年9月起缴费基数调整为5200元")!;
    const months = basesByMonth(c, 350_000);
    expect(months[8]).toBe(350_000);
    expect(months[9]).toBe(520_000);
  });

  it("the new base in the column and no old base: the months before are not known", () => {
    const c = readBaseChanges("7月起基数调整为5600元")!;
    expect(basesByMonth(c, 560_000)[6]).toBeNull();
  });

  it("a note that dates no base change is none", () => {
    expect(readBaseChanges("按时交纳")).toBeNull();
    expect(readBaseChanges("2025年3月转入")).toBeNull();
  });
});

const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const H = ["姓名", "人员类别", "缴费基数", "月应交", ...months, "备注"];
const paid = (first: number, upTo: number, then: number): number[] => months.map((_, i) => (i + 1 < upTo ? first : then));

describe("a dues ledger whose notes date base changes", () => {
  const rows: CellValue[][] = [
    ["某中学党支部2025年党费收缴明细"],
    H,
    // New base 6000 in the column (1.5% = 90.00); January–March at the old 4000 (1% = 40.00).
    ["孙国平", "在职", 6000, 90, ...paid(40, 4, 90), "4月起工资调整，基数由4000元调整为6000元"],
    // Old base 3500 in the column (1% = 35.00); September on at 5200 (1.5% = 78.00), October short.
    ["钱丽华", "在职", 3500, 35, ...paid(35, 9, 78).map((v, i) => (i === 9 ? 52 : v)), "2025年9月起缴费基数调整为5200元"],
    // New base 5600 (84.00) and no old base said: January–June cannot be judged.
    ["吴海涛", "在职", 5600, 84, ...paid(46, 7, 84), "7月起基数调整为5600元"],
    // No note: 3000 at 0.5% is 15.00; February's 20.00 is wrong.
    ["郑晓燕", "在职", 3000, 15, ...paid(15, 13, 15).map((v, i) => (i === 1 ? 20 : v)), null],
  ];
  const r = checkWorkbook(book(sheet("党费", rows)), { asOf: "2025-12-31" });
  const cells = (code: string) => r.findings.filter((f) => f.code === code).map((f) => f.cell);

  it("months before and after a dated change are each judged by their own base", () => {
    expect(cells("dues.paidMismatch")).toEqual(["F6"]);
    // 钱丽华 October (column N): 52.00 where 5200 × 1.5% = 78.00 is owed.
    expect(cells("dues.paidMismatchNoteBase")).toEqual(["N4"]);
    expect(r.findings.find((f) => f.code === "dues.paidMismatchNoteBase")!.expected).toBe("78.00");
  });

  it("months whose base no one wrote are said as not checked, at the note", () => {
    expect(cells("dues.baseBeforeChangeUnknown")).toEqual(["Q5"]);
    const f = r.findings.find((x) => x.code === "dues.baseBeforeChangeUnknown")!;
    expect(f.severity).toBe("info");
    expect(f.message).toContain("1月、2月、3月、4月、5月、6月");
  });
});
