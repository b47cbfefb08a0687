import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

// A 测评 tally: 收回 ≤ 发出, 有效 ≤ 收回; 优秀和称职率 = (优秀 + 称职) ÷ 有效, 基本称职 not among them.
describe("a cadre tally with bare 发出 / 收回 / 有效 headers and an 优秀和称职率", () => {
  const grid: CellValue[][] = [
    ["某医院2025年度中层干部民主测评结果统计表"],
    ["姓名", "职务", "发出", "收回", "有效", "优秀", "称职", "基本称职", "不称职", "优秀率", "优秀和称职率"],
    ["甲一", "主任", 40, 40, 40, 10, 28, 2, 0, "25.0%", "95.0%"], // 38 of 40 = 95.0%: right
    ["乙二", "主任", 40, 41, 40, 10, 28, 2, 0, "25.0%", "95.0%"], // 41 returned of 40 issued
    ["丙三", "科长", 40, 40, 40, 12, 24, 4, 0, "30.0%", "100.0%"], // (12 + 24) ÷ 40 = 90.0%, 基本称职 counted in
    ["丁四", "科长", 40, 40, 40, 8, 30, 2, 0, "20.0%", "95.0%"], // 38 of 40: right
  ];

  it("reads the ballots and finds the returned count and the combined share", () => {
    const r = checkWorkbook(book(sheet("测评", grid)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("assessment");
    const errors = r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`);
    expect(errors).toEqual(["D4 appraisal.returnedOverIssued", "K5 appraisal.goodRateMismatch"]);
    expect(r.findings.find((f) => f.cell === "K5")!.expected).toBe("90.0%");
  });
});
