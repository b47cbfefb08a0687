import { describe, expect, it } from "vitest";
import { checkSheet, checkWorkbook, type CellValue } from "../../../shared/index.js";
import { normaliseCell } from "../../../shared/normalise/value.js";
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

describe("a committee's own sheet: label–value lines above its member list", () => {
  const list = (n: number): CellValue[][] =>
    Array.from({ length: n }, (_, i) => [
      i === 0 ? "书记" : i === 1 ? "副书记" : "委员",
      `委员${i + 1}`,
      // The sixth joined 2020-11-01: full on 2021-11-01, so still on probation at the 2021-06-20 election.
      i === 5 ? "2020-11-01" : "2005-07-01",
      i === 5 ? "2021-11-01" : "2006-07-01",
      "2021-06-20",
    ]);
  const all = (rows: CellValue[][]) =>
    checkSheet(sheet("支委会", rows), { asOf: "2025-12-31" })
      .findings.filter((f) => f.severity !== "info")
      .map((f) => `${f.cell} ${f.code}:${f.severity}`)
      .sort();

  it("the term's end and the committee's size stated above the list are said at their cells; probation at the day of election", () => {
    const rows: CellValue[][] = [
      ["某单位第一党支部委员会基本情况"],
      ["应换届时间", "2024年6月"],
      ["委员职数", 8],
      [],
      ["职务", "姓名", "入党时间", "转正时间", "当选时间"],
      ...list(8),
    ];
    // Elected 2021-06-20, due 2024-06, no 换届 by 2025-12-31; 8 > 7; the sixth member is row 11.
    expect(all(rows)).toEqual(["B2 committee.termExpired:error", "B3 committee.size:error", "E11 committee.memberProbationary:error"]);
  });

  it("without a stated size, a list longer than a committee may be is too long at its last member", () => {
    // Title on row 1, header on row 2, the nine members on rows 3 to 11.
    const rows: CellValue[][] = [["某单位第一党支部委员会名单"], ["职务", "姓名", "入党时间", "转正时间", "当选时间"], ...list(9)];
    const size = checkSheet(sheet("支委会", rows), { asOf: "2023-12-31" }).findings.filter((f) => f.code === "committee.size");
    expect(size.map((f) => [f.cell, f.severity])).toEqual([["A11", "error"]]);
  });
});

