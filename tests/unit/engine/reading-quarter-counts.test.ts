import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

const head = ["项目", "一季度", "二季度", "三季度", "四季度", "全年合计"];

function check(rows: CellValue[][], asOf = "2025-12-31") {
  const r = checkWorkbook(book(sheet("统计", rows)), { asOf });
  return { report: r.sheets[0]!, findings: r.findings };
}

describe("a 三会一课 table of counts by quarter", () => {
  it("judges each quarter and the year by the rule set, and the 全年合计 by the quarters' sum", () => {
    const { report, findings } = check([
      ["某某党支部2025年三会一课开展情况统计表"],
      head,
      // 党员大会 quarterly: none in the second quarter.
      ["支部党员大会", 1, 0, 1, 1, 3],
      // 支委会 monthly: 2 in the third quarter is fewer than three months' one each.
      ["支委会", 3, 3, "2", 3, 11],
      // 主题党日 monthly, all there; the total says 13 for 12.
      ["主题党日", 3, 3, 3, 3, 13],
      // 组织生活会 yearly: none in the year.
      ["组织生活会", 0, 0, 0, 0, 0],
    ]);
    expect(report).toMatchObject({ status: "checked", kind: "meetings" });
    expect(findings.map((f) => [f.code, f.cell, f.severity])).toEqual([
      ["meetings.quarterShort", "C3", "warning"],
      ["meetings.quarterShort", "D4", "warning"],
      ["meetings.countTotalMismatch", "F5", "error"],
      ["meetings.yearShort", "F6", "warning"],
    ]);
    expect(findings[1]!.message).toBe("2025年第三季度支部委员会开了 2 次，应不少于 3 次（每月至少 1 次；全国规定）");
  });

  it("says nothing of a quarter not yet over, nor of the year before it ends", () => {
    const { report, findings } = check(
      [["某某党支部2025年三会一课开展情况统计表"], head, ["支部党员大会", 1, 1, 0, "", 2], ["组织生活会", 0, 0, 0, "", 0]],
      "2025-08-15",
    );
    expect(report.status).toBe("checked");
    expect(findings).toEqual([]);
  });

  it("a table by quarter that holds no meeting types (points, budgets) is not read as one", () => {
    const { report } = check([
      ["序号", "姓名", "第一季度积分", "第二季度积分", "第三季度积分", "第四季度积分"],
      [1, "韩立军", 3200, 3300, 3100, 3400],
      [2, "周敏", 3000, 3350, 3120, 3380],
    ]);
    expect(report.status).not.toBe("checked");
  });
});
