import { describe, expect, it } from "vitest";
import { checkSheet, type CellValue } from "../../../shared/index.js";
import { parsePointsHeader } from "../../../shared/detect/points-header.js";
import { sheet } from "./grid-helpers.js";

const at = (findings: { code: string; cell: string | null }[], code: string) => findings.filter((f) => f.code === code).map((f) => f.cell);

describe("a 百分制 assessment: each item's full marks in its header", () => {
  it("reads the points a header gives its item, and only an item's", () => {
    expect(parsePointsHeader("班子建设\n（30分）")).toBe(30);
    expect(parsePointsHeader("制度落实(满分15分)")).toBe(15);
    expect(parsePointsHeader("作用发挥（满分12.5）")).toBe(12.5);
    expect(parsePointsHeader("阵地建设8分")).toBe(8);
    // A bare number in brackets is points only under a heading that says so.
    expect(parsePointsHeader("基础工作（20）")).toBeNull();
    expect(parsePointsHeader("基础工作（20）", "评分项目")).toBe(20);
    // A total with its 100 points is no item; nor is a month.
    expect(parsePointsHeader("总分（100分）")).toBeNull();
    expect(parsePointsHeader("综合得分(100分)")).toBeNull();
    expect(parsePointsHeader("2025年3月")).toBeNull();
  });

  // Items 30 + 30 + 20 + 20 = 100. 第二支部's 制度落实 31 is above its 30; 第三支部's items add up to
  // 24 + 26 + 15 + 17 = 82, not the 84 written; 第四支部's 优秀 is not one of 好/较好/一般/差.
  const rows: CellValue[][] = [
    ["某局机关党委2026年度基层党支部考核计分表"],
    ["序号", "党支部", "班子建设（30分）", "制度落实（30分）", "作用发挥（20分）", "基础保障（20分）", "总分", "等次"],
    [1, "第一支部", 28, 27.5, 18, 19, 92.5, "好"],
    [2, "第二支部", 26, 31, 17, 16, 90, "好"],
    [3, "第三支部", 24, 26, 15, 17, 84, "较好"],
    [4, "第四支部", 29, 28, 19, 18.5, 94.5, "优秀"],
    [5, "第五支部", 20, 21, 13, 12, 66, "一般"],
  ];

  it("is the branch assessment; an item above its points, a total not the sum, a grade not in the list", () => {
    const { report, findings } = checkSheet(sheet("计分", rows), { asOf: "2026-12-31" });
    expect(report.kind).toBe("organisation-assessment");
    expect(at(findings, "points.aboveMax")).toEqual(["D4"]);
    const total = findings.filter((f) => f.code === "points.totalMismatch");
    expect(total.map((f) => [f.cell, f.expected])).toEqual([["G5", "82"]]);
    expect(at(findings, "orgAssessment.grade")).toEqual(["H6"]);
    expect(findings.filter((f) => f.severity === "error")).toHaveLength(3);
  });

  it("a total is not compared while an item is blank", () => {
    const blank = rows.map((r) => [...r]);
    blank[4]![4] = null;
    const { findings } = checkSheet(sheet("计分", blank), { asOf: "2026-12-31" });
    expect(at(findings, "points.totalMismatch")).toEqual([]);
  });
});

describe("an HR export of year grades with bilingual headers and a year on every row", () => {
  // Two years in one export. 2024: 2 优秀 of 5 (limit 20% of 5 = 1); 2025: 1 of 5. 周敏's
  // 党内警告 of 2024 rules out her 2024 优秀 (E4), not 陈刚's 2025 优秀 after a 2024 warning.
  const rows: CellValue[][] = [
    ["Emp No. 工号", "Name 姓名", "Dept 科室", "Position 职务职级", "Year 考核年度", "Result 考核等次", "Remark 备注"],
    ["E001", "周敏", "综合科", "一级科员", 2024, "优秀", "2024年5月受党内警告处分"],
    ["E002", "陈刚", "综合科", "科长", 2024, "优秀", ""],
    ["E003", "吴芳", "法规科", "二级主任科员", 2024, "称职", ""],
    ["E004", "郑伟", "法规科", "一级科员", 2024, "称职", ""],
    ["E005", "王霞", "财务科", "科员", 2024, "称职", ""],
    ["E001", "周敏", "综合科", "一级科员", 2025, "称职", ""],
    ["E002", "陈刚", "综合科", "科长", 2025, "优秀", "2024年5月受党内警告处分，已期满"],
    ["E003", "吴芳", "法规科", "二级主任科员", 2025, "称职", ""],
    ["E004", "郑伟", "法规科", "一级科员", 2025, "称职", ""],
    ["E005", "王霞", "财务科", "科员", 2025, "基本称职", ""],
  ];

  it("is a cadre-grades sheet read by the Chinese part of each header", () => {
    const { report, findings } = checkSheet(sheet("Export", rows), { asOf: "2025-12-31" });
    expect(report.kind).toBe("cadre-grades");
    expect(findings.map((f) => `${f.cell ?? f.period} ${f.code} ${f.severity}`)).toEqual(["F2 cadre.sanctionNotGrade error", "2024 quota.excellentPerYear warning"]);
  });
});
