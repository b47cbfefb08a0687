import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, serial, sheet } from "./grid-helpers.js";

/**
 * Readings of corpus 4's residual misses, each on a small sheet worked out by hand from the
 * domain rules (M1/M2/M5 frequencies per branch, M9 quorum, D1/D2 dues brackets).
 */

describe("应到/实到 written in one cell as 25/23 (M9)", () => {
  // Three general meetings of a branch of 20: 20/18 and 20/11 are quorate (more than 10);
  // 20/10 is exactly half, not more than half: the quorum fails at that cell.
  const rows: CellValue[][] = [
    ["某党支部2025年三会一课登记表"],
    ["序号", "会议类别", "召开时间", "应到/实到（人）", "主要内容"],
    [1, "党员大会", serial("2025-01-20"), "20/18", "部署年度工作"],
    [2, "党员大会", serial("2025-04-21"), "20／11", "讨论发展对象"],
    [3, "党员大会", serial("2025-07-21"), "20/10", "学习"],
    [4, "党员大会", serial("2025-10-20"), " 20 / 19 ", "学习"],
  ];
  const r = checkWorkbook(book(sheet("三会一课", rows)), { asOf: "2025-12-31" });
  it("reads the first figure as 应到 and the second as 实到, and says the quorum at the cell", () => {
    const quorum = r.findings.filter((f) => f.code.startsWith("meetings.quorum"));
    expect(quorum.map((f) => `${f.cell} ${f.code}:${f.severity}`)).toEqual(["D5 meetings.quorumGeneral:error"]);
    expect(quorum[0]!.message).toContain("10");
  });
  it("raises no number problem on the pairs", () => {
    expect(r.findings.filter((f) => f.code.startsWith("value.")).map((f) => f.cell)).toEqual([]);
  });
});

describe("a 党总支's register of its branches, one row per meeting, judged branch by branch (M1, M2, M5)", () => {
  // 甲支部 (25 members) held 支委会 in January and February only; 乙支部 (6 members, no committee:
  // fewer than 7) held 主题党日 in January and March only. As of 2025-03-31 the first quarter is whole.
  const row = (b: string, type: string, day: string, pair: string): CellValue[] => [b, type, serial(day), pair];
  const rows: CellValue[][] = [
    ["某党总支2025年三会一课开展情况登记表"],
    ["党支部", "会议类别", "召开时间", "应到/实到"],
    row("甲支部", "支委会", "2025-01-05", "5/5"),
    row("甲支部", "支委会", "2025-02-05", "5/5"),
    row("甲支部", "党员大会", "2025-01-20", "25/23"),
    row("甲支部", "党课", "2025-02-25", "25/24"),
    ...["01", "02", "03"].map((m) => row("甲支部", "主题党日", `2025-${m}-12`, "25/22")),
    row("乙支部", "党员大会", "2025-01-21", "6/6"),
    row("乙支部", "党课", "2025-02-25", "6/5"),
    row("乙支部", "主题党日", "2025-01-13", "6/6"),
    row("乙支部", "主题党日", "2025-03-13", "6/5"),
  ];
  const r = checkWorkbook(book(sheet("三会一课", rows)), { asOf: "2025-03-31" });
  const missing = r.findings.filter((f) => f.code.startsWith("meetings.missing"));
  it("says each branch's missing month once, at the period, naming the branch", () => {
    expect(missing.map((f) => `${f.cell ?? f.period} ${f.code}:${f.severity}`)).toEqual(["2025-03 meetings.missing:warning", "2025-02 meetings.missing:warning"]);
    expect(missing[0]!.message).toContain("甲支部");
    expect(missing[0]!.message).toContain("支部委员会");
    expect(missing[1]!.message).toContain("乙支部");
    expect(missing[1]!.message).toContain("主题党日");
  });
  it("asks no 支委会 of the branch of 6 without a committee", () => {
    expect(missing.filter((f) => f.message.includes("乙支部") && f.message.includes("支部委员会"))).toEqual([]);
  });
});

