import { describe, expect, it } from "vitest";
import { checkSheet, type CellValue, type Finding } from "../../../shared/index.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { parseRuleSet } from "../../../shared/ruleset/validate.js";
import { serial, sheet } from "./grid-helpers.js";

/**
 * Ledgers a branch keeps over time — dues by the half-year, the quarter or the month, meetings over two years,
 * tallies of votes and of satisfaction — and the notes written on them. Expected values worked out by hand from
 * domain-rules.md (2008规定第二、五、六、十一条; 条例第十一、十八条; sheet arithmetic).
 */
const codes = (findings: Finding[], prefix: string) => findings.filter((f) => f.code.startsWith(prefix)).map((f) => `${f.cell ?? f.period} ${f.code}`);

describe("a 备注 that is only the member's category", () => {
  // 1-6月 on a 4410.00 base: 在职 1% = 44.10 a month; 离退休 0.5% = 22.05 (under 5000).
  const half = (note: CellValue): CellValue[][] => [
    ["某小学党支部2025年1-6月党费收缴表"],
    ["序号", "姓名", "月计算基数（元）", "比例", "月缴纳额（元）", "1月", "2月", "3月", "4月", "5月", "6月", "小计", "备注"],
    [1, "甲", 4680, "1%", 46.8, 46.8, 46.8, 46.8, 46.8, 46.8, 46.8, 280.8, null],
    [2, "乙", 4410, "0.5%", 22.05, 22.05, 22.05, 22.05, 22.05, 22.05, 22.05, 132.3, note],
  ];

  it("退休 in 备注: paid at the retirees' 0.5%, nothing wrong", () => {
    const { report, findings } = checkSheet(sheet("1-6月党费", half("退休")), { asOf: "2025-12-31" });
    expect(report.kind).toBe("dues");
    expect(codes(findings, "dues.")).toEqual([]);
  });

  it("no note: a member in work owes 1% (44.10), so rate and amount are wrong", () => {
    const { findings } = checkSheet(sheet("1-6月党费", half(null)), { asOf: "2025-12-31" });
    expect(codes(findings, "dues.").sort()).toEqual(["D4 dues.rateMismatch", "E4 dues.amountMismatch"]);
    // The amount is the 0.5% written: one mistake, an error at the amount, the rate marked as its cause.
    expect(findings.find((f) => f.code === "dues.rateMismatch")?.severity).toBe("warning");
    expect(findings.find((f) => f.code === "dues.amountMismatch")?.expected).toBe("44.10");
  });

  it("a note that says more than the category (2025年10月退休) is a change, not the category", () => {
    const { findings } = checkSheet(sheet("1-6月党费", half("2025年10月退休")), { asOf: "2025-12-31" });
    expect(codes(findings, "dues.amountMismatch")).toEqual(["E4 dues.amountMismatch"]);
  });

  it("the words live in the rule set, and a category they name must exist", () => {
    expect(DEFAULT_RULE_SET.dues.noteCategories.find((c) => c.noteIs.includes("退休"))?.category).toBe("离退休");
    const broken = structuredClone(DEFAULT_RULE_SET);
    broken.dues.noteCategories = [{ noteIs: ["退休"], category: "没有这一类" }];
    expect(parseRuleSet(broken).ok).toBe(false);
  });
});

