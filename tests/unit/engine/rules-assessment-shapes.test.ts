import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue, type Finding } from "../../../shared/index.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * Assessment sheets of several shapes: ballots handed out, returned and valid; 党员互评 beside 民主测评; the 优秀
 * quota in each branch of a 党委's sheet; a 预备党员 given a 等次; a 述职评议's 好和较好票占比. Expected values are
 * worked out by hand from domain-rules.md (grade limits, §4.3, §5) and the rule set's LOCAL defaults.
 */
const asOf = "2025-12-31";
const at = (findings: Finding[]) => findings.map((f) => `${f.cell ?? "-"} ${f.code} ${f.severity}`);

describe("ballots of a 民主测评: 有效票 ≤ 收回票 ≤ 发出票, and the grades' votes add up to 有效票", () => {
  const head = ["序号", "姓名", "现任职务", "发出票", "收回票", "有效票", "优秀", "称职", "基本称职", "不称职", "得分", "考核等次"];
  // Scores by (100·优 + 80·称 + 60·基) ÷ 有效票: 甲 (1000 + 2400 + 60) ÷ 41 = 84.39; 乙 (800 + 2480 + 120) ÷ 41 = 82.93.
  const rows = (): CellValue[][] => [
    head,
    [1, "甲", "股长", 42, 41, 41, 10, 30, 1, 0, 84.39, "称职"],
    [2, "乙", "股长", 42, 41, 41, 8, 31, 2, 0, 82.93, "称职"],
    [3, "丙", "股长", 42, 41, 41, 8, 31, 2, 0, 82.93, "称职"],
    [4, "丁", "股长", 42, 41, 41, 8, 31, 2, 0, 82.93, "称职"],
    [5, "戊", "股长", 42, 41, 41, 8, 31, 2, 0, 82.93, "称职"],
  ];

  it("reads the three counts and finds nothing on a right sheet", () => {
    const r = checkWorkbook(book(sheet("测评", rows())), { asOf });
    expect(r.sheets[0]!.kind).toBe("assessment");
    expect(at(r.findings)).toEqual([]);
  });

  it("more valid ballots than returned, more returned than issued, and votes short of the valid ones", () => {
    const grid = rows();
    grid[1]![5] = 43; // 有效票 43 of 41 returned
    grid[2]![4] = 44; // 收回票 44 of 42 issued
    grid[3]![7] = 29; // 8 + 29 + 2 = 39 votes, 41 valid
    const r = checkWorkbook(book(sheet("测评", grid)), { asOf });
    // The grades' votes against the one 有效票 written: said at 有效票, the count the clerk checks and fixes.
    expect(at(r.findings)).toEqual(["F2 appraisal.validOverReturned error", "E3 appraisal.returnedOverIssued error", "F4 appraisal.votesBelowValid error"]);
  });

  it("a column of those taking part (参评人数) may count more than the votes cast", () => {
    const grid: CellValue[][] = [
      ["姓名", "职务", "参评人数", "优秀", "称职", "基本称职", "不称职"],
      ["甲", "科长", 30, 5, 20, 3, 0],
      ["乙", "科长", 30, 5, 20, 3, 0],
    ];
    expect(at(checkWorkbook(book(sheet("测评", grid)), { asOf }).findings)).toEqual([]);
  });
});

describe("党员互评 beside 民主测评", () => {
  // 12 take part (the cover line); 互评 gives each member the votes of the 11 others.
  const grid = (): CellValue[][] => [
    ["某党支部2025年度民主评议党员登记表"],
    ["参加民主测评党员：12人"],
    ["姓名", "党员类别", "党员互评", null, null, null, "民主测评", null, null, null, "评定等次"],
    [null, null, "优秀", "合格", "基本合格", "不合格", "优秀", "合格", "基本合格", "不合格"],
    ["甲", "正式党员", 2, 9, 0, 0, 2, 10, 0, 0, "合格"],
    ["乙", "正式党员", 2, 9, 0, 0, 2, 10, 0, 0, "合格"],
    ["丙", "正式党员", 2, 9, 0, 0, 2, 10, 0, 0, "合格"],
    ["丁", "正式党员", 2, 9, 0, 0, 2, 10, 0, 0, "合格"],
    ["戊", "正式党员", 3, 2, 2, 4, 3, 2, 2, 5, "合格"],
  ];
  const merges = [
    { r0: 2, c0: 2, r1: 2, c1: 5 },
    { r0: 2, c0: 6, r1: 2, c1: 9 },
  ];

  it("the 民主测评 group's votes are the ones counted against those taking part", () => {
    const g = grid();
    g[5]![7] = 11; // 乙: 2 + 11 = 13 测评 votes of 12 taking part
    const r = checkWorkbook(book(sheet("评议", g, { merges })), { asOf });
    expect(r.sheets[0]!.kind).toBe("appraisal");
    // 戊: 5 不合格 of 12 is more than a third, so 合格 is ruled out (互评's 4 of 11 would not be).
    expect(at(r.findings)).toEqual(["G6 appraisal.votesOverTotal error", "K9 appraisal.vetoedResult error"]);
  });
});

