import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue, type SheetGrid } from "../../../shared/index.js";
import { book, serial, sheet } from "./grid-helpers.js";

/** A merge over rows r0..r1 and columns c0..c1 (0-based), as a two-row header has them. */
const m = (r0: number, c0: number, r1: number, c1: number) => ({ r0, c0, r1, c1 });
const codes = (findings: { code: string; cell: string | null; severity: string }[]) => findings.map((f) => [f.code, f.cell, f.severity]);

// Expected values below are worked out by hand from domain-rules.md §2.1 (支委会 and 主题党日 monthly,
// 党员大会 quarterly, the secretary one 党课 a year, 支委会 only with 7 正式党员 or more) and §1.2
// (农民 at most 1.00 a month).

function meetingsSummary(): SheetGrid {
  const rows: CellValue[][] = [
    ["某区委2025年度各党支部三会一课开展情况统计"],
    ["序号", "党支部名称", "正式党员数", "支委会", null, null, null, "党员大会", null, null, null, "主题党日", "书记讲党课"],
    [null, null, null, "第一季度", "第二季度", "第三季度", "第四季度", "第一季度", "第二季度", "第三季度", "第四季度"],
    [1, "东街社区党支部", 9, 3, 3, 3, 3, 1, 1, 1, 1, 12, 1],
    // 党员大会 none in the second quarter (I5); 主题党日 11 of 12 (L5).
    [2, "西街社区党支部", 12, 3, 3, 3, 3, 1, 0, 1, 1, 11, 1],
    // 5 正式党员: no committee, so no 支委会 is asked; the secretary gave no 党课 (M6).
    [3, "南街社区党支部", 5, 0, 0, 0, 0, 1, 1, 1, 1, 12, 0],
    // Two 支委会 in the second quarter: one month without (E7).
    [4, "北街社区党支部", 8, 3, 2, 3, 3, 1, 1, 1, 1, 12, 2],
  ];
  return sheet("统计", rows, { merges: [m(1, 3, 1, 6), m(1, 7, 1, 10), m(1, 0, 2, 0), m(1, 1, 2, 1), m(1, 2, 2, 2), m(1, 11, 2, 11), m(1, 12, 2, 12)] });
}

describe("a 党委's 三会一课 counts, one row per branch", () => {
  it("judges each branch's quarters and year by the rule set, at the cell of the count", () => {
    const r = checkWorkbook(book(meetingsSummary()), { asOf: "2025-12-31" });
    expect(r.sheets[0]).toMatchObject({ status: "checked", kind: "meetings" });
    expect(codes(r.findings)).toEqual([
      ["meetings.quarterShort", "I5", "warning"],
      ["meetings.yearShort", "L5", "warning"],
      ["meetings.secretaryLecture", "M6", "warning"],
      ["meetings.quarterShort", "E7", "warning"],
    ]);
    expect(r.findings[0]!.message).toBe("2025年第二季度支部党员大会开了 0 次，应不少于 1 次（每季度至少 1 次；全国规定）");
    expect(r.findings[1]!.message).toBe("2025年主题党日开了 11 次，每年至少 12 次（全国规定）");
  });

  it("says nothing of the quarters and the year not yet over", () => {
    const r = checkWorkbook(book(meetingsSummary()), { asOf: "2025-06-30" });
    expect(codes(r.findings)).toEqual([
      ["meetings.quarterShort", "I5", "warning"],
      ["meetings.quarterShort", "E7", "warning"],
    ]);
  });

  it("a table of branches whose figures are no meetings (a budget by quarter, a 通讯录) is not checked", () => {
    const budget = checkWorkbook(
      book(
        sheet("经费", [
          ["党支部", "第一季度", "第二季度", "第三季度", "第四季度"],
          ["机关党支部", 2000, 1500, 1800, 2100],
          ["社区党支部", 1000, 1200, 900, 1300],
        ]),
      ),
      { asOf: "2025-12-31" },
    );
    expect(budget.sheets[0]!.status).not.toBe("checked");
    const contacts = checkWorkbook(
      book(
        sheet("通讯录", [
          ["序号", "党组织名称", "书记", "联系电话", "党员数"],
          [1, "机关党支部", "王建国", "13807310001", 12],
          [2, "社区党支部", "李秀英", "13807310002", 30],
        ]),
      ),
      { asOf: "2025-12-31" },
    );
    expect(contacts.sheets[0]!.status).not.toBe("checked");
  });
});

