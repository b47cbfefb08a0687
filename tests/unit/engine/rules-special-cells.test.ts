import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * Single cells of a branch's special year, decided by domain-rules.md (/work/shared): a 免交 approved
 * under 2008规定第七条, a 少交 without the approval, a date with a remark, a member given no grade.
 */
const AS_OF = "2025-12-31";
const findingsOf = (name: string, rows: CellValue[][]) => checkWorkbook(book(sheet(name, rows)), { asOf: AS_OF }).findings;

describe("免交 and 少交 in a retirees' dues sheet (第五条: ≤5000 0.5%; 第七条: 少交或免交 with approval)", () => {
  const rows: CellValue[][] = [
    ["某社区退休党员党支部2025年党费交纳情况"],
    ["序号", "姓名", "人员类别", "月离退休费（养老金）", "交纳比例", "月应交", "备注"],
    // 4200 × 0.5% = 21.00.
    [1, "吴一", "退休", 4200, "0.5%", 21, null],
    // 2300 × 0.5% would be 11.50; exempt with the branch's decision and the 党工委's approval.
    [2, "韦二", "退休", 2300, "免交", 0, "因病致困，经支部研究、报街道党工委批准，2025年免交党费"],
    // 3600 × 0.5% = 18.00; 5.00 asked for, no approval written.
    [3, "金三", "退休", 3600, "0.5%", 5, "家庭困难，本人申请少交"],
    // 3600 × 0.5% = 18.00; 5.00 with the approval written.
    [4, "金四", "退休", 3600, "0.5%", 5, "家庭困难，经支部研究、报街道党工委批准少交"],
  ];
  const findings = findingsOf("党费", rows);
  it("the approved 免交 is no error: neither the rate cell nor the standard of 0", () => {
    expect(findings.filter((f) => f.row === 4 && f.severity === "error")).toEqual([]);
  });
  it("a 少交 without the approval is a warning at the standard, not a wrong amount", () => {
    expect(findings.filter((f) => f.row === 5 && f.severity !== "info").map((f) => [f.cell, f.code, f.severity])).toEqual([["F5", "dues.reducedNotApproved", "warning"]]);
  });
  it("an approved 少交 says nothing", () => {
    expect(findings.filter((f) => f.row === 6 && f.severity !== "info")).toEqual([]);
  });
});

describe("a date with a remark in brackets", () => {
  // 细则第七条: the talk within a month of the application; the remark 再次申请 is the clerk's note on the day.
  const rows: CellValue[][] = [
    ["某厂第三党支部入党积极分子登记表"],
    ["序号", "姓名", "性别", "出生日期", "提交书面申请书时间", "谈话时间", "确定为积极分子时间"],
    [1, "王一", "男", "1995-03-02", "2024.04.02（再次申请）", "2024.04.20", "2024.10.10"],
  ];
  it("reads the day and raises nothing on it", () => {
    const findings = findingsOf("积极分子", rows);
    expect(findings.filter((f) => f.cell === "E3" && f.severity !== "info")).toEqual([]);
  });
});

describe("民主评议 results that say no grade was given (rule set: appraisal.ungradedResults, LOCAL wording)", () => {
  const rows: CellValue[][] = [
    ["某街道机关党支部2025年度民主评议党员结果汇总表"],
    ["序号", "姓名", "党员类别", "有效票", "优秀", "合格", "基本合格", "不合格", "评议等次", "备注"],
    [1, "马一", "正式党员", 10, 2, 8, 0, 0, "合格", null],
    [2, "史二", "正式党员", 10, 1, 9, 0, 0, "合格", null],
    [3, "丁三", "正式党员", 10, 1, 8, 1, 0, "合格", null],
    [4, "卢四", "正式党员", 10, 1, 9, 0, 0, "合格", null],
    // A 预备党员 takes part but is not graded (预备党员 have no 表决权); a 失联 member not assessed.
    [5, "潘五", "预备党员", null, null, null, null, null, "不评定等次", "预备党员，参加评议，不定等次"],
    [6, "江六", "正式党员", null, null, null, null, null, "未评议", "失联党员，未参加评议"],
    // 良好 is a 领导班子's grade, not a member's: still wrong.
    [7, "石七", "正式党员", 10, 3, 7, 0, 0, "良好", null],
  ];
  const findings = findingsOf("评议结果", rows);
  it("不评定等次 and 未评议 are no unknown grade, and 不评定等次 is no grade given a 预备党员", () => {
    expect(findings.filter((f) => (f.row === 7 || f.row === 8) && f.severity !== "info")).toEqual([]);
  });
  it("a grade of another scale is still an unknown grade", () => {
    expect(findings.filter((f) => f.code === "appraisal.resultUnknown").map((f) => f.cell)).toEqual(["I9"]);
  });
});

