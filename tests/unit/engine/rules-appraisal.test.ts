import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { book, sheet } from "./grid-helpers.js";

describe("民主评议 and 民主测评 rules", () => {
  it("优秀 over 20% of those assessed is a quota finding for the sheet, and one at the 优秀 past the quota", () => {
    const rows: CellValue[][] = [["学工号", "姓名", "党籍状态", "评议结果"]];
    for (let i = 0; i < 10; i++) rows.push([`00${i}`, `党员${i}`, "正式党员", i < 3 ? "优秀" : "合格"]);
    const r = checkWorkbook(book(sheet("评议", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("appraisal");
    // A warning by default (a unit may rise to 25%); a department that holds to 20% says error in its rule set.
    // Ten assessed allow two 优秀: the third (row 4) is past the quota.
    expect(r.findings).toEqual([
      expect.objectContaining({ code: "quota.excellentPast", cell: "D4", severity: "warning" }),
      expect.objectContaining({ code: "quota.excellent", cell: null, column: "评议结果", severity: "warning" }),
    ]);
    const strict = { ...DEFAULT_RULE_SET, appraisal: { ...DEFAULT_RULE_SET.appraisal, excellentQuotaSeverity: "error" as const } };
    expect(checkWorkbook(book(sheet("评议", rows)), { asOf: "2025-12-31", ruleSet: strict }).findings.map((f) => f.severity)).toEqual(["error", "error"]);
    rows.splice(3, 1, ["002", "党员2", "正式党员", "合格"]);
    expect(checkWorkbook(book(sheet("评议", rows)), { asOf: "2025-12-31" }).findings).toEqual([]);
  });

  it("the sheet's own drop-down list gives the allowed values", () => {
    const rows: CellValue[][] = [["学工号", "姓名", "党籍状态", "评议结果"], ["001", "甲", "正式党员", "很好"]];
    const validations = [{ ranges: [{ r0: 1, c0: 3, r1: 100, c1: 3 }], values: ["优秀", "合格", "基本合格", "不合格"] }];
    const r = checkWorkbook(book(sheet("评议", rows, { validations })), { asOf: "2025-12-31" });
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([["value.notInList", "D2"]]);
  });

  it("score = (100·优 + 80·称 + 60·基 + 0·不) ÷ valid votes, grade by band, one-third 不称职 veto", () => {
    const head = ["姓名", "时任职务", "测评类别", "总人数", "优秀票数", "称职票数", "基本称职票数", "不称职票数", "得分", "等次"];
    const rows: CellValue[][] = [
      head,
      ["甲", "科长", "中层干部", 30, 28, 2, 0, 0, 98.67, "优秀"],
      ["乙", "科长", "中层干部", 30, 10, 9, 0, 11, 57.33, "不称职"],
      ["丙", "科长", "中层干部", 30, 20, 0, 0, 10, 66.67, "基本称职"],
      ["丁", "副科长", "中层干部", 30, 1, 20, 9, 0, 74.67, "优秀"],
      ["戊", "副科长", "中层干部", 30, 1, 20, 9, 0, 75, "称职"],
      ["己", "副科长", "中层干部", 30, 30, 1, 0, 0, 99.35, "优秀"],
    ];
    const r = checkWorkbook(book(sheet("测评", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("assessment");
    expect(r.findings.map((f) => [f.code, f.cell, f.expected ?? null])).toEqual([
      // 甲, 丁 and 己 are written 优秀: three of six, where 20% allows one; 丁 (74.67) and 甲 (98.67) score lowest.
      ["quota.excellentPast", "J2", null],
      ["appraisal.gradeMismatch", "J5", "称职"],
      ["quota.excellentPast", "J5", null],
      ["appraisal.scoreMismatch", "I6", "74.67"],
      ["appraisal.votesOverTotal", "E7", null],
      ["quota.excellent", null, null],
    ]);
  });

  it("rank-based sheets: rank within 1..total", () => {
    const rows: CellValue[][] = [["年份", "工作证号", "姓名", "时任单位", "时任职务", "测评类别", "总人数", "排名", "备注"], ["必填", "必填", null, "与系统内名称一致", null, "必填", "必填", "必填", null], [2025, "001", "甲", "学院", "院长", "正职", 12, 13, null]];
    const r = checkWorkbook(book(sheet("Sheet1", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.rows).toBe(1);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([["assessment.rankRange", "H3"]]);
  });
});
