import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * Rosters of organisations the first ledgers did not have: a student branch whose 政治面貌 column writes
 * the national code list's 中共党员 / 中共预备党员, and a joint branch's 民主评议 whose count column says
 * 应参评 (the 人数 left out). Expected findings worked out by hand from domain-rules.md 6.3.5 and 6.3.8.
 */
const check = (rows: CellValue[][]) => checkWorkbook(book(sheet("名册", rows)), { asOf: "2025-12-31" });
const at = (r: ReturnType<typeof check>) =>
  r.findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.cell} ${f.code} ${f.severity}`)
    .sort();

describe("a student roster's 政治面貌: 中共党员 is a full member", () => {
  const rows: CellValue[][] = [
    ["材料学院本科生党支部党员名册"],
    ["学号", "姓名", "性别", "出生年月", "班级", "政治面貌", "入党时间", "转正时间"],
    // row 3: 中共党员, admitted 2025-03-27: probation runs to 2026-03-27
    [2022110301, "宋佳", "女", "2003.04", "材料2201", "中共党员", "2025-03-27", null],
    // row 4: 中共预备党员 admitted 2024-06-20: the year ended 2025-06-20, over 3 months before the as-of day, no 转正
    [2022110304, "唐磊", "男", "2002.11", "材料2201", "中共预备党员", "2024-06-20", null],
    // row 5: 中共党员 with 转正 on EDATE(2023-01-10, 12): right
    [2022110307, "韩梅", "女", "2002.03", "材料2202", "中共党员", "2023-01-10", "2024-01-10"],
    // row 6: 中共预备党员 admitted 2025-06-18, still on probation: right
    [2022110310, "冯涛", "男", "2003.01", "材料2202", "中共预备党员", "2025-06-18", null],
    // row 7: a bare 党员 (full or not, the word does not say), admitted 2025-05-01: nothing said
    [2022110313, "曹雪", "女", "2003.07", "高分子2201", "党员", "2025-05-01", null],
  ];

  it("says a full member still on probation, and an overdue 预备党员, and nothing else", () => {
    const r = check(rows);
    expect(r.sheets[0]!.kind).toBe("roster");
    expect(at(r)).toEqual(["F3 member.statusTooEarly error", "F4 probation.overdue warning"]);
    expect(r.findings.find((f) => f.cell === "F3")!.message).toContain("2026-03-27");
  });
});

describe("a 民主评议 whose voter count is headed 应参评", () => {
  it("reads 应参评 as the number voting and finds votes over it", () => {
    const r = check([
      ["姓名", "所在单位", "应参评", "优秀", "合格", "基本合格", "不合格", "评定等次"],
      // 2 + 9 + 1 + 0 = 12 of 12: right
      ["马骏", "甲公司", 12, 2, 9, 1, 0, "合格"],
      // 3 + 9 + 1 + 0 = 13, more than the 12 voting
      ["刘洋", "乙公司", 12, 3, 9, 1, 0, "合格"],
      ["杜鹃", "丙公司", 12, 1, 10, 1, 0, "合格"],
    ]);
    expect(r.sheets[0]!.kind).toBe("appraisal");
    expect((r.sheets[0]!.columns ?? []).find((c) => c.header === "应参评")?.field).toBe("voters");
    expect(at(r)).toEqual(["D3 appraisal.votesOverTotal error"]);
  });
});
