import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A 百分制 score sheet whose only record of what was taken off is the 扣分情况 sentence (no 扣分 column): the
 * 得分 is 分值 less the deductions the sentence states (domain-rules.md §5), so a 得分 that disagrees is the cell
 * to fix. Worked by hand: 20 − (2 + 2) = 16; 10 − 2 = 8; 15 − (3 + 2) = 10.
 */
describe("a 百分制 sheet with 扣分情况 and no 扣分 column", () => {
  const rows: CellValue[][] = [
    ["某镇某党支部2025年度党建工作考核评分表"],
    ["序号", "考核项目", "分值", "考核内容及评分标准", "扣分情况", "得分"],
    [1, "组织建设", "15分", "班子不健全扣3分，未按期换届扣5分", "无", 15],
    // 20 − 2 − 2 = 16, the sheet has 17 (F4).
    [2, "三会一课", "20分", "每少1次支委会扣1分，少1次党员大会或党课扣2分", "支委会少2次，扣2分；党课少1次，扣2分", 17],
    [3, "党员教育", "15分", "缺1个月记录扣1分", "无", 15],
    [4, "党费收缴", "10分", "上交不及时扣2分", "党费上交不及时，扣2分", 8],
    [5, "发展党员", "10分", "程序不规范每人次扣2分", "无", 10],
    [6, "党风廉政", "15分", "未开展扣3分", "无", 15],
    [7, "基础资料", "15分", "台账不全扣3分，缺签到表每次扣1分", "台账不全，扣3分；缺签到表2次，扣2分", 10],
    // 15 + 17 + 15 + 8 + 10 + 15 + 10 = 90.
    ["合计", "合计", "100分", null, null, 90],
  ];
  const r = checkWorkbook(book(sheet("某支部", rows)), { asOf: "2025-12-31" });
  const errors = r.findings.filter((f) => f.severity === "error");

  it("says the 得分 that disagrees with the deductions stated, not the sentence", () => {
    expect(errors.map((f) => `${f.cell}:${f.code}`)).toEqual(["F4:itemScore.scoreAgainstNote"]);
    expect(errors[0]!.expected).toBe("16");
  });
});

describe("a 百分制 sheet with a column of deductions beside the 扣分说明", () => {
  it("says the note that disagrees with that column, at the note", () => {
    const rows: CellValue[][] = [
      ["某党委2025年度党支部工作考核评分表"],
      ["序号", "考核项目", "考核内容及评分标准", "分值", "考核扣分", "考核得分", "扣分说明"],
      [1, "组织建设", "按期换届", 15, 0, 15, null],
      [2, "三会一课", "缺1次扣1分", 20, 1, 19, "支委会缺1次，扣1分"],
      // 考核扣分 3 and 得分 7 agree (10 − 3); the note says 扣2分 (G5).
      [3, "党费收缴", "未按时上缴扣2分", 10, 3, 7, "第三季度党费未按时上缴，扣2分"],
      [4, "发展党员", "程序规范", 10, 0, 10, null],
    ];
    const r = checkWorkbook(book(sheet("考核评分表", rows)), { asOf: "2025-12-31" });
    const notes = r.findings.filter((f) => f.code === "itemScore.noteDeduction" || f.code === "itemScore.scoreAgainstNote");
    expect(notes.map((f) => `${f.cell}:${f.code}`)).toEqual(["G5:itemScore.noteDeduction"]);
  });
});
