import { describe, expect, it } from "vitest";
import { checkSheet, type CellValue } from "../../../shared/index.js";
import { sheet } from "./grid-helpers.js";

/**
 * Dues paid by the quarter in a ledger of month columns (2008规定第十二条: several months at once with the
 * branch's consent). A retired member's base 4650.00 is at most 5000: 0.5%, 23.25 a month, so a quarter is
 * 69.75. Paid at each quarter's end, the two months before it empty, the payment covers them.
 */
const header: CellValue[] = ["姓名", "类别", "缴费基数", "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "备注"];
const quarterly: CellValue[] = [null, null, 69.75, null, null, 69.75, null, null, 69.75, null, null, 69.75];

function ledger(...rows: CellValue[][]): CellValue[][] {
  return [["某局离退休干部党支部2025年党费收缴明细"], header, ...rows];
}
const judged = (findings: { code: string; cell: string | null; severity: string }[]) =>
  findings.filter((f) => f.code.startsWith("dues.")).map((f) => `${f.cell} ${f.code}:${f.severity}`);

describe("a quarter's dues at the quarter's end", () => {
  it("with the branch's consent in 备注: nothing to say", () => {
    const { report, findings } = checkSheet(sheet("2025党费", ledger(["甲", "退休", 4650, ...quarterly, "经支部同意按季交纳"])), { asOf: "2025-12-31" });
    expect(report.kind).toBe("dues");
    expect(judged(findings)).toEqual([]);
  });

  it("without it: four payments of three months at once (warnings), no wrong amount and no unpaid month", () => {
    const { findings } = checkSheet(sheet("2025党费", ledger(["乙", "退休", 4650, ...quarterly, null])), { asOf: "2025-12-31" });
    expect(judged(findings)).toEqual(["F3 dues.lumpPayment:warning", "I3 dues.lumpPayment:warning", "L3 dues.lumpPayment:warning", "O3 dues.lumpPayment:warning"]);
    expect(findings.find((f) => f.code === "dues.lumpPayment")?.args?.months).toBe(3);
  });

  it("twice the dues every month is a wrong rate, not two months at once: there is no empty month to cover", () => {
    const { findings } = checkSheet(sheet("2025党费", ledger(["丙", "退休", 4650, ...Array<CellValue>(12).fill(46.5), null])), { asOf: "2025-12-31" });
    const wrong = findings.filter((f) => f.code === "dues.paidMismatch");
    expect(wrong).toHaveLength(12);
    expect(wrong[0]).toMatchObject({ cell: "D3", severity: "error", expected: "23.25" });
  });

  it("three months' dues where only one month beside it is empty: a wrong amount", () => {
    // January paid, February empty, March 69.75, April on: 69.75 stands for two months (46.50) at most.
    const row: CellValue[] = ["丁", "退休", 4650, 23.25, null, 69.75, ...Array<CellValue>(9).fill(23.25), "经支部同意按季交纳"];
    const { findings } = checkSheet(sheet("2025党费", ledger(row)), { asOf: "2025-12-31" });
    expect(judged(findings)).toEqual(["F3 dues.paidMismatch:error"]);
  });
});