describe("a 预备党员 given a 等次 (LOCAL)", () => {
  const grid: CellValue[][] = [
    ["姓名", "党员类别", "评定等次", "备注"],
    ["甲", "正式党员", "合格", null],
    ["乙", "预备党员", "合格", null],
    ["丙", "预备党员", "不定等次", "预备期内"],
    ["丁", "正式党员", "合格", null],
    ["戊", "正式党员", "合格", null],
  ];

  it("is a warning by default, and nothing where the rule set lets them be graded", () => {
    expect(at(checkWorkbook(book(sheet("评议", grid)), { asOf }).findings)).toEqual(["C3 appraisal.probationaryGraded warning"]);
    const ruleSet = { ...DEFAULT_RULE_SET, appraisal: { ...DEFAULT_RULE_SET.appraisal, probationaryGradedSeverity: null } };
    expect(at(checkWorkbook(book(sheet("评议", grid)), { asOf, ruleSet }).findings)).toEqual([]);
  });
});

describe("the 优秀 quota on a 党委's sheet of several branches (LOCAL: each branch's own)", () => {
  // Branch A: 10 members, 3 优秀 (20% allows 2). Branch B: 10 members, 1 优秀. The sheet: 4 of 20, within 20%.
  const grid = (): CellValue[][] => {
    const out: CellValue[][] = [["序号", "所在党支部", "姓名", "评议等次"]];
    for (let i = 0; i < 10; i++) out.push([i + 1, "第一党支部", `甲${i}`, i === 1 || i === 4 || i === 8 ? "优秀" : "合格"]);
    for (let i = 0; i < 10; i++) out.push([i + 11, "第二党支部", `乙${i}`, i === 0 ? "优秀" : "合格"]);
    return out;
  };

  it("is counted in each branch: the third 优秀 of the first branch is past its quota", () => {
    const r = checkWorkbook(book(sheet("汇总", grid())), { asOf });
    // 甲8 is on row 10 (header row 1, 甲0 row 2).
    expect(at(r.findings)).toEqual(["D10 quota.excellentPast warning", "- quota.excellentInBranch warning"]);
    expect(r.findings[1]!.message).toContain("第一党支部");
  });

  it("over the whole sheet where the rule set says so", () => {
    const ruleSet = { ...DEFAULT_RULE_SET, appraisal: { ...DEFAULT_RULE_SET.appraisal, excellentQuotaPer: "sheet" as const } };
    expect(at(checkWorkbook(book(sheet("汇总", grid())), { asOf, ruleSet }).findings)).toEqual([]);
  });

  it("不定等次 is not among those assessed", () => {
    // 6 graded (one 优秀 allowed: 6 × 20% = 1.2) and 4 不定等次: 2 优秀 are one too many; with the 4 counted, 10 would allow 2.
    const g: CellValue[][] = [["姓名", "党员类别", "评议等次"]];
    for (const [n, grade] of [["甲", "优秀"], ["乙", "优秀"], ["丙", "合格"], ["丁", "合格"], ["戊", "合格"], ["己", "合格"]]) g.push([n!, "正式党员", grade!]);
    for (const n of ["庚", "辛", "壬", "癸"]) g.push([n, "正式党员", "不定等次"]);
    const r = checkWorkbook(book(sheet("评议", g)), { asOf });
    expect(at(r.findings)).toEqual(["C3 quota.excellentPast warning", "- quota.excellent warning"]);
    expect(r.findings[1]!.args).toMatchObject({ excellent: 2, assessed: 6, allowed: 1 });
  });
});