describe("a 百分制 branch assessment with each item's weight under its name, 加分 and 扣分 beside", () => {
  // Items: 组织建设 40, 三会一课 40, 党费收缴 20. 总分 = items + 加分 − 扣分.
  // 甲 38+28+20+3 = 89; 乙 40+40+20+5 = 105 (above 100 by its bonus only); 丙 30+42+15−2 = 85 with
  // 三会一课 42 above its 40; 丁 35+30+18−1 = 82, written 84.
  const rows: CellValue[][] = [
    ["某党工委2025年度基层党支部工作考核评分汇总表"],
    ["序号", "党支部", "组织建设", "三会一课", "党费收缴", "加分", "扣分", "总分", "等次"],
    [null, null, "（40分）", "（40分）", "（20分）", "（≤5分）", "（分）", "（分）", null],
    [1, "甲支部", 38, 28, 20, 3, 0, 89, "较好"],
    [2, "乙支部", 40, 40, 20, 5, 0, 105, "好"],
    [3, "丙支部", 30, 42, 15, 0, 2, 85, "较好"],
    [4, "丁支部", 35, 30, 18, 0, 1, 84, "较好"],
    ["考核组组长：王立新", null, null, null, null, null, "2026年1月10日"],
  ];
  const r = checkWorkbook(book(sheet("考核汇总", rows)), { asOf: "2025-12-31" });
  it("is read as a branch assessment", () => {
    expect(r.sheets[0]!.kind).toBe("organisation-assessment");
  });
  it("finds the item above its weight and the total that is not items + 加分 − 扣分, and nothing else", () => {
    const errors = r.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.cell} ${f.code}`)).toEqual(["D6 points.aboveMax", "H7 points.totalMismatch"]);
    expect(errors[0]!.message).toContain("三会一课");
    expect(errors[1]!.message).toContain("82");
  });
});

describe("a village's dues of mixed categories, the base headed 收入情况（元/月） (D1, D3, D4; §1.6)", () => {
  // 村干部 on an allowance pay as wage earners on it: 2400 ≤ 3000 → 0.5% = 12.00. A self-employed
  // member pays on last quarter's monthly average: 6000 → 1.5% = 90.00. Farmers 0.20–1.00; 低保 0.20.
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const member = (name: string, cat: string, base: number | null, std: number): CellValue[] => [name, cat, base, std, ...months.map(() => std)];
  const rows: CellValue[][] = [
    ["某村党支部2025年党费收缴登记表"],
    ["姓名", "身份类别", "收入情况（元/月）", "月交纳标准", ...months],
    member("王立新", "村干部（定额补贴）", 2400, 12),
    member("李红梅", "村干部（定额补贴）", 2400, 24),
    member("张国强", "个体经营", 6000, 90),
    member("赵志刚", "个体经营", 6000, 60),
    member("陈秀英", "农民党员", null, 0.5),
    member("刘建华", "低保", null, 0.2),
  ];
  const r = checkWorkbook(book(sheet("党费", rows)), { asOf: "2025-12-31" });
  it("says the cadre's 24.00 should be 12.00 and the self-employed member's 60.00 should be 90.00, and nothing else", () => {
    const errors = r.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.cell} ${f.code} ${f.expected}`)).toEqual(["D4 dues.amountMismatch 12.00", "D6 dues.amountMismatch 90.00"]);
  });
});

describe("a 三会一课 register dated 3月5日 under a generic 时间, the year only in its title (M1)", () => {
  // 党员大会 in January, April and October 2025: none in the third quarter. 支委会 every month.
  const rows: CellValue[][] = [
    ["某村党支部2025年“三会一课”记录"],
    ["时间", "类型", "内容", "应到", "实到"],
    ...Array.from({ length: 12 }, (_, i) => [`${i + 1}月3日`, "支委会", "研究工作", 3, 3] as CellValue[]),
    ...[1, 4, 10].map((m) => [`${m}月20日`, "党员大会", "学习", 12, 11] as CellValue[]),
    ...[3, 6, 9, 12].map((m) => [`${m}月25日`, "党课", "党课", 12, 11] as CellValue[]),
    ...Array.from({ length: 12 }, (_, i) => [`${i + 1}月15日`, "主题党日", "学习", 12, 10] as CellValue[]),
  ];
  const r = checkWorkbook(book(sheet("三会一课", rows)), { asOf: "2025-12-31" });
  it("is read as a meetings register, its days in 2025", () => {
    expect(r.sheets[0]!.kind).toBe("meetings");
    expect(r.findings.filter((f) => f.code === "value.notDate")).toEqual([]);
  });
  it("says the third quarter had no 党员大会, and no month lacks a 支委会 or 主题党日", () => {
    const missing = r.findings.filter((f) => f.code.startsWith("meetings.missing") && !/组织生活会|民主评议/.test(f.message));
    expect(missing.map((f) => `${f.period} ${f.code}`)).toEqual(["2025-Q3 meetings.missing"]);
    expect(missing[0]!.message).toContain("支部党员大会");
  });
});

