import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A 党委's 百分制 of its branches written as 基础分 + 加分 − 扣分 = 总得分, graded on a local scale (先进 / 中间 / 后进)
 * by bands and a 加分 cap the sheet states above its table (domain rules §5, [LOCAL]).
 */
const TITLE = "某公司党委2025年度基层党支部考核得分及定级表";
const NOTE = "定级标准：总得分95分及以上为先进党支部，80分及以上为中间党支部，80分以下为后进党支部。加分项最高加5分。";
const HEADER = ["序号", "党支部", "基础分", "加分", "扣分", "总得分", "定级"];

function check(rows: CellValue[][], note = NOTE) {
  const r = checkWorkbook(book(sheet("考核得分", [[TITLE], [note], HEADER, ...rows])), { asOf: "2025-12-31" });
  return { sheet: r.sheets[0]!, errors: r.findings.filter((f) => f.severity === "error") };
}

// Rows 4.. : 92 + 3 − 0 = 95 先进; 88 + 2 − 1 = 89 中间; 80 + 0 − 4 = 76 后进; 90 + 4 − 0 = 94 中间
const GOOD: CellValue[][] = [
  [1, "第一党支部", 92, 3, 0, 95, "先进"],
  [2, "第二党支部", 88, 2, 1, 89, "中间"],
  [3, "第三党支部", 80, 0, 4, 76, "后进"],
  [4, "第四党支部", 90, 4, 0, 94, "中间"],
];

describe("a 百分制 of branches by 基础分, 加分 and 扣分", () => {
  it("is read as an organisation assessment, and a sheet that adds up gives no error", () => {
    const { sheet: s, errors } = check(GOOD);
    expect(s.kind).toBe("organisation-assessment");
    expect(s.matched.find((m) => m.header === "基础分")?.field).toBe("base");
    expect(errors).toEqual([]);
  });

  it("a total that is not 基础分 + 加分 − 扣分 is found at the total", () => {
    // 88 + 2 − 1 = 89, written 90 (and 90 is still 中间: no grade finding)
    const rows = GOOD.map((r) => [...r]);
    rows[1]![5] = 90;
    const { errors } = check(rows);
    expect(errors.map((f) => [f.cell, f.code])).toEqual([["F5", "orgAssessment.baseTotalMismatch"]]);
    expect(errors[0]!.expected).toBe("89");
  });

  it("a 加分 over the stated cap is found at the 加分", () => {
    // 加分 6 over 最高加5分; 89 + 6 − 0 = 95 先进 adds up
    const rows = [...GOOD.map((r) => [...r]), [5, "第五党支部", 89, 6, 0, 95, "先进"]];
    const { errors } = check(rows);
    expect(errors.map((f) => [f.cell, f.code])).toEqual([["D8", "orgAssessment.bonusOverCap"]]);
  });

  it("without a stated cap, no 加分 is too much (the rule set sets none)", () => {
    const rows = [...GOOD.map((r) => [...r]), [5, "第五党支部", 89, 6, 0, 95, "先进"]];
    const { errors } = check(rows, "定级标准：总得分95分及以上为先进党支部，80分及以上为中间党支部，80分以下为后进党支部。");
    expect(errors).toEqual([]);
  });

  it("a grade on the local scale against the stated bands is found", () => {
    // 76 is below 80: 后进, written 中间
    const rows = GOOD.map((r) => [...r]);
    rows[2]![6] = "中间";
    const { errors } = check(rows);
    expect(errors.map((f) => [f.cell, f.code, f.expected])).toEqual([["G6", "orgAssessment.gradeBand", "后进"]]);
  });

  it("a grade of neither scale is still no grade", () => {
    const rows = GOOD.map((r) => [...r]);
    rows[0]![6] = "好";
    const { errors } = check(rows);
    expect(errors.map((f) => [f.cell, f.code])).toEqual([["G4", "orgAssessment.grade"]]);
  });
});

describe("a 星级评定 of 党组织 graded by stated star bands", () => {
  const header = ["序号", "党支部", "班子建设（40分）", "组织生活（30分）", "服务群众（30分）", "总分", "评定星级"];
  const note = "评定标准：总分90分以上（含）为五星级，80—89分为四星级，70—79分为三星级，60—69分为二星级，60分以下为一星级。";
  function run(rows: CellValue[][]) {
    const r = checkWorkbook(book(sheet("星级评定", [["某街道2025年度党组织星级评定结果"], [note], header, ...rows])), { asOf: "2025-12-31" });
    return { kind: r.sheets[0]!.kind, errors: r.findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.code, f.expected]) };
  }
  // 36 + 28 + 27 = 91 五星级; 32 + 25 + 25 = 82 四星级; 25 + 20 + 20 = 65 二星级
  const rows: CellValue[][] = [
    [1, "第一党支部", 36, 28, 27, 91, "五星级"],
    [2, "第二党支部", 32, 25, 25, 82, "四星级"],
    [3, "第三党支部", 25, 20, 20, 65, "二星级"],
  ];

  it("stars that follow the bands give no error", () => {
    expect(run(rows)).toEqual({ kind: "organisation-assessment", errors: [] });
  });

  it("a star above the band of its total is found", () => {
    const bad = rows.map((r) => [...r]);
    bad[1]![6] = "五星级"; // 82 is 80—89: 四星级
    expect(run(bad).errors).toEqual([["G5", "orgAssessment.gradeBand", "四星级"]]);
  });
});
