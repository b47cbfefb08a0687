import { describe, expect, it } from "vitest";
import { checkSheet, type CellValue } from "../../../shared/index.js";
import { sheet } from "./grid-helpers.js";

/**
 * A 百分制 summary whose 合计 is a formula with a stale cached value (the items were changed, the
 * total was not recalculated): the total is the finding; the grade is judged by what the items give.
 * Bands from the sheet's own note: 90 and up 好, 80–89 较好, 70–79 一般, under 70 差.
 */
const codes = (findings: { cell: string | null; code: string; expected?: string | null }[]) => findings.map((f) => `${f.cell} ${f.code} ${f.expected ?? ""}`.trim());

describe("a grade beside a total that disagrees with its items", () => {
  const rows: CellValue[][] = [
    ["某学院2025年度学生党支部考核结果汇总"],
    ["党支部", "组织建设（25分）", "三会一课（25分）", "党员教育管理（25分）", "发展党员（25分）", "合计（100分）", "等次"],
    // 24+23+22+21 = 90: 好, right.
    ["第一党支部", 24, 23, 22, 21, 90, "好"],
    // 20+20+20+22 = 82, the cached total says 91: the total is wrong, 较好 is right by the items.
    ["第二党支部", 20, 20, 20, 22, 91, "较好"],
    // 20+20+20+25 = 85, cached 92 beside 好: the total is wrong, and by the items 85 is 较好.
    ["第三党支部", 20, 20, 20, 25, 92, "好"],
    // 18+18+17+17 = 70 and the total agrees: 好 is wrong, 70 is 一般.
    ["第四党支部", 18, 18, 17, 17, 70, "好"],
    [],
    ["注：90分以上为“好”，80—89分为“较好”，70—79分为“一般”，70分以下为“差”。"],
  ];

  it("reports the stale totals, never the grade the items bear out, and judges the others by their items", () => {
    const { report, findings } = checkSheet(sheet("考核结果", rows), { asOf: "2025-12-31" });
    expect(report.kind).toBe("organisation-assessment");
    expect(codes(findings).sort()).toEqual([
      "F4 points.totalMismatch 82",
      "F5 points.totalMismatch 85",
      "G5 orgAssessment.gradeBandByItems 较好",
      "G6 orgAssessment.gradeBand 一般",
    ]);
  });

  it("says the grade was judged by the items' sum, not by the total shown", () => {
    const { findings } = checkSheet(sheet("考核结果", rows), { asOf: "2025-12-31" });
    const g5 = findings.find((f) => f.cell === "G5")!;
    expect(g5.message).toContain("各项得分之和 85");
    expect(g5.message).not.toContain("92");
  });
});
