import { describe, expect, it } from "vitest";
import { checkSheet, type CellValue } from "../../../shared/index.js";
import { sheet } from "./grid-helpers.js";

/**
 * A line above the header that says something of the whole sheet: the branch's consent to pay
 * by quarter, written once under the title of a receipt book, holds for every row.
 */
const header = ["收据编号", "姓名", "交纳日期", "所属期间", "月数", "月交纳额（元）", "交纳金额（元）"];
const rows = (cover: CellValue[][]): CellValue[][] => [
  ["某党支部2024年党费收据登记簿"],
  ...cover,
  header,
  ["DF001", "陈斌", "2024-03-10", "2024.01-2024.03", 3, 36, 108],
  ["DF002", "胡敏", "2024-03-10", "2024.01-2024.03", 3, 48.5, 145.5],
  ["DF003", "陈斌", "2024-06-10", "2024.04-2024.06", 3, 36, 108],
];
const lumps = (r: ReturnType<typeof checkSheet>) => r.findings.filter((f) => f.code === "dues.lumpPayment").map((f) => f.cell);

describe("facts a cover line says of the whole sheet", () => {
  it("without the branch's consent every quarter's payment asks for it", () => {
    expect(lumps(checkSheet(sheet("收据登记", rows([])), { asOf: "2024-12-31" }))).toEqual(["G3", "G4", "G5"]);
  });

  it("经支部委员会研究同意，按季度交纳 under the title is every row's consent, shown once as a fact", () => {
    const r = checkSheet(sheet("收据登记", rows([["经支部委员会2024年1月8日研究同意，本支部党员按季度交纳党费。"]])), { asOf: "2024-12-31" });
    expect(r.report.kind).toBe("dues");
    expect(lumps(r)).toEqual([]);
    expect(r.report.facts.map((f) => [f.cell, f.kind])).toEqual([["A2", "duesConsent"]]);
    expect(r.report.factCount).toBe(1);
  });
});
