import { describe, expect, it } from "vitest";
import { checkSheet, type CellValue } from "../../../shared/index.js";
import { sheet } from "./grid-helpers.js";

/**
 * Sheets that carry grades without being an appraisal: a promotion notice (职级晋升拟任人选公示) lists
 * each candidate's grades of the last three years in one cell; an appraisal gives one verdict a row.
 * And an appraisal's 应参评 column is the number who may vote, which the votes cannot exceed.
 */
describe("a cell listing several grades is a history, not a verdict", () => {
  // No word of a promotion here: only the column of 称职、优秀、称职 could make it look like an appraisal.
  const rows: CellValue[][] = [
    ["某局干部基本情况"],
    ["姓名", "性别", "政治面貌", "现任职务", "近三年年度考核等次"],
    ["杜一", "男", "中共党员", "科长", "称职、优秀、称职"],
    ["戴二", "女", "中共党员", "副科长", "优秀、称职、称职"],
    ["陈三", "男", "群众", "科员", "称职，称职，优秀"],
    ["钱四", "女", "中共党员", "科员", "称职/称职/称职"],
  ];

  it("is not read as a 民主评议 with four unknown verdicts", () => {
    const { report, findings } = checkSheet(sheet("干部", rows), { asOf: "2025-11-07" });
    expect(report.kind).not.toBe("appraisal");
    expect(findings.filter((f) => f.code === "appraisal.resultUnknown")).toEqual([]);
  });

  it("still reads a column of single verdicts by their content", () => {
    // The same sheet with one verdict per row (and no header the template knows) is an appraisal column again.
    const single = rows.map((r, i) => (i < 2 ? r : [...r.slice(0, 4), ["优秀", "合格", "合格", "基本合格"][i - 2]!]));
    single[1] = ["姓名", "性别", "政治面貌", "现任职务", "评议等次"];
    const { report } = checkSheet(sheet("评议", single), { asOf: "2025-12-31" });
    expect(report.kind).toBe("appraisal");
  });
});

describe("a promotion or appointment notice is not a ledger", () => {
  it("a 职级晋升 公示 with one grade a row is unrecognised, and says what it looks like", () => {
    const rows: CellValue[][] = [
      ["县某局2025年公务员职级晋升拟任人选公示"],
      ["姓名", "性别", "出生年月", "政治面貌", "现任职级", "拟晋升职级", "2024年度考核等次"],
      ["杜一", "男", "1982.03", "中共党员", "二级主任科员", "一级主任科员", "优秀"],
      ["戴二", "女", "1985.04", "中共党员", "四级主任科员", "三级主任科员", "称职"],
      ["陈三", "男", "1988.05", "中共党员", "一级科员", "四级主任科员", "称职"],
    ];
    const { report, findings } = checkSheet(sheet("公示", rows), { asOf: "2025-11-07" });
    expect(report.status).toBe("unrecognised");
    expect(report.candidates[0]?.looksLike).toBe("干部任职或干部信息表");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("应参评 is the number who may vote (民主评议)", () => {
  // 应参评 10 for every row. 乙: 3 + 7 + 1 + 0 = 11 votes, more than 10. 甲: 2 + 8 = 10, exactly all.
  const rows: CellValue[][] = [
    ["某支部2025年度民主评议党员统计表"],
    ["姓名", "应参评", "优秀", "合格", "基本合格", "不合格", "评定等次"],
    ["甲", 10, 2, 8, 0, 0, "合格"],
    ["乙", 10, 3, 7, 1, 0, "合格"],
    ["丙", 10, 1, 9, 0, 0, "合格"],
  ];

  it("binds 应参评 to the voters and finds the row with more votes than voters", () => {
    const { report, findings } = checkSheet(sheet("民主评议", rows), { asOf: "2025-12-31" });
    expect(report.kind).toBe("appraisal");
    expect(report.columns?.find((c) => c.column === "B")?.field).toBe("voters");
    const over = findings.filter((f) => f.code === "appraisal.votesOverTotal");
    expect(over.map((f) => [f.cell, f.severity, f.args?.valid, f.args?.total])).toEqual([["C4", "error", 11, 10]]);
  });
});