function duesSummary(note: string | null): SheetGrid {
  const rows: CellValue[][] = [
    ["某镇党委2025年度党费收缴情况汇总表"],
    ["序号", "支部名称", "党员人数", "其中", null, null, "应缴党费（元）", "实缴党费（元）", "缴纳率", "上缴党费（元）"],
    [null, null, null, "在职", "离退休", "农民"],
    [1, "机关党支部", 10, 10, null, null, 6000, 6000, "100.0%", 3000],
    // 20 农民: at most 20 × 1.00 × 12 = 240.00 a year, not 300.00 (G5).
    [2, "新村党支部", 20, null, null, 20, 300, 300, "100.0%", 150],
    // 8 members, but 0 + 7 + 0 = 7 (C6); 1100 ÷ 1200 = 91.67% is 91.7%.
    [3, "老干部党支部", 8, null, 7, null, 1200, 1100, "91.7%", 550],
    // 8550 ÷ 9000 = 95.0%, not 96.0% (I7); half of 8550.00 is 4275.00, not 4725.00 (J7).
    [4, "学校党支部", 15, 15, null, null, 9000, 8550, "96.0%", 4725],
    [5, "企业党支部", 6, 6, null, null, 1800, 1800, "100.0%", 900],
    // The rows' 实缴 add up to 17750.00, not 17850.00 (H9); 17750 ÷ 18300 = 96.99% is 97.0%.
    ["合计", null, 59, 31, 7, 20, 18300, 17850, "97.0%", 9325],
    [],
    ...(note ? [[note]] : []),
  ];
  return sheet("汇总", rows, { merges: [m(1, 3, 1, 5), ...[0, 1, 2, 6, 7, 8, 9].map((c) => m(1, c, 2, c)), m(8, 0, 8, 1)] });
}

describe("a dues summary, one row per branch", () => {
  it("checks the 合计, the members by category, the rate paid, the share its 注 states and what 农民 can owe", () => {
    const r = checkWorkbook(book(duesSummary("注：按实缴党费的50%上缴县委组织部。")), { asOf: "2025-12-31" });
    expect(r.sheets[0]).toMatchObject({ status: "checked", kind: "dues" });
    expect(codes(r.findings)).toEqual([
      ["summary.cappedDues", "G5", "error"],
      ["summary.partsMismatch", "C6", "error"],
      ["summary.rateMismatch", "I7", "error"],
      ["summary.remitShare", "J7", "warning"],
      ["derived.totalMismatch", "H9", "error"],
    ]);
    const byCell = new Map(r.findings.map((f) => [f.cell, f]));
    expect(byCell.get("G5")!.expected).toBe("240.00");
    expect(byCell.get("I7")!.expected).toBe("95.0%");
    expect(byCell.get("J7")!.expected).toBe("4275.00");
    expect(byCell.get("H9")!.expected).toBe("17750.00");
    expect(byCell.get("C6")!.message).toBe("党员人数写的是 8，其中在职、离退休、农民之和为 0 + 7 + 0 = 7");
  });

  it("without a share stated, what is passed up is not judged", () => {
    const r = checkWorkbook(book(duesSummary(null)), { asOf: "2025-12-31" });
    expect(r.findings.map((f) => f.cell)).toEqual(["G5", "C6", "I7", "H9"]);
  });
});

function plan(): SheetGrid {
  return sheet("计划", [
    ["某局党委2025年度发展党员计划完成情况"],
    ["序号", "党支部", "计划发展数", "实际发展数", "其中女", "完成率"],
    [1, "第一党支部", 2, 2, 1, "100.0%"],
    [2, "第二党支部", 2, 3, 1, "150.0%"],
    // 3 women of 2 admitted (E5); 2 ÷ 4 = 50.0%, not 25.0% (F5).
    [3, "第三党支部", 4, 2, 3, "25.0%"],
    ["合计", null, 8, 6, 5, "75.0%"],
  ]);
}

function admitted(): SheetGrid {
  const people: [string, string, string][] = [
    ["赵文杰", "男", "第一党支部"],
    ["钱丽娟", "女", "第一党支部"],
    ["孙志刚", "男", "第二党支部"],
    ["李春梅", "女", "第二党支部"],
    ["周雪芳", "女", "第三党支部"],
    ["吴国栋", "男", "第三党支部"],
  ];
  return sheet("名单", [
    ["序号", "姓名", "性别", "所在党支部", "申请入党时间", "确定入党积极分子时间", "确定发展对象时间", "支部大会时间"],
    ...people.map(([name, sex, branch], i) => [i + 1, name, sex, branch, serial("2022-03-01"), serial("2022-06-01"), serial("2024-09-01"), serial(`2025-0${i + 3}-15`)]),
  ]);
}