describe("dues kept one sheet per quarter", () => {
  const quarter = (rows: CellValue[][]): CellValue[][] => [
    ["某支部2025年四季度党费收缴表"],
    ["序号", "姓名", "月缴纳额（元）", "10月", "11月", "12月", "小计", "备注"],
    ...rows,
  ];

  it("a row's 小计 is its three months: 3 × 43.80 = 131.40, not 141.40", () => {
    const { findings } = checkSheet(sheet("四季度", quarter([[1, "甲", 43.8, 43.8, 43.8, 43.8, 141.4, null], [2, "乙", 30.2, 30.2, 30.2, 30.2, 90.6, null]])), { asOf: "2025-12-31" });
    const wrong = findings.filter((f) => f.code === "dues.yearTotalMismatch");
    expect(wrong.map((f) => [f.cell, f.expected])).toEqual([["G3", "131.40"]]);
  });

  it("the 合计 row adds the rows' 小计: 131.40 + 90.60 = 222.00, not 232.00", () => {
    const rows = [[1, "甲", 43.8, 43.8, 43.8, 43.8, 131.4, null], [2, "乙", 30.2, 30.2, 30.2, 30.2, 90.6, null], ["合计", null, null, null, null, null, 232, null]];
    const { findings } = checkSheet(sheet("四季度", quarter(rows)), { asOf: "2025-12-31" });
    const wrong = findings.filter((f) => f.cell === "G5");
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.severity).toBe("error");
  });

  it("1200.00 in December noted 12月自愿多交党费1200元: voluntary extra dues, a large payment, not a wrong amount", () => {
    const { findings } = checkSheet(sheet("四季度", quarter([[1, "甲", 38.7, 38.7, 38.7, 1200, 1277.4, "12月自愿多交党费1200元"]])), { asOf: "2025-12-31" });
    expect(codes(findings, "dues.")).toEqual(["F3 dues.largePayment"]);
    expect(findings.find((f) => f.code === "dues.largePayment")?.severity).toBe("info");
  });

  it("with no note, or a note naming another month, 1200.00 is not the 38.70 owed", () => {
    for (const note of [null, "11月自愿多交党费"]) {
      const { findings } = checkSheet(sheet("四季度", quarter([[1, "甲", 38.7, 38.7, 38.7, 1200, 1277.4, note]])), { asOf: "2025-12-31" });
      expect(codes(findings, "dues.paidMismatch")).toEqual(["F3 dues.paidMismatch"]);
    }
  });

  it("less than is owed is never voluntary", () => {
    const { findings } = checkSheet(sheet("四季度", quarter([[1, "甲", 38.7, 38.7, 38.7, 20, 97.4, "自愿多交"]])), { asOf: "2025-12-31" });
    expect(codes(findings, "dues.paidMismatch")).toEqual(["F3 dues.paidMismatch"]);
  });
});

describe("dues kept one sheet per month, with 应交 and 实交", () => {
  it("应交 59.70 on a base of 3980.00 at 1.5%: the bracket up to 5000 is 1%, 39.80, said at 应交", () => {
    const grid: CellValue[][] = [
      ["某个体私营企业联合党支部2025年8月党费交纳登记"],
      ["序号", "姓名", "上季度月平均纯收入（元）", "交纳比例", "应交（元）", "实交（元）", "交纳日期"],
      [1, "甲", 2860, "0.5%", 14.3, 14.3, serial("2025-08-10")],
      [2, "乙", 3980, "1.5%", 59.7, 59.7, serial("2025-08-11")],
      [3, "丙", 6300, "1.5%", 94.5, 94.5, serial("2025-08-12")],
    ];
    const { report, findings } = checkSheet(sheet("8月", grid), { asOf: "2025-12-31" });
    expect(report.kind).toBe("dues");
    const wrong = findings.filter((f) => f.severity === "error");
    expect(wrong.map((f) => [f.cell, f.code, f.expected])).toEqual([["E4", "dues.amountMismatch", "39.80"]]);
  });
});