describe("a county 换届 register: 上届选举时间 and 本届换届时间, 委员职数 per branch", () => {
  const rows: CellValue[][] = [
    ["党组织名称", "组织类型", "正式党员数", "委员职数", "上届选举时间", "任期（年）", "届满时间", "本届换届时间", "备注"],
    // Re-elected two days before the term ended: nothing to say.
    ["县统计局机关党支部", "机关", 20, 5, "2022-03-10", 3, "2025-03-10", "2025-03-08", ""],
    // 6 full members with a committee of 3: a branch under 7 sets a secretary, no committee (the row states both: an error).
    ["县档案馆党支部", "机关", 6, 3, "2023-09-01", 3, "2026-09-01", null, ""],
    // No committee (委员职数 0): no committee term to renew.
    ["县光荣院党支部", "其他", 4, 0, "2021-05-01", 3, "2024-05-01", null, "设书记1名"],
    // Nine committee members: more than 7.
    ["县医院党支部", "卫生院", 30, 9, "2024-01-10", 3, "2027-01-10", null, ""],
  ];

  it("reads the election that began the term and this round's 换届 apart", () => {
    const { findings } = checkSheet(sheet("换届", rows), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.code}:${f.severity}`).sort()).toEqual([
      "D3 committee.tooBigForBranch:error",
      "D5 committee.size:error",
    ]);
  });
});

describe("two tables one above the other: 积极分子 with its header, then 发展对象 with its own", () => {
  const rows: CellValue[][] = [
    ["某机关党支部入党积极分子和发展对象登记表"],
    ["一、入党积极分子"],
    ["序号", "姓名", "性别", "递交申请书时间", "谈话时间", "确定为积极分子时间", "上级党委备案时间"],
    // Talked to 14 days after applying: within a month.
    [1, "张一", "男", "2025-01-06", "2025-01-20", "2025-07-01", "2025-07-10"],
    // Applied 2025-02-03: the talk was due by EDATE(…, 1) = 2025-03-03; held 2025-04-10.
    [2, "李二", "女", "2025-02-03", "2025-04-10", "2025-08-01", "2025-08-05"],
    // Filed with the Party committee on 2025-08-20, before being named activist on 2025-09-01.
    [3, "王三", "男", "2025-03-03", "2025-03-17", "2025-09-01", "2025-08-20"],
    [],
    ["二、发展对象"],
    ["序号", "姓名", "性别", "确定为积极分子时间", "确定为发展对象时间", "入党介绍人", "集中培训起止时间"],
    // Activist 2024-05-06, candidate 2025-05-12 (≥ EDATE 12 = 2025-05-06); training 3 days, both ends counted.
    [1, "赵四", "女", "2024-05-06", "2025-05-12", "王甲、李乙", "2025.6.3-5"],
    // Training 2025.6.17-18: 2 days, fewer than 3.
    [2, "钱五", "男", "2024-06-03", "2025-06-10", "王甲、李乙", "2025.6.17-18"],
  ];

  it("each is read under its own header, and the findings of both are at their cells", () => {
    const r = checkWorkbook({ sheets: [sheet("登记", rows)] }, { asOf: "2025-12-31" });
    // The first table is rows 1–6 (title to its last row); the blank line and 二、发展对象 begin the second.
    expect(r.sheets.map((s) => [s.kind, s.block])).toEqual([
      ["development", "1–6"],
      ["development", "7–11"],
    ]);
    expect(r.findings.map((f) => `${f.cell} ${f.code}:${f.severity}`).sort()).toEqual([
      "E5 development.talkLate:warning",
      "G11 development.trainingShort:error",
      "G6 dates.order:error",
    ]);
  });

  it("a header repeated word for word after a page break is the same table", () => {
    const repeated = [...rows.slice(0, 6), [], rows[2]!, [4, "孙六", "女", "2025-04-07", "2025-04-21", "2025-10-09", "2025-10-15"]];
    const r = checkWorkbook({ sheets: [sheet("登记", repeated)] }, { asOf: "2025-12-31" });
    expect(r.sheets.map((s) => s.block)).toEqual([undefined]);
  });
});

describe("a sanction's later years, a mobile number a digit short", () => {
  it("记大过 in 2024 leaves 2025 不定等次 too (the rule set's later years); 记过 only its own year", () => {
    const rows: CellValue[][] = [
      ["姓名", "2023年度", "2024年度", "2025年度", "备注"],
      ["甲", "称职", "不定等次", "称职", "2024年3月受记大过处分"],
      ["乙", "称职", "不定等次", "称职", "2024年6月受记过处分"],
      ["丙", "称职", "称职", "称职", ""],
    ];
    const { report, findings } = checkSheet(sheet("考核", rows), { asOf: "2025-12-31" });
    expect(report.kind).toBe("cadre-grades");
    expect(findings.map((f) => `${f.cell} ${f.code}`)).toEqual(["D2 cadre.sanctionGrade"]);
    // The same notes typed in full-width mode (２０２４年３月) name the same years.
    const fullWidth = rows.map((r) => r.map((v) => (typeof v === "string" ? v.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : v)));
    expect(checkSheet(sheet("考核", fullWidth), { asOf: "2025-12-31" }).findings.map((f) => `${f.cell} ${f.code}`)).toEqual(["D2 cadre.sanctionGrade"]);
  });

  it("10 or 12 digits after 1[3-9] is a mobile number mistyped: an error; other odd numbers a warning", () => {
    const problem = (text: string) => normaliseCell(text, "phone").problem;
    expect(problem("1391234567")).toMatchObject({ code: "phone.mobileDigits", severity: "error", args: { digits: 10 } });
    expect(problem("139123456789")).toMatchObject({ code: "phone.mobileDigits", severity: "error", args: { digits: 12 } });
    expect(problem("13912345678")).toBeUndefined();
    expect(problem("+86 139 1234 5678")).toBeUndefined();
    expect(problem("0731-8888888")).toBeUndefined();
    expect(problem("12345")).toMatchObject({ code: "phone.format", severity: "warning" });
  });
});

describe("民主评议党员: the veto on the member scale, verdicts from the rule set, counts in 小计 rows", () => {
  it("more than a third 不合格 rules out 合格 (the rule set reads it as 称职); 良好 is no member's verdict", () => {
    const rows: CellValue[][] = [
      ["某社区党支部2025年度民主评议党员测评统计表"],
      ["姓名", "参评人数", "优秀", "合格", "基本合格", "不合格", "评议结果"],
      ["甲", 18, 10, 8, 0, 0, "优秀"],
      // 6 of 18 is exactly a third, not more: 合格 stands.
      ["乙", 18, 2, 9, 1, 6, "合格"],
      // 7 of 18 is more than a third: not 合格.
      ["丙", 18, 1, 8, 2, 7, "合格"],
      // 7 of 18, but 基本合格 is not ruled out.
      ["丁", 18, 1, 7, 3, 7, "基本合格"],
      ["戊", 18, 3, 15, 0, 0, "良好"],
    ];
    const { report, findings } = checkSheet(sheet("评议", rows), { asOf: "2025-12-31" });
    expect(report.kind).toBe("appraisal");
    expect(findings.map((f) => `${f.cell} ${f.code}`).sort()).toEqual(["G5 appraisal.vetoedResult", "G7 appraisal.resultUnknown"]);
  });

  it("a 小计 or 总计 that counts people in words is checked against its rows", () => {
    const rows: CellValue[][] = [
      ["某支部2025年度民主评议党员结果"],
      ["姓名", "评议结果"],
      ["第一党小组"],
      ["张", "优秀"],
      ["王", "合格"],
      ["李", "合格"],
      ["小计：优秀1人，合格2人"],
      ["第二党小组"],
      ["赵", "合格"],
      ["钱", "合格"],
      ["孙", "基本合格"],
      // Two 合格 above, not three.
      ["小计：合格3人"],
      // Six members in all, not seven.
      ["总计：7人"],
    ];
    const { findings } = checkSheet(sheet("评议", rows), { asOf: "2025-12-31" });
    expect(findings.map((f) => [f.cell, f.code, f.expected])).toEqual([
      ["A12", "derived.countMismatch", "2"],
      ["A13", "derived.countMismatch", "6"],
    ]);
  });
});
