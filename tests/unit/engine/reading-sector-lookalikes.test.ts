import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A school's or a hospital's own appraisal of all its staff grades teachers and doctors by their 职称, Party members
 * or not: not a 民主评议, a cadre's 年度考核 or a 党组织 rating. Never checked as one (未检查, not a wrong kind).
 */
describe("staff appraisals of a unit are not Party ledgers", () => {
  it("a 教职工年度考核 list is not read as cadre grades", () => {
    const rows: CellValue[][] = [
      ["某中学2025年度教职工年度考核结果汇总表"],
      ["序号", "姓名", "学科", "政治面貌", "职称", "考核得分", "考核等次"],
      [1, "甲", "语文", "群众", "一级教师", 80, "合格"],
      [2, "乙", "数学", "中共党员", "高级教师", 95, "优秀"],
      [3, "丙", "英语", "群众", "二级教师", 85, "合格"],
      [4, "丁", "物理", "中共党员", "一级教师", 88, "合格"],
    ];
    const r = checkWorkbook(book(sheet("年度考核", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBeNull();
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a 医德医风 rating of doctors is not read as an organisation assessment", () => {
    const rows: CellValue[][] = [
      ["某医院2025年度医务人员医德医风考评汇总表"],
      ["序号", "科室", "姓名", "职称", "救死扶伤（50）", "廉洁行医（50）", "总分", "等次"],
      [1, "内科", "甲", "主治医师", 45, 46, 91, "优秀"],
      [2, "外科", "乙", "副主任医师", 44, 47, 91, "优秀"],
      [3, "急诊科", "丙", "主管护师", 40, 40, 80, "良好"],
    ];
    const r = checkWorkbook(book(sheet("医德医风", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBeNull();
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("a 民主评议 verdict left as a dash on purpose", () => {
  const HEADER = ["姓名", "党员类别", "个人自评", "党员互评", "支部评定等次", "备注"];
  const rows: CellValue[][] = [
    ["某党支部2025年度民主评议党员结果汇总表"],
    HEADER,
    ["甲", "正式党员", "合格", "合格", "合格"],
    ["乙", "正式党员", "优秀", "优秀", "优秀"],
    ["丙", "正式党员", "合格", "合格", "合格"],
    ["丁", "正式党员", "合格", "合格", "合格"],
    ["戊", "正式党员", "合格", "合格", "合格"],
    ["己", "预备党员", "合格", "—", "—", "预备党员参加评议，不评定等次"],
    ["庚", "正式党员", "合格", "合格", "—"],
  ];
  it("is no grade of another scale for a 预备党员, nor a grade given to one; a full member's dash still is", () => {
    const r = checkWorkbook(book(sheet("评议结果", rows)), { asOf: "2026-01-15" });
    expect(r.sheets[0]!.kind).toBe("appraisal");
    expect(r.findings.filter((f) => f.cell === "E8")).toEqual([]);
    expect(r.findings.find((f) => f.cell === "E9")).toMatchObject({ code: "appraisal.resultUnknown", severity: "error" });
  });
});

describe("a 民主评议党员 vote count with ballots and a 测评得分", () => {
  // Votes on the 民主评议 scale (优秀/合格/基本合格/不合格), ballots and a score, as a village counts them.
  const HEADER = ["姓名", "发出票", "收回票", "有效票", "优秀", "合格", "基本合格", "不合格", "测评得分", "评定等次", "备注"];
  // (100·10 + 80·15 + 60·3) ÷ 28 = 84.29; (100·9 + 80·7 + 0·12) ÷ 28 = 52.14 with 12 of 28 不合格 (more than a third).
  const rows: CellValue[][] = [
    ["某村党支部2025年度民主评议党员测评统计表"],
    HEADER,
    ["甲", 30, 29, 28, 10, 15, 3, 0, 84.29, "合格"],
    ["乙", 30, 29, 28, 10, 15, 3, 0, 84.29, "合格"],
    ["丙", 30, 29, 28, 9, 7, 0, 12, 52.14, "合格"],
    ["丁", null, null, null, null, null, null, null, null, null, "外出务工，不参加本次评议"],
  ];
  it("is a 民主评议 (appraisal), its veto holds for 合格, and one away with a reason is not asked for a grade", () => {
    const r = checkWorkbook(book(sheet("测评统计", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("appraisal");
    expect(r.findings.find((f) => f.cell === "J5")).toMatchObject({ code: "appraisal.vetoedResult", severity: "error" });
    expect(r.findings.filter((f) => f.row === 6 && f.severity === "error")).toEqual([]);
  });
});

describe("a score written in words", () => {
  it("八十四分 in a 测评得分 column is 84, not a mistyped number", () => {
    const rows: CellValue[][] = [
      ["某党支部2025年度民主评议党员结果"],
      ["姓名", "有效票", "优秀", "合格", "基本合格", "不合格", "测评得分", "评议结果"],
      // (100·5 + 80·14 + 60·1) ÷ 20 = 84
      ["甲", 20, 5, 14, 1, 0, "八十四分", "合格"],
      ["乙", 20, 5, 14, 1, 0, 84, "合格"],
      ["丙", 20, 5, 14, 1, 0, "一百分", "合格"],
    ];
    const r = checkWorkbook(book(sheet("民主评议", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("appraisal");
    expect(r.findings.filter((f) => f.code === "value.notNumber")).toEqual([]);
  });
});