describe("a 发展党员 plan against what was done, one row per branch", () => {
  it("alone: the 合计 against its rows, each rate, and no count of those admitted above the admitted", () => {
    const r = checkWorkbook(book(plan()), { asOf: "2025-12-31" });
    expect(r.sheets[0]).toMatchObject({ status: "checked", kind: "development" });
    expect(codes(r.findings)).toEqual([
      ["summary.partAboveWhole", "E5", "error"],
      ["summary.rateMismatch", "F5", "error"],
      ["derived.totalMismatch", "D6", "error"],
    ]);
  });

  it("with the list of those admitted: the list says the row is wrong, not the 合计", () => {
    const r = checkWorkbook(book(plan(), admitted()), { asOf: "2025-12-31" });
    const mine = r.findings.filter((f) => f.sheet === "计划");
    expect(codes(mine)).toEqual([
      ["summary.listMismatch", "D4", "warning"],
      ["summary.partAboveWhole", "E5", "error"],
      ["summary.rateMismatch", "F5", "error"],
    ]);
    expect(mine[0]!.message).toBe("第二党支部的实际发展数为 3，「名单」中列出的是 2 人");
  });
});

describe("other shapes of the same summaries", () => {
  it("counts for the year alone, one column per type, and a 全年合计 under a type's quarters", () => {
    const r = checkWorkbook(
      book(
        sheet(
          "年度",
          [
            ["2025年度基层党组织三会一课落实情况"],
            ["党组织名称", "党课", null, null, null, null, "支部党员大会（次）", "组织生活会（次）"],
            [null, "一季度", "二季度", "三季度", "四季度", "合计"],
            // 党课 1 a quarter (local practice): all there; the 合计 says 5 for 4 (F4). 党员大会 3 of 4 in the year (G4).
            ["机关第一支部", 1, 1, 1, 1, 5, 3, 1],
            // 组织生活会 none (H5).
            ["机关第二支部", 1, 2, 1, 1, 5, 4, 0],
          ],
          { merges: [m(1, 1, 1, 5), m(1, 0, 2, 0), m(1, 6, 2, 6), m(1, 7, 2, 7)] },
        ),
      ),
      { asOf: "2025-12-31" },
    );
    expect(r.sheets[0]).toMatchObject({ status: "checked", kind: "meetings" });
    expect(codes(r.findings)).toEqual([
      ["meetings.countTotalMismatch", "F4", "error"],
      ["meetings.yearShort", "G4", "warning"],
      ["meetings.yearShort", "H5", "warning"],
    ]);
  });

  it("a rate kept as a number formatted as a percentage, and a one-row header", () => {
    const r = checkWorkbook(
      book(
        sheet(
          "党费",
          [
            ["2025年第一季度党费收缴情况"],
            ["党支部", "应缴金额（元）", "实缴金额（元）", "收缴率"],
            // 270.00 ÷ 300.00 = 90.0%, shown as 0.9 in a 0.0% cell: right.
            ["第一党支部", 300, 270, 0.9],
            // 198.00 ÷ 200.00 = 99.0%, not 98.0% (D4).
            ["第二党支部", 200, 198, 0.98],
          ],
          { numberFormats: [[], [], [null, "0.00", "0.00", "0.0%"], [null, "0.00", "0.00", "0.0%"]] },
        ),
      ),
      { asOf: "2025-12-31" },
    );
    expect(r.sheets[0]).toMatchObject({ status: "checked", kind: "dues" });
    expect(codes(r.findings)).toEqual([["summary.rateMismatch", "D4", "error"]]);
    expect(r.findings[0]!.expected).toBe("99.0%");
  });

  it("a list of people with their branch is no summary of organisations", () => {
    const r = checkWorkbook(
      book(
        sheet("名单", [
          ["所在党支部", "姓名", "计划发展数", "实际发展数"],
          ["第一党支部", "赵文杰", 1, 1],
          ["第二党支部", "钱丽娟", 1, 1],
        ]),
      ),
      { asOf: "2025-12-31" },
    );
    expect(r.findings.filter((f) => f.code.startsWith("summary."))).toEqual([]);
    expect(r.sheets[0]!.reason ?? "").not.toContain("按党支部汇总");
  });
});