describe("a 公务员 等次 with a 留党察看 of an earlier year (组通字〔1998〕19号, domain-rules.md §4.2)", () => {
  // 留党察看: 不称职 in the year of the 处分, 不定等次 in the following one to two years.
  const rows: CellValue[][] = [
    ["某区某局机关2025年度公务员年度考核等次确定情况"],
    ["序号", "姓名", "处室", "考核等次", "备注"],
    [1, "曹一", "体育科", "不定等次", "2024年6月受留党察看一年处分，2025年6月恢复党员权利"],
    [2, "汪二", "安全科", "基本称职", "2025年5月受留党察看一年处分"],
    [3, "向三", "财务科", "称职", null],
    [4, "熊四", "办公室", "称职", null],
    [5, "龙五", "人事科", "称职", null],
  ];
  const findings = findingsOf("考核等次", rows);
  it("the year after the 处分 is 不定等次: right, though the note names this year for the rights restored", () => {
    expect(findings.filter((f) => f.row === 3 && f.severity === "error")).toEqual([]);
  });
  it("in the year of the 处分 the grade is 不称职", () => {
    expect(findings.filter((f) => f.code === "cadre.sanctionGrade").map((f) => f.cell)).toEqual(["D4"]);
  });
});

describe("a committee list whose note dates the 换届 (基层组织选举工作条例第三条: elected anew when the term ends)", () => {
  // A 机关 branch's term is 3 years: elected 2022-06-16, due 2025-06-15; as of 2025-12-31 over six months past.
  const list = (note: string | null): CellValue[][] => [
    ["某局机关第二党支部第六届支部委员会"],
    ["职务", "姓名", "入党时间", "任职时间", "本届届满时间", "备注"],
    ["书记", "史一", "2005.04.21", "2022.06.16", "2025.06.15", note],
    ["组织委员", "徐二", "2006.06.27", "2022.06.16", "2025.06.15", null],
    ["宣传委员", "韩三", "1992.09.05", "2022.06.16", "2025.06.15", null],
  ];
  it("renewed in the month the term ended: no expired term", () => {
    const findings = findingsOf("支委会", list("2025年6月换届后不再担任"));
    expect(findings.filter((f) => f.code === "committee.termExpired")).toEqual([]);
  });
  it("with no word of the 换届 the term has expired", () => {
    const findings = findingsOf("支委会", list(null));
    expect(findings.filter((f) => f.code === "committee.termExpired").length).toBe(1);
  });
  it("a postponement until a month is no 换届", () => {
    const findings = findingsOf("支委会", list("延期至2026年3月换届"));
    expect(findings.filter((f) => f.code === "committee.termExpired" || f.code === "committee.delayOverdue").length).toBe(1);
  });
});

describe("a 书记 民主测评 等次 in the year of a 党内警告 (组通字〔1998〕19号: 当年不得优秀)", () => {
  // Score = (100·优秀 + 80·称职 + 60·基本称职) ÷ 有效票: (100·38 + 80·5) ÷ 43 = 97.67.
  const rows: CellValue[][] = [
    ["某镇2025年度村（社区）党组织书记抓基层党建述职评议民主测评汇总表"],
    ["序号", "单位", "姓名", "有效票数", "优秀", "称职", "基本称职", "不称职", "测评得分", "等次", "备注"],
    [1, "甲村", "冯一", 43, 39, 4, 0, 0, 98.14, "优秀", null],
    [2, "乙村", "范二", 43, 20, 20, 3, 0, 87.91, "称职", null],
    [3, "丙村", "冯三", 43, 38, 5, 0, 0, 97.67, "优秀", "2025年3月受党内警告处分"],
    [4, "丁村", "汪四", 43, 15, 25, 3, 0, 85.12, "称职", "2024年受党内警告处分"],
    [5, "戊村", "夏五", 43, 18, 22, 3, 0, 86.05, "称职", null],
  ];
  const findings = findingsOf("测评汇总", rows);
  it("优秀 in the year of the 警告 is found; a 警告 of last year bars nothing", () => {
    expect(findings.filter((f) => f.code.startsWith("cadre.sanction")).map((f) => f.cell)).toEqual(["J5"]);
  });
});