describe("a 党员大会 record with 应到/实到 each over 合计 and 其中有表决权, 表决结果 over 赞成 (M9)", () => {
  // 条例第十一条: more than half the voting members expected present; yes votes more than half of them.
  // Row 4: 20 expected (18 voting), 15 present (10 voting): 10 > 9, quorate; 10 yes > 9 passes.
  // Row 5: 20 (18), 14 (9): 9 is not more than 9 — no quorum (14 of 20 in all would have passed).
  // Row 6: 20 (18), 16 (12), 9 yes: not more than 9 — not passed.
  // Row 7: 20 (18), 11 (12): 12 voting of 11 present in all.
  const rows: CellValue[][] = [
    ["某党支部2025年支部党员大会记录"],
    ["召开日期", "应到会人数", null, "实到会人数", null, "议题", "表决结果", null, null],
    [null, "合计", "其中有表决权", "合计", "其中有表决权", null, "赞成", "反对", "弃权"],
    [serial("2025-01-16"), 20, 18, 15, 10, "接收预备党员", 10, 0, 0],
    [serial("2025-04-16"), 20, 18, 14, 9, "接收预备党员", 9, 0, 0],
    [serial("2025-07-16"), 20, 18, 16, 12, "转正", 9, 2, 1],
    [serial("2025-10-16"), 20, 18, 11, 12, "学习", null, null, null],
  ];
  const grid = sheet("党员大会", rows, {
    merges: [
      { r0: 1, c0: 0, r1: 2, c1: 0 },
      { r0: 1, c0: 1, r1: 1, c1: 2 },
      { r0: 1, c0: 3, r1: 1, c1: 4 },
      { r0: 1, c0: 5, r1: 2, c1: 5 },
      { r0: 1, c0: 6, r1: 1, c1: 8 },
    ],
  });
  const r = checkWorkbook(book(grid), { asOf: "2025-12-31" });
  it("says the voting quorum, the vote and the voting count above the whole, at their cells", () => {
    const errors = r.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.cell} ${f.code}`)).toEqual(["E5 meetings.votersQuorum", "G5 meetings.voteNotPassed", "G6 meetings.voteNotPassed", "E7 meetings.votersAboveAll"]);
  });
});

describe("a 发展党员 record with 培训开始 and 培训结束 as two columns (G7)", () => {
  // 2024-08-18 to 08-19 is two days counting both ends, fewer than three; 08-18 to 08-20 is three.
  const rows: CellValue[][] = [
    ["某镇发展党员工作记实表"],
    ["姓名", "递交申请书时间", "确定积极分子时间", "确定发展对象时间", "培训开始", "培训结束", "支部大会讨论时间"],
    ["王立新", serial("2022-03-01"), serial("2022-06-01"), serial("2024-06-10"), serial("2024-08-18"), serial("2024-08-19"), serial("2024-11-20")],
    ["李红梅", serial("2022-03-02"), serial("2022-06-01"), serial("2024-06-10"), serial("2024-08-18"), serial("2024-08-20"), serial("2024-11-20")],
  ];
  const r = checkWorkbook(book(sheet("发展党员", rows)), { asOf: "2025-06-30" });
  it("says the two-day training at its end", () => {
    expect(r.findings.filter((f) => f.code === "development.trainingShort").map((f) => f.cell)).toEqual(["F3"]);
  });
});

describe("a half-year dues sheet, each month over 应交/实交, totalled in 上半年实交合计 (derived totals)", () => {
  // 王立新 paid 10.00 each month: 60.00, right. 李红梅 paid 20.00 each month but April: 100.00, written 120.00.
  const months = ["1月", "2月", "3月", "4月", "5月", "6月"];
  const rows: CellValue[][] = [
    ["某党支部2026年上半年党费收缴登记表"],
    ["姓名", ...months.flatMap((m) => [m, null]), "上半年实交合计"],
    [null, ...months.flatMap(() => ["应交", "实交"]), null],
    ["王立新", ...months.flatMap(() => [10, 10]), 60],
    ["李红梅", ...months.flatMap((_, i) => [20, i === 3 ? null : 20]), 120],
  ];
  const merges = [{ r0: 1, c0: 0, r1: 2, c1: 0 }, ...months.map((_, i) => ({ r0: 1, c0: 1 + 2 * i, r1: 1, c1: 2 + 2 * i })), { r0: 1, c0: 13, r1: 2, c1: 13 }];
  const r = checkWorkbook(book(sheet("上半年", rows, { merges })), { asOf: "2026-06-30" });
  it("says 李红梅's total should be the 100.00 she paid", () => {
    const totals = r.findings.filter((f) => f.code === "dues.yearTotalMismatch");
    expect(totals.map((f) => `${f.cell} ${f.expected}`)).toEqual(["N5 100.00"]);
  });
});

describe("a 党总支's list of its branches' committees, 当选时间 and 届满时间 on every row (M13, 党章 三至五年)", () => {
  // 甲支部 elected 2024-03-20 with 届满 2026-03-20: a two-year term. Its 宣传委员, elected in a
  // by-election on 2025-01-10, shares the committee's 届满 and is no short term of its own.
  // 乙支部 elected 2023-05-08, 届满 2026-05-08: three years.
  const rows: CellValue[][] = [
    ["某党总支所属党支部委员会组成情况"],
    ["党支部", "职务", "姓名", "当选时间", "届满时间"],
    ["甲支部", "书记", "王立新", serial("2024-03-20"), serial("2026-03-20")],
    ["甲支部", "组织委员", "李红梅", serial("2024-03-20"), serial("2026-03-20")],
    ["甲支部", "宣传委员", "张国强", serial("2025-01-10"), serial("2026-03-20")],
    ["乙支部", "书记", "赵志刚", serial("2023-05-08"), serial("2026-05-08")],
    ["乙支部", "副书记", "陈秀英", serial("2023-05-08"), serial("2026-05-08")],
  ];
  const r = checkWorkbook(book(sheet("各支部班子", rows)), { asOf: "2025-12-31" });
  it("says 甲支部's two-year term once, at its first row's 届满时间", () => {
    expect(r.findings.filter((f) => f.code === "committee.termLength").map((f) => f.cell)).toEqual(["E3"]);
  });
});

describe("a 党总支's list of committees with each branch's 正式党员数 merged over its posts (M11)", () => {
  // 甲支部 9 full members and only a 书记: 7 or more must set up a committee. 乙支部 5 with a 书记,
  // a 副书记 and a 组织委员: under 7, a 书记 and at most one 副书记. 丙支部 12 with a committee of 3: right.
  const rows: CellValue[][] = [
    ["某党总支所属党支部委员会组成情况"],
    ["党支部", "正式党员数", "职务", "姓名"],
    ["甲支部", 9, "书记", "王立新"],
    ["乙支部", 5, "书记", "李红梅"],
    [null, null, "副书记", "张国强"],
    [null, null, "组织委员", "赵志刚"],
    ["丙支部", 12, "书记", "陈秀英"],
    [null, null, "组织委员", "刘建华"],
    [null, null, "宣传委员", "孙立平"],
  ];
  const merges = [
    { r0: 3, c0: 0, r1: 5, c1: 0 },
    { r0: 3, c0: 1, r1: 5, c1: 1 },
    { r0: 6, c0: 0, r1: 8, c1: 0 },
    { r0: 6, c0: 1, r1: 8, c1: 1 },
  ];
  const r = checkWorkbook(book(sheet("各支部班子", rows, { merges })), { asOf: "2025-12-31" });
  it("says each branch's case at its count", () => {
    const list = r.findings.filter((f) => f.code.startsWith("committee.")).map((f) => `${f.cell} ${f.code}:${f.severity}`);
    // 乙支部's 组织委员 is a committee's post, and its 5 正式党员 are stated: as sure an error as 甲支部's missing committee.
    expect(list).toEqual(["B3 committee.committeeRequired:error", "B4 committee.tooBigForBranch:error"]);
  });
});

describe("a 党总支's roster whose branch headings count their members: 一、营业班党支部（3人）", () => {
  // 营业班 lists 3 under a heading of 3; 运维班 lists 2 under a heading of 3.
  const rows: CellValue[][] = [
    ["某党总支党员花名册"],
    ["序号", "姓名", "性别", "入党时间", "人员类别"],
    ["一、营业班党支部（3人）"],
    [1, "王立新", "男", serial("2010-07-01"), "正式党员"],
    [2, "李红梅", "女", serial("2012-07-01"), "正式党员"],
    [3, "张国强", "男", serial("2014-07-01"), "正式党员"],
    ["二、运维班党支部（共3人）"],
    [1, "赵志刚", "男", serial("2011-07-01"), "正式党员"],
    [2, "陈秀英", "女", serial("2013-07-01"), "正式党员"],
  ];
  const r = checkWorkbook(book(sheet("花名册", rows)), { asOf: "2025-12-31" });
  it("says the heading that counts one more than it lists, at the heading", () => {
    const list = r.findings.filter((f) => f.code === "derived.sectionCountMismatch");
    expect(list.map((f) => `${f.cell} ${f.expected}`)).toEqual(["A7 2"]);
    expect(list[0]!.message).toContain("运维班党支部");
  });
  it("says it at the heading's own cell when the table starts in column B", () => {
    const moved = checkWorkbook(book(sheet("花名册", rows.map((row) => [null, ...row]))), { asOf: "2025-12-31" });
    const list = moved.findings.filter((f) => f.code === "derived.sectionCountMismatch");
    expect(list.map((f) => `${f.cell} ${f.expected}`)).toEqual(["B7 2"]);
  });
});

describe("an activists' register with 培养联系人 and 考察 columns (细则第九条、第十一条)", () => {
  // 王立新: named 2024-03-05, reviewed 2024-09-05 and 2025-03-05: every six months, right.
  // 李红梅: named 2024-03-05, reviewed 2024-09-05 and 2025-06-05: nine months between them.
  // 张国强: three 培养联系人, one more than the two allowed.
  const rows: CellValue[][] = [
    ["某公司党支部入党积极分子培养考察登记表"],
    ["姓名", "申请入党时间", "确定为积极分子时间", "培养联系人", "第一次考察", "第二次考察"],
    ["王立新", serial("2023-09-01"), serial("2024-03-05"), "杨海涛、陈丽华", serial("2024-09-05"), serial("2025-03-05")],
    ["李红梅", serial("2023-09-01"), serial("2024-03-05"), "陈丽华", serial("2024-09-05"), serial("2025-06-05")],
    ["张国强", serial("2023-09-01"), serial("2024-03-05"), "杨海涛、陈丽华、黄志强", serial("2024-09-05"), serial("2025-03-05")],
  ];
  const r = checkWorkbook(book(sheet("积极分子", rows)), { asOf: "2025-06-30" });
  it("says the late review and the third contact person, at their cells", () => {
    const list = r.findings.filter((f) => f.code === "development.reviewGap" || f.code === "development.contactPersonsMany").map((f) => `${f.cell} ${f.code}`);
    expect(list).toEqual(["F4 development.reviewGap", "D5 development.contactPersonsMany"]);
  });
});

describe("a 民主测评 table with 优秀率 beside the votes", () => {
  // 28 took part. 王立新 10 优秀: 35.71…%, written 35.7% — right to its one decimal. 李红梅 5 优秀:
  // 17.86%, written 25.0%. 张国强 7 优秀 written as the share 0.25 in a percent cell: exactly 25%, right.
  const rows: CellValue[][] = [
    ["某党支部2024年度民主评议党员测评统计表"],
    ["序号", "姓名", "参加测评人数", "优秀", "合格", "基本合格", "不合格", "优秀率"],
    [1, "王立新", 28, 10, 18, 0, 0, "35.7%"],
    [2, "李红梅", 28, 5, 22, 1, 0, "25.0%"],
    [3, "张国强", 28, 7, 21, 0, 0, 0.25],
  ];
  const grid = sheet("测评统计", rows, { numberFormats: [[], [], [], [], [null, null, null, null, null, null, null, "0.0%"]] });
  const r = checkWorkbook(book(grid), { asOf: "2024-12-31" });
  it("says 李红梅's rate should be 17.9%, and nothing of the others'", () => {
    const list = r.findings.filter((f) => f.code === "appraisal.excellentRateMismatch");
    expect(list.map((f) => `${f.cell} ${f.expected}`)).toEqual(["H4 17.9%"]);
  });
});

describe("a year's cadre grades after a 留党察看 of the year before (组通字〔1998〕19号)", () => {
  // 王立新: 留党察看 in October 2024, graded 称职 in 2025 — the year after is 不定等次.
  // 李红梅: 留党察看 in March 2025, graded 不称职 that year: right. 张国强: no sanction, 称职.
  const rows: CellValue[][] = [
    ["某镇机关2025年度公务员年度考核等次汇总表"],
    ["序号", "姓名", "职务", "2025年度考核等次", "奖惩情况"],
    [1, "王立新", "一级科员", "称职", "2024年10月受留党察看一年处分"],
    [2, "李红梅", "一级科员", "不称职", "2025年3月受留党察看一年处分"],
    [3, "张国强", "二级科员", "称职", null],
  ];
  const r = checkWorkbook(book(sheet("考核等次", rows)), { asOf: "2025-12-31" });
  it("says 王立新's 2025 grade should be 不定等次, and nothing of 李红梅's", () => {
    const list = r.findings.filter((f) => f.code.startsWith("cadre.sanction"));
    expect(list.map((f) => `${f.cell} ${f.code}`)).toEqual(["D3 cadre.sanctionGrade"]);
    expect(list[0]!.message).toContain("不定等次");
  });
});

describe("a roster with 党龄 and 入党时间 but no 转正时间 (党章第七条)", () => {
  // As of 2025-12-31. 王立新 admitted 1969-11-22: full no earlier than 1970-11-22, so 党龄 at most 55;
  // 56 counts from admission. 李红梅 admitted 2010-07-01: at most 14; 14 is right, and 13 (an
  // extended probation) is not judged. 张国强 admitted 2025-06-18 is probationary: 预备.
  const rows: CellValue[][] = [
    ["某村党支部党员花名册"],
    ["序号", "姓名", "性别", "入党时间", "党龄"],
    [1, "王立新", "男", serial("1969-11-22"), 56],
    [2, "李红梅", "女", serial("2010-07-01"), 14],
    [3, "赵志刚", "男", serial("2010-07-01"), 13],
    [4, "张国强", "男", serial("2025-06-18"), "预备"],
  ];
  const r = checkWorkbook(book(sheet("花名册", rows)), { asOf: "2025-12-31" });
  it("says only the 党龄 above the years since the earliest full membership", () => {
    const list = r.findings.filter((f) => f.code.startsWith("member.partyAge"));
    expect(list.map((f) => `${f.cell} ${f.code}`)).toEqual(["E3 member.partyAgeTooMany"]);
    expect(list[0]!.message).toContain("55");
  });
});

describe("a branch assessment whose bands are stated under the table", () => {
  // 等次划分：90分以上为“好”，80—89分为“较好”，60—79分为“一般”，60分以下为“差”.
  // 甲 92 好 and 乙 85 较好 are right; 丙 87 written 好 is 较好; 丁 58 written 一般 is 差.
  const rows: CellValue[][] = [
    ["某党工委2025年度基层党支部工作考核评分汇总表"],
    ["序号", "党支部", "组织建设（40分）", "三会一课（30分）", "党员管理（30分）", "总分", "等次"],
    [1, "甲支部", 38, 27, 27, 92, "好"],
    [2, "乙支部", 34, 26, 25, 85, "较好"],
    [3, "丙支部", 35, 26, 26, 87, "好"],
    [4, "丁支部", 24, 17, 17, 58, "一般"],
    [],
    ["等次划分：90分以上为“好”，80—89分为“较好”，60—79分为“一般”，60分以下为“差”。"],
  ];
  const r = checkWorkbook(book(sheet("考核汇总", rows)), { asOf: "2025-12-31" });
  it("says each grade the sheet's own bands do not give, with the grade they give", () => {
    const list = r.findings.filter((f) => f.code === "orgAssessment.gradeBand");
    expect(list.map((f) => `${f.cell} ${f.expected}`)).toEqual(["G5 较好", "G6 差"]);
  });
});