describe("述职评议: 好和较好票占比", () => {
  const head = ["序号", "党支部", "书记", "参评人数", "好", "较好", "一般", "差", "好和较好票占比", "评议等次"];
  // 甲: (20 + 8) ÷ 40 = 70.0%; 乙: (10 + 12) ÷ 40 = 55.0%; 丙: (30 + 6) ÷ 40 = 90.0%.
  const grid = (): CellValue[][] => [
    head,
    [1, "第一党支部", "张明", 40, 20, 8, 10, 2, "70.0%", "较好"],
    [2, "第二党支部", "李红", 40, 10, 12, 15, 3, "55.0%", "一般"],
    [3, "第三党支部", "王强", 40, 30, 6, 4, 0, "90.0%", "好"],
  ];

  it("is read as a secretary's assessment and finds nothing on a right sheet", () => {
    const r = checkWorkbook(book(sheet("述职评议", grid())), { asOf });
    expect(r.sheets[0]!.kind).toBe("organisation-assessment");
    expect(at(r.findings)).toEqual([]);
  });

  it("a share that disagrees with the votes, and 较好 below the 60% floor", () => {
    const g = grid();
    g[1]![8] = "75.0%"; // 28 of 40 is 70.0%
    g[2]![9] = "较好"; // 55.0% is below 60%
    const r = checkWorkbook(book(sheet("述职评议", g)), { asOf });
    expect(at(r.findings)).toEqual(["I2 orgAssessment.topVotesShareMismatch error", "J3 orgAssessment.topVotesBelowFloor error"]);
    expect(r.findings[0]!.expected).toBe("70.0%");
  });

  it("no floor where the rule set sets none", () => {
    const g = grid();
    g[2]![9] = "较好";
    const ruleSet = { ...DEFAULT_RULE_SET, organisationAssessment: { ...DEFAULT_RULE_SET.organisationAssessment, topVotesFloor: null } };
    expect(at(checkWorkbook(book(sheet("述职评议", g)), { asOf, ruleSet }).findings)).toEqual([]);
  });
});

describe("a 领导班子's 民主测评 as satisfaction", () => {
  const head = ["序号", "单位", "参评人数", "满意", "基本满意", "不满意", "满意率", "基本满意率", "不满意率", "综合满意度", "等次"];
  // Rates of those taking part, one decimal: 甲 45/50 = 90.0%, 4/50 = 8.0%, 1/50 = 2.0%; 乙 24/30 = 80.0%, 5/30 = 16.7%,
  // 1/30 = 3.3%; 丙 10/30 = 33.3% three times (99.9%, a rounding). 综合满意度 as the sheet's own formula gives it.
  const grid = (): CellValue[][] => [
    ["某区领导班子民主测评满意度汇总表"],
    head,
    [1, "区甲局", 50, 45, 4, 1, "90.0%", "8.0%", "2.0%", "94.8%", "优秀"],
    [2, "区乙局", 30, 24, 5, 1, "80.0%", "16.7%", "3.3%", "90.0%", "优秀"],
    [3, "区丙局", 30, 10, 10, 10, "33.3%", "33.3%", "33.3%", "53.3%", "较差"],
    [4, "区丁局", 40, 28, 10, 2, "70.0%", "25.0%", "5.0%", "85.0%", "良好"],
    [5, "区戊局", 40, 26, 12, 2, "65.0%", "30.0%", "5.0%", "83.0%", "良好"],
    [6, "区己局", 40, 22, 14, 4, "55.0%", "35.0%", "10.0%", "76.0%", "一般"],
    [7, "区庚局", 40, 24, 12, 4, "60.0%", "30.0%", "10.0%", "78.0%", "一般"],
    [8, "区辛局", 40, 25, 12, 3, "62.5%", "30.0%", "7.5%", "80.5%", "良好"],
    [9, "区壬局", 40, 25, 12, 3, "62.5%", "30.0%", "7.5%", "80.5%", "良好"],
    [10, "区癸局", 40, 25, 12, 3, "62.5%", "30.0%", "7.5%", "80.5%", "良好"],
    [],
    ["注：综合满意度90%以上为优秀，80%—90%为良好，60%—80%为一般，60%以下为较差。"],
  ];

  it("is read as a 民主测评 of the units, with nothing found on a right sheet", () => {
    const r = checkWorkbook(book(sheet("满意度", grid())), { asOf });
    expect(r.sheets[0]!.kind).toBe("assessment");
    expect(at(r.findings)).toEqual([]);
  });

  it("counts short of 参评人数, a rate that disagrees with its count, and a grade outside the stated band", () => {
    const g = grid();
    g[3]![2] = 32; // 24 + 5 + 1 = 30
    g[5]![6] = "72.5%"; // 28 of 40 is 70.0%
    g[7]![10] = "良好"; // 76.0% is in 60%—80%: 一般
    const r = checkWorkbook(book(sheet("满意度", g)), { asOf });
    expect(at(r.findings)).toEqual(["C4 assessment.satisfactionTotal error", "G6 assessment.satisfactionRate error", "K8 assessment.satisfactionBand error"]);
    expect(r.findings.map((f) => f.expected ?? null)).toEqual([null, "70.0%", "一般"]);
  });

  it("rates with no counts add up to 100%, each within its rounding", () => {
    const g: CellValue[][] = [
      ["单位", "满意率", "基本满意率", "不满意率", "等次"],
      ["区甲局", "33.3%", "33.3%", "33.3%", "较差"],
      ["区乙局", "87.5%", "10.0%", "5.0%", "良好"],
    ];
    expect(at(checkWorkbook(book(sheet("满意度", g)), { asOf }).findings)).toEqual(["D3 assessment.satisfactionRatesSum error"]);
  });
});