describe("a rate the sheet defines in its own note", () => {
  const tally = (rate: CellValue, returned = 118): CellValue[][] => [
    ["某镇2025年度领导班子满意度测评统计表"],
    ["序号", "测评对象", "发出票数", "收回票数", "满意", "基本满意", "不满意", "弃权", "满意率"],
    [1, "镇领导班子", 120, returned, 96, 18, 3, 1, rate],
    [2, "党委书记 甲", 120, 118, 101, 14, 2, 1, "97.5%"],
    ["注：满意率＝（满意票＋基本满意票）÷收回票数。"],
  ];

  it("(96 + 18) ÷ 118 = 96.6% and (101 + 14) ÷ 118 = 97.5%: right by the sheet's definition", () => {
    const { report, findings } = checkSheet(sheet("满意度测评", tally("96.6%")), { asOf: "2025-12-31" });
    expect(report.kind).toBe("assessment");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("94.9% where the definition gives 96.6%: wrong, said with the sheet's formula", () => {
    const { findings } = checkSheet(sheet("满意度测评", tally("94.9%")), { asOf: "2025-12-31" });
    const wrong = findings.filter((f) => f.severity === "error");
    expect(wrong.map((f) => [f.cell, f.code, f.expected])).toEqual([["I3", "assessment.statedFormulaRate", "96.6%"]]);
    expect(wrong[0]!.message).toContain("满意率");
  });

  it("122 ballots returned of 120 issued: said at 收回, and the row's rate not judged on it", () => {
    const { findings } = checkSheet(sheet("满意度测评", tally("94.3%", 122)), { asOf: "2025-12-31" });
    const wrong = findings.filter((f) => f.severity === "error");
    expect(wrong.map((f) => [f.cell, f.code])).toEqual([["D3", "appraisal.returnedOverIssued"]]);
  });
});

describe("votes per grade against a column of 有效票", () => {
  it("5 + 19 + 2 + 0 = 26 against 有效票 25: said at 有效票, the count the clerk fixes", () => {
    const grid: CellValue[][] = [
      ["某党支部2025年度民主评议党员测评结果"],
      ["序号", "姓名", "人员类别", "优秀", "合格", "基本合格", "不合格", "有效票", "评定等次"],
      [1, "甲", "正式党员", 20, 6, 0, 0, 26, "优秀"],
      [2, "乙", "正式党员", 5, 19, 2, 0, 25, "合格"],
      [3, "丙", "正式党员", 3, 21, 2, 0, 26, "合格"],
    ];
    const { findings } = checkSheet(sheet("评议结果", grid), { asOf: "2025-12-31" });
    const wrong = findings.filter((f) => f.code.startsWith("appraisal.votes"));
    expect(wrong.map((f) => [f.cell, f.code])).toEqual([["H4", "appraisal.votesBelowValid"]]);
  });
});

describe("meetings kept over two years in one register", () => {
  // 2024: 党员大会 in February, May and November (none July–September), 组织生活会 held for 2024 on 2025-01-16;
  // 2025: one a quarter and a 组织生活会 in December. No 民主评议党员 in either year.
  const rows: [string, string][] = [
    ["2024-02-20", "支部党员大会"],
    ["2024-05-20", "支部党员大会"],
    ["2024-11-20", "支部党员大会"],
    ["2025-01-16", "组织生活会"],
    ["2025-02-20", "支部党员大会"],
    ["2025-05-20", "支部党员大会"],
    ["2025-08-20", "支部党员大会"],
    ["2025-11-20", "支部党员大会"],
    ["2025-12-20", "组织生活会"],
  ];
  // The 小计 label merged over 序号 and 会议时间, as clerks write it: the date column reads it too.
  const merged = (values: CellValue[][]) => ({ merges: values.flatMap((r, i) => (typeof r[0] === "string" && r[0].includes("小计") ? [{ r0: i, c0: 0, r1: i, c1: 1 }] : [])) });
  const register = (title: string): CellValue[][] => {
    const out: CellValue[][] = [[title], ["序号", "会议时间", "会议类型", "应到人数", "实到人数", "会议内容"]];
    rows.forEach(([day, type], i) => {
      out.push([i + 1, serial(day), type, 12, 11, "学习"]);
      if (day === "2024-11-20") out.push(["2024年度小计", null, "3次"]);
    });
    out.push(["2025年度小计", null, "6次"]);
    return out;
  };
  // The types the test is about (a register this small also lacks 支委会, 党课 and 主题党日).
  const about = new Set(["支部党员大会", "组织生活会", "民主评议党员"]);
  const missingOf = (findings: Finding[]) =>
    findings
      .filter((f) => f.code.startsWith("meetings.missing") && about.has(String(f.args?.type)))
      .map((f) => `${f.period} ${String(f.args?.type)}`)
      .sort();

  it("the 年度小计 lines are subtotals, not meetings with a date nobody can read", () => {
    const { findings } = checkSheet(sheet("会议记录", register("某党支部“三会一课”记录台账（2024—2025年）"), merged(register(""))), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code.startsWith("value."))).toEqual([]);
  });

  it("a title of two years covers both: 2024-Q3 has no 党员大会, 2024 no 组织生活会, and each year lacks its 民主评议", () => {
    const { findings } = checkSheet(sheet("会议记录", register("某党支部“三会一课”记录台账（2024—2025年）"), merged(register(""))), { asOf: "2025-12-31" });
    expect(missingOf(findings)).toEqual(["2024 民主评议党员", "2024 组织生活会", "2024-Q3 支部党员大会", "2025 民主评议党员"]);
  });

  it("a title of one year covers that year only", () => {
    const { findings } = checkSheet(sheet("会议记录", register("某党支部2025年“三会一课”记录台账"), merged(register(""))), { asOf: "2025-12-31" });
    expect(missingOf(findings)).toEqual(["2025 民主评议党员"]);
  });
});

describe("a register that names its groups and head count above the table", () => {
  // 2025, one sheet: 党小组会 of both groups January to June, of the first only in July and August.
  const register = (generalExpected: number): CellValue[][] => {
    const out: CellValue[][] = [
      ["某村党支部2025年“三会一课”记录"],
      ["支部党员27名（第一党小组14名，第二党小组13名），支委会5人"],
      ["序号", "时间", "会议名称", "参加对象", "应到", "实到", "主要内容"],
    ];
    let n = 0;
    for (let m = 1; m <= 8; m++) {
      const mm = String(m).padStart(2, "0");
      out.push([++n, serial(`2025-${mm}-10`), "党小组会", "第一党小组", 14, 12, "学习讨论"]);
      if (m <= 6) out.push([++n, serial(`2025-${mm}-11`), "党小组会", "第二党小组", 13, 11, "学习讨论"]);
    }
    out.push([++n, serial("2025-06-20"), "党员大会", "全体党员", generalExpected, 20, "通报支部工作"]);
    return out;
  };
  const groupMissing = (findings: Finding[]) => findings.filter((f) => f.code.startsWith("meetings.missing") && f.args?.type === "党小组会");

  it("the second group's 党小组会 in July and August are missing, said once as a run for that group", () => {
    const { findings } = checkSheet(sheet("2025年", register(27)), { asOf: "2025-08-31" });
    const missing = groupMissing(findings);
    expect(missing.map((f) => [f.period, f.code])).toEqual([["2025-07", "meetings.missingRun"]]);
    expect(missing[0]!.message).toContain("第二党小组");
  });

  it("党员大会 应到 27, as the line above says: nothing to say", () => {
    const { findings } = checkSheet(sheet("2025年", register(27)), { asOf: "2025-08-31" });
    expect(findings.filter((f) => f.code === "meetings.expectedVsStated")).toEqual([]);
  });

  it("党员大会 应到 24 against 支部党员27名: a warning at 应到 (the rule set's severity)", () => {
    const { findings } = checkSheet(sheet("2025年", register(24)), { asOf: "2025-08-31" });
    const said = findings.filter((f) => f.code === "meetings.expectedVsStated");
    expect(said.map((f) => [f.cell, f.severity, f.expected])).toEqual([["E18", "warning", "27"]]);
  });

  it("a 党小组会 expecting other than its group's stated 14: said too", () => {
    const grid = register(27);
    grid[3]![4] = 13;
    const { findings } = checkSheet(sheet("2025年", grid), { asOf: "2025-08-31" });
    expect(findings.filter((f) => f.code === "meetings.expectedVsStated").map((f) => [f.cell, f.expected])).toEqual([["E4", "14"]]);
  });
});

describe("an unpaid run across the sheets of a year kept by the quarter", () => {
  const quarter = (title: string, months: string[], second: CellValue[]): CellValue[][] => [
    [`某支部2025年${title}党费收缴表`],
    ["序号", "姓名", "月缴纳额（元）", ...months, "小计"],
    [1, "甲", 43.8, 43.8, 43.8, 43.8, 131.4],
    [2, "乙", 38.7, ...second],
  ];
  const q3 = (second: CellValue[]) => sheet("三季度", quarter("三季度", ["7月", "8月", "9月"], second));
  const q4 = sheet("四季度", quarter("四季度", ["10月", "11月", "12月"], [null, null, null, 0]));

  it("July to December empty, three months on each sheet: one run of 6 months (党章第九条), an error said on 四季度", async () => {
    const { checkWorkbook } = await import("../../../shared/index.js");
    const report = checkWorkbook({ sheets: [q3([null, null, null, 0]), q4] }, { asOf: "2025-12-31" });
    const unpaid = report.findings.filter((f) => f.code.startsWith("dues.unpaid"));
    expect(unpaid.map((f) => [f.sheet, f.cell, f.code, f.severity, f.args?.months])).toEqual([["四季度", "D4", "dues.unpaidLapse", "error", 6]]);
  });

  it("September paid: July–August on 三季度 (2 months, below the 3 of a warning: a note) and 10–12月 on 四季度 (3, a warning)", async () => {
    const { checkWorkbook } = await import("../../../shared/index.js");
    const report = checkWorkbook({ sheets: [q3([null, null, 38.7, 38.7]), q4] }, { asOf: "2025-12-31" });
    const unpaid = report.findings.filter((f) => f.code.startsWith("dues.unpaid"));
    expect(unpaid.map((f) => [f.sheet, f.cell, f.severity, f.args?.months])).toEqual([
      ["三季度", "D4", "info", 2],
      ["四季度", "D4", "warning", 3],
    ]);
  });
});
