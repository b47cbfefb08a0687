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

const twelveSerials = Array.from({ length: 12 }, (_, i) => Date.UTC(2025, i, 1) / 86_400_000 + 25_569);
const MONTH_FMT = 'yyyy"年"m"月"';

describe("a student dues year whose month headers are date serials shown as 2025年1月", () => {
  // Students pay 0.20 a month (2008规定第六条); 丙 paid July and August late in September (0.60, 备注).
  const header: CellValue[] = ["序号", "姓名", "身份", ...twelveSerials, "合计", "备注"];
  const fmtRow = [null, null, null, ...twelveSerials.map(() => MONTH_FMT)];
  const pay = (v: number): CellValue[] => Array(12).fill(v);
  const rows: CellValue[][] = [
    ["某学院研究生党支部2025年党费收缴登记表"],
    header,
    [1, "甲", "学生党员", ...pay(0.2), 2.4],
    // 0.50 a month from a student: 0.20 is owed.
    [2, "乙", "学生党员", ...pay(0.5), 6],
    [3, "丙", "学生党员", 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, null, null, 0.6, 0.2, 0.2, 0.2, 2.4, "9月补交7、8月"],
  ];
  const grid = sheet("党费", rows, { numberFormats: [[], fmtRow] });

  it("reads the serials as the months they show and checks each payment against the student amount", () => {
    const { report, findings } = checkSheet(grid, { asOf: "2025-12-31" });
    expect(report.kind).toBe("dues");
    const errors = findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`);
    // Every month of 乙 (D4…O4) is 0.50 against 0.20; 丙's 0.60 is three months, explained by the note.
    expect(errors).toEqual(Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(68 + i)}4 dues.paidMismatch`));
    expect(findings.filter((f) => f.row === 5 && f.severity !== "info")).toEqual([]);
  });

  it("leaves serials shown to the day as dates, not months (no dues ledger read from them)", () => {
    const dayRow = [null, null, null, ...twelveSerials.map(() => "yyyy-mm-dd")];
    const { report } = checkSheet(sheet("党费", rows, { numberFormats: [[], dayRow] }), { asOf: "2025-12-31" });
    expect(report.status).not.toBe("checked");
  });
});

describe("a one-month dues calculation sheet (one sheet per month, 实交 beside 应交党费)", () => {
  // Brackets (2008规定第二条): ≤3000 0.5%, 3000–5000 1%, 5000–10000 1.5%, >10000 2%.
  const rows: CellValue[][] = [
    ["某公司机关党支部2025年11月党费计算表"],
    ["序号", "姓名", "计算基数(元)", "比例(%)", "应交党费(元)", "实交(元)", "备注"],
    // 6000 × 1.5% = 90.00, paid.
    [1, "甲", 6000, 1.5, 90, 90],
    // 4000 × 1% = 40.00, stored as text in 实交: the same amount.
    [2, "乙", 4000, 1, 40, "40"],
    // 8000 × 1.5% = 120.00, written 110.00 and paid so.
    [3, "丙", 8000, 1.5, 110, 110],
    // =SUM of 实交 skips the text '40': 90 + 110 = 200 is what Excel shows; 应交 sums 240.
    ["合计", null, null, null, 240, 200],
  ];

  it("is read as that month's payments, and a wrong amount is found", () => {
    const { report, findings } = checkSheet(sheet("2025年11月", rows), { asOf: "2025-11-30" });
    expect(report.kind).toBe("dues");
    const errors = findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code} ${f.expected}`);
    expect(errors).toContain("E5 dues.amountMismatch 120.00");
    // The 合计 of 实交 equals Excel's SUM: no error there, only a note naming the text cell.
    expect(errors.filter((e) => e.startsWith("F6"))).toEqual([]);
    const note = findings.find((f) => f.cell === "F6");
    expect(note?.code).toBe("derived.textNotSummed");
    expect(note?.severity).toBe("info");
    expect(note?.message).toContain("F4");
  });

  it("still finds a 合计 that is neither the sum nor Excel's SUM", () => {
    const wrong = rows.map((r, i) => (i === rows.length - 1 ? ["合计", null, null, null, 240, 205] : r));
    const { findings } = checkSheet(sheet("2025年11月", wrong), { asOf: "2025-11-30" });
    expect(findings.filter((f) => f.cell === "F6").map((f) => `${f.code} ${f.expected}`)).toEqual(["derived.totalMismatch 240.00"]);
  });
});
