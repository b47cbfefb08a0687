import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { readBaseChanges } from "../../../shared/notes/base-changes.js";
import { readDifferenceBackPay } from "../../../shared/notes/difference-back-pay.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A pay rise in the year of a dues grid (domain-rules.md §1.2, 2008规定第十条: from the month of the new
 * pay, the new pay is the base; 第十二条: 补交 within 6 months). Brackets (第二条, 全额累进):
 * ≤3000 0.5%, ≤5000 1%, ≤10000 1.5%.
 */
describe("reading a rise in 备注", () => {
  it("基数由4600元重新核定为5280元: the whole figures, 4600 before and 5280 from July", () => {
    expect(readBaseChanges("7月起调资，基数由4600元重新核定为5280元")).toEqual({ spans: [{ from: 7, to: 12, base: 528_000 }], changeFrom: 7, before: 460_000 });
  });
  it("a comma after the base ends the figure (1—6月基数4600.00，7月起…)", () => {
    expect(readBaseChanges("1—6月基数4600.00，7月起基数调整为5600.00")!.spans).toEqual([
      { from: 1, to: 6, base: 460_000 },
      { from: 7, to: 12, base: 560_000 },
    ]);
  });
  it("8月补交3—7月差额45.00元: August holds the difference of March to July", () => {
    expect(readDifferenceBackPay("工资自3月起调整（8月到账），8月补交3—7月差额45.00元")).toEqual({ paidIn: 8, from: 3, to: 7, amount: 4500 });
    expect(readDifferenceBackPay("8月补交党费45元")).toBeNull();
  });
});

const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const H = ["序号", "姓名", "核定基数", "交纳比例", "月交纳额", ...months, "备注"];
const run = (...parts: [number, number][]): number[] => parts.flatMap(([v, n]) => new Array<number>(n).fill(v));

describe("a dues grid with rises during the year", () => {
  const rows: CellValue[][] = [
    ["某局第一党支部2025年度党费收缴登记表"],
    H,
    // 4600 at 1% = 46.00 for January–June; 5280 at 1.5% = 79.20 from July (the base column's).
    [1, "周一", 5280, "1.5%", 79.2, ...run([46, 6], [79.2, 6]), "7月起调资，基数由4600元重新核定为5280元"],
    // 6800 at 1.5% = 102.00 from March, paid at the old 93.00 until August, which holds 102 + 5 × 9 = 147.
    [2, "董二", 6800, "1.5%", 102, ...run([93, 7], [147, 1], [102, 4]), "工资自3月起调整（8月到账），8月补交3—7月差额45.00元"],
    // The same note, but August holds 140.00: the difference does not add up, so the months are judged as written.
    [3, "吴三", 6800, "1.5%", 102, ...run([93, 7], [140, 1], [102, 4]), "工资自3月起调整（8月到账），8月补交3—7月差额45.00元"],
  ];
  const findings = checkWorkbook(book(sheet("党费", rows)), { asOf: "2025-12-31" }).findings;
  const errorsOn = (row: number) => findings.filter((f) => f.severity === "error" && f.row === row).map((f) => f.cell);
  it("the months before and after a rise written in 备注 are each right by their own base", () => {
    expect(errorsOn(3)).toEqual([]);
  });
  it("a rise paid back as a 补交 of the difference: no month is wrong", () => {
    expect(errorsOn(4)).toEqual([]);
  });
  it("a 补交 whose figures do not add up is no excuse: the short months and August are wrong", () => {
    // F..L are January–July (93.00 against 102.00), M is August (140.00).
    expect(errorsOn(5)).toEqual(["F5", "G5", "H5", "I5", "J5", "K5", "L5", "M5"]);
  });
});
