import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { normaliseCell } from "../../../shared/normalise/value.js";
import { isPaidMarkText } from "../../../shared/normalise/paid-marks.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A village's dues year kept with ticks: the standard written once per member (1元/月), each month a
 * √ (or 已交) for paid, 补交1-4月 for months paid late at once. A mark is paid at the stated standard;
 * with no standard its amount is said as unchecked, never wrong and never clean.
 * Columns: A 姓名, B 人员类别, C 交纳标准, D–O 1月–12月, P 合计, Q 备注; data from row 3.
 */
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const ticks = (mark: string, n: number, from = 0): CellValue[] => Array.from({ length: 12 }, (_, i) => (i >= from && i < from + n ? mark : null));

function check(rows: CellValue[][], header = ["姓名", "人员类别", "交纳标准", ...MONTHS, "合计", "备注"]) {
  const r = checkWorkbook(book(sheet("党费", [["某村党支部2025年度党费交纳登记"], header, ...rows])), { asOf: "2025-12-31" });
  return r.findings.map((f) => `${f.cell} ${f.code} ${f.severity}`);
}

describe("paid marks in month cells", () => {
  it("knows the marks and leaves other words alone", () => {
    for (const t of ["√", "✓", "已交", "已缴", " 已缴纳 ", "补交1-4月", "补缴1、2月"]) expect(isPaidMarkText(t)).toBe(true);
    for (const t of ["×", "未交", "12", "补交", "外出务工"]) expect(isPaidMarkText(t)).toBe(false);
  });

  it("reads a monthly standard written in capitals with its unit", () => {
    expect(normaliseCell("贰拾壹元/月", "money").value).toBe(2100);
    expect(normaliseCell("壹元伍角每月", "money").value).toBe(150);
  });

  it("twelve ticks at 0.50 a month make 6元: nothing to say", () => {
    expect(check([["甲", "农民", "0.5元/月", ...ticks("✓", 12), "6元", null]])).toEqual([]);
  });

  it("ticks to June and nothing after: six months unpaid from July (J3), and the total of 6 agrees", () => {
    expect(check([["乙", "农民", "1元/月", ...ticks("已交", 6), "6元", null]])).toEqual(["J3 dues.unpaidLapse error"]);
  });

  it("补交1-4月 in April pays January to March too: no unpaid months, 12 months make 12元", () => {
    const months: CellValue[] = [null, null, null, "补交1-4月", ...ticks("√", 8)];
    expect(check([["丙", "农民", "1元/月", ...months.slice(0, 12), "12元", null]])).toEqual([]);
  });

  it("a total that is not the ticked months at the standard is wrong (P3: 12 ticks of 1元 are 12, not 10)", () => {
    expect(check([["丁", "农民", "1元/月", ...ticks("√", 12), "10元", null]])).toEqual(["P3 dues.yearTotalMismatch error"]);
  });

  it("ticks with no standard written: one note that their amounts were not checked, no error", () => {
    const found = check([["戊", ...ticks("√", 12), "12元"], ["己", ...ticks("√", 12), "9元"]], ["姓名", ...MONTHS, "合计"]);
    expect(found).toEqual(["B3 dues.markedUnchecked info"]);
  });
});
