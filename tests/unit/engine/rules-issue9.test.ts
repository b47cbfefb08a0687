import { describe, expect, it } from "vitest";
import { checkSheet, checkWorkbook, DEFAULT_RULE_SET, RuleSet, type CellValue } from "../../../shared/index.js";
import { book, makeId, sheet } from "./grid-helpers.js";

const codes = (rows: CellValue[][], name = "S", asOf = "2025-12-31", ruleSet = DEFAULT_RULE_SET) =>
  checkWorkbook(book(sheet(name, rows)), { asOf, ruleSet }).findings.filter((f) => f.severity !== "info").map((f) => `${f.cell ?? f.period} ${f.code}`);

describe("committee terms (M13, 基层组织选举工作条例 第三条)", () => {
  const header = ["支部委员会名称", "任命时间", "应换届时间", "实际换届时间", "备注"];
  it.each([
    ["elected one day before the due date", ["一支部委员会", "2022-06-01", "2025-06-01", "2025-05-31", null], []],
    ["elected on the due date", ["一支部委员会", "2022-06-01", "2025-06-01", "2025-06-01", null], []],
    ["due yesterday, no election", ["一支部委员会", "2022-12-30", "2025-12-30", null, null], ["C2 committee.termExpired"]],
    ["due today, no election yet", ["一支部委员会", "2022-12-31", "2025-12-31", null, null], []],
    ["elected a day late without approval", ["一支部委员会", "2022-06-01", "2025-06-01", "2025-06-02", null], ["D2 committee.electionLate"]],
    ["elected late with an approved postponement", ["一支部委员会", "2022-06-01", "2025-06-01", "2025-09-01", "经上级党委批准延期换届"], []],
    ["postponed beyond a year", ["一支部委员会", "2021-06-01", "2024-06-01", "2025-07-01", "经上级党委批准延期换届"], ["D2 committee.delayTooLong"]],
    ["overdue with a postponement the note does not say was approved", ["一支部委员会", "2022-01-01", "2025-01-01", null, "拟延期换届"], ["C2 committee.termExpired"]],
    ["a term of two years", ["一支部委员会", "2023-06-01", "2025-06-01", "2025-06-01", null], ["C2 committee.termLength"]],
  ])("%s", (_, row, want) => {
    expect(codes([header, row as CellValue[]])).toEqual(want);
  });
});

describe("a committee's term by the branch's type (rule set: branch.termYearsByType)", () => {
  const header = ["支部委员会名称", "任命时间", "应换届时间", "实际换届时间", "备注"];
  const all = (rows: CellValue[][], ruleSet = DEFAULT_RULE_SET) =>
    checkWorkbook(book(sheet("S", rows)), { asOf: "2025-12-31", ruleSet }).findings.map((f) => `${f.cell} ${f.code}`);
  it("a village branch's term is five years, another's three: a due date three years on is a mismatch only for the village", () => {
    expect(all([header, ["东湖村党支部委员会", "2022-06-01", "2025-06-01", "2025-06-01", null]])).toEqual(["C2 committee.termMismatch"]);
    expect(all([header, ["东湖村党支部委员会", "2022-06-01", "2027-06-01", null, null]])).toEqual([]);
    expect(all([header, ["机关第一党支部委员会", "2022-06-01", "2025-06-01", "2025-06-01", null]])).toEqual([]);
  });
  it("the words are the rule set's: a department that gives 社区 three years", () => {
    const local = RuleSet.parse({ ...DEFAULT_RULE_SET, id: "local", version: 1, branch: { ...DEFAULT_RULE_SET.branch, termYearsByType: [{ nameContains: ["村"], years: 5 }] } });
    expect(all([header, ["阳光社区党支部委员会", "2022-06-01", "2025-06-01", "2025-06-01", null]], local)).toEqual([]);
    expect(all([header, ["阳光社区党支部委员会", "2022-06-01", "2025-06-01", "2025-06-01", null]])).toEqual(["C2 committee.termMismatch"]);
  });
  it("refuses a rule set whose type's term lies outside 三至五年, and an empty word list", () => {
    const accepted = (termYearsByType: unknown) => RuleSet.safeParse({ ...DEFAULT_RULE_SET, id: "bad", version: 1, branch: { ...DEFAULT_RULE_SET.branch, termYearsByType } }).success;
    expect(accepted([{ nameContains: ["村"], years: 6 }])).toBe(false);
    expect(accepted([{ nameContains: [], years: 5 }])).toBe(false);
    expect(accepted([{ pattern: "村|社区", years: 5 }])).toBe(false);
    expect(accepted([{ nameContains: ["村", "社区"], years: 4 }])).toBe(true);
  });
});

describe("a cadre's yearly grades (公务员法)", () => {
  const header = ["姓名", "现任职务", "2021年", "2022年", "2023年", "2024年"];
  it("two consecutive 不称职 years are one error at the second; years apart are not", () => {
    const rows = [header, ["甲", "科长", "称职", "不称职", "不称职", "称职"], ["乙", "科员", "不称职", "称职", "不称职", "称职"], ["丙", "科员", "称职", "称职", "称职", "称职"], ["丁", "科员", "称职", "称职", "称职", "称职"], ["戊", "科员", "称职", "称职", "称职", "称职"]];
    expect(codes(rows)).toEqual(["E2 cadre.consecutiveFail"]);
  });
  it("优秀 at most 20% of a year's column; an unknown grade is an error", () => {
    const rows = [header, ["甲", "科长", "优秀", "称职", "称职", "称职"], ["乙", "科员", "优秀", "称职", "称职", "很好"], ...["丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"].map((n) => [n, "科员", "称职", "称职", "称职", "称职"])];
    expect(codes(rows)).toEqual(["F3 cadre.gradeUnknown"]);
    rows[3]![2] = "优秀";
    expect(codes(rows)).toEqual(["F3 cadre.gradeUnknown", "2021 quota.excellentPerYear"]);
  });
});

describe("branch and secretary assessments (§5)", () => {
  it("grades come from the rule set's list where the sheet has no drop-down of its own", () => {
    const rows = [["年度", "党支部名称", "党支部书记姓名", "考核结果"], [2025, "第一党支部", "张三", "好"], [2025, "第二党支部", "李四", "优良"]];
    expect(codes(rows)).toEqual(["D3 orgAssessment.grade"]);
    const own = checkSheet(sheet("S", rows, { validations: [{ ranges: [{ r0: 1, c0: 3, r1: 100, c1: 3 }], values: ["好", "优良", "一般"] }] }), { asOf: "2025-12-31" });
    expect(own.findings).toEqual([]);
  });
});

describe("党龄 counts from full membership (党章 第七条)", () => {
  const header = ["姓名", "入党时间", "转正时间", "党龄"];
  it.each([
    [20, []],
    [19, ["D2 member.partyAgeMismatch"]],
    [21, ["D2 member.partyAgeFromAdmission"]],
    [25, ["D2 member.partyAgeMismatch"]],
  ])("党龄 %i on 2025-12-31 for admission 2004-07-01, full 2005-07-01", (years, want) => {
    // Full years since 2005-07-01 are 20; calendar years 2025 − 2005 = 20; from admission 21.
    expect(codes([header, ["甲", "2004-07-01", "2005-07-01", years]])).toEqual(want);
  });
});

describe("probation extended once only (细则 第三十二条)", () => {
  it("is an error where a note says it was extended again, and an extension of 24 months wherever it is written", () => {
    const header = ["姓名", "入党时间", "转正时间", "备注"];
    expect(codes([header, ["甲", "2020-01-10", "2021-07-10", "延长预备期六个月；再次延长预备期六个月"]])).toEqual(["D2 probation.extendedTwice"]);
    expect(codes([header, ["乙", "2020-01-10", "2023-01-10", "延长预备期24个月"]])).toEqual(["D2 probation.extensionRange"]);
  });
});

describe("dues, one row per payment (D4, D8, D12)", () => {
  const header = ["姓名", "人员类别", "缴费基数", "缴费类型", "缴费起始月份", "缴费截止月份", "缴费金额", "缴费说明"];
  it.each([
    ["a student's three months at the fixed amount, agreed by the branch", ["甲", "学生", null, "按季交纳", "2025-01", "2025-03", 0.6, "经党支部同意按季度交纳"], []],
    ["a student's three months at the wrong amount", ["甲", "学生", null, "按季交纳", "2025-01", "2025-03", 0.9, "经党支部同意按季度交纳"], ["G2 dues.paymentMismatch"]],
    ["several months at once without the branch's consent", ["乙", "在职", 5100, "正常交纳", "2025-01", "2025-03", 229.5, null], ["G2 dues.lumpPayment"]],
    ["a back payment of six months", ["丙", "在职", 5100, "党费补缴", "2025-01", "2025-06", 459, null], []],
    ["a back payment of seven months", ["丙", "在职", 5100, "党费补缴", "2025-01", "2025-07", 535.5, null], ["F2 dues.backPayTooLong"]],
    ["a farmer's two months within the range", ["丁", "农民", null, "补缴", "2025-01", "2025-02", 1.5, null], []],
  ])("%s", (_, row, want) => {
    expect(codes([header, row as CellValue[]])).toEqual(want);
  });
});

describe("every parameter in the rule set, with sane ranges", () => {
  it("refuses numbers no rule could mean", () => {
    const bad = structuredClone(DEFAULT_RULE_SET) as unknown as { probation: { months: number }; development: { voteQuorumShare: number }; branch: { maxMembers: number } };
    bad.probation.months = 1e9;
    expect(RuleSet.safeParse(bad).success).toBe(false);
    const share = structuredClone(DEFAULT_RULE_SET) as unknown as { development: { voteQuorumShare: number } };
    share.development.voteQuorumShare = 2;
    expect(RuleSet.safeParse(share).success).toBe(false);
  });
  it("reads a rule set from before these parameters with their defaults", () => {
    const old = structuredClone(DEFAULT_RULE_SET) as unknown as Record<string, unknown> & { development: Record<string, unknown>; meetings: Record<string, unknown> };
    delete old.branch;
    delete old.organisationAssessment;
    delete old.cadreGrades;
    delete old.development.voteQuorumShare;
    delete old.meetings.lifeMeetingMonths;
    const parsed = RuleSet.parse(old);
    expect(parsed.branch.maxMembers).toBe(50);
    expect(parsed.development.voteQuorumShare).toBe(0.5);
    expect(parsed.meetings.lifeMeetingMonths).toEqual([10, 11, 12]);
  });
  it("takes the admission vote's quorum, the sponsors and the branch size from the rule set", () => {
    const rs = RuleSet.parse({ ...structuredClone(DEFAULT_RULE_SET), development: { ...DEFAULT_RULE_SET.development, voteQuorumShare: 2 / 3, sponsorsRequired: 1 }, branch: { ...DEFAULT_RULE_SET.branch, maxMembers: 2 } });
    const dev = [["姓名", "申请入党时间", "确定为入党积极分子时间", "入党时间", "应到有表决权人数", "实到有表决权人数", "赞成票数", "入党介绍人"], ["甲", "2020-01-01", "2020-06-01", "2022-07-01", 9, 6, 6, "张三"]];
    expect(codes(dev, "S", "2025-12-31", rs)).toEqual(["F2 development.voteQuorum"]);
    expect(codes(dev)).toEqual(["H2 development.sponsorCount"]);
    const rows = [["姓名", "身份证号码", "入党时间", "转正时间"], ...[1, 2, 3].map((i) => [`党员${i}`, makeId(`197${i}-01-01`, "男", "110105", i), "2000-07-01", "2001-07-01"])];
    expect(codes(rows, "S", "2025-12-31", rs)).toEqual(["null quota.branchSize"]);
  });
});

describe("from the blind corpus: rules that needed what the sheet says elsewhere", () => {
  const all = (rows: CellValue[][], asOf = "2025-12-31", name = "S") =>
    checkWorkbook(book(sheet(name, rows)), { asOf }).findings.filter((f) => f.severity !== "info").map((f) => `${f.cell ?? f.period} ${f.code}:${f.severity}`);

  it("a committee member who took the post on probation (said at the day of taking it); the term from the line above the members", () => {
    const rows: CellValue[][] = [
      ["中共宏达机械公司第三支部委员会组成人员名单"],
      ["选举时间：2022年4月15日        本届任期：2022年4月—2025年4月"],
      ["职务", "姓名", "入党时间", "转正时间", "任职时间"],
      ["书记", "高志远", "2002.06.30", "2003.06.30", "2022.04.15"],
      ["副书记", "林芳", "2008.05.04", "2009.05.04", "2022.04.15"],
      ["组织委员", "马骏", "2015.06.01", "2016.06.01", "2022.04.15"],
      ["宣传委员", "宋世杰", "2025.06.20", null, "2025.09.12"],
    ];
    expect(all(rows)).toEqual(["E4 committee.termExpired:error", "E7 committee.memberProbationary:error"]);
    // Before the term ended, only the probationary member.
    expect(all(rows, "2025-04-20")).toEqual(["E7 committee.memberProbationary:error"]);
    expect(all(rows, "2025-09-30")).toEqual(["E4 committee.termExpired:error", "E7 committee.memberProbationary:error"]);
  });

  it("a 换届 table's 委员人数: 8 is over the maximum of 7, 6 above the usual 5; an approved postponement to a month is read", () => {
    const rows: CellValue[][] = [
      ["党组织名称", "本届选举时间", "届满时间", "实际换届时间", "委员人数", "备注"],
      ["中共东湖村支部委员会", "2021-03-18", "2026-03-18", null, 5, null],
      ["中共东风社区第二支部委员会", "2021-06-20", "2026-06-20", null, 8, null],
      ["中共城关镇机关支部委员会", "2022-05-12", "2025-05-12", null, 6, "经镇党委批准，延期至2026年5月换届"],
    ];
    expect(all(rows)).toEqual(["E3 committee.size:error", "E4 committee.sizeAboveNormal:warning"]);
  });

  it("one year's cadre grades: the year from the title, 良好 is not a cadre's grade, 不定等次 is", () => {
    const names = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    const rows: CellValue[][] = [["城关镇2025年度科级干部年度考核等次汇总表"], ["序号", "姓名", "现任职务", "考核等次"], ...names.map((n, i) => [i + 1, n, "科员", i === 0 ? "优秀" : i === 1 ? "良好" : i === 2 ? "不定等次" : "称职"])];
    const r = checkWorkbook(book(sheet("考核等次", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("cadre-grades");
    expect(r.findings.map((f) => `${f.cell ?? f.period} ${f.code}`)).toEqual(["D4 cadre.gradeUnknown"]);
    rows[5]![3] = "优秀";
    rows[6]![3] = "优秀";
    // 3 of 10 优秀 is over 20% of 2025's column.
    expect(checkWorkbook(book(sheet("考核等次", rows)), { asOf: "2025-12-31" }).findings.map((f) => `${f.cell ?? f.period} ${f.code}`)).toEqual(["D4 cadre.gradeUnknown", "2025 quota.excellentPerYear"]);
  });

  it("votes over those who took part in a 民主评议; a rank beyond the number ranked when no column gives it", () => {
    const appraisal: CellValue[][] = [
      ["姓名", "参评人数", "优秀", "合格", "基本合格", "不合格", "评议等次"],
      ["李卫东", 16, 12, 4, 0, 0, "优秀"],
      ["周建军", 16, 10, 5, 2, 0, "合格"],
      ["张丽华", 16, 2, 14, 0, 0, "合格"],
      ["王芳", 16, 1, 15, 0, 0, "合格"],
      ["赵强", 16, 0, 16, 0, 0, "合格"],
    ];
    expect(all(appraisal)).toEqual(["C3 appraisal.votesOverTotal:error"]);
    const ranked: CellValue[][] = [["姓名", "单位及职务", "有效票数", "测评得分", "测评等次", "排名"], ...[1, 2, 3, 4].map((i) => [`干部${i}`, "科长", 32, 80, "称职", i === 4 ? 5 : i])];
    expect(all(ranked).filter((c) => c.includes("rank"))).toEqual(["F5 assessment.rankRange:error"]);
  });

  it("the secretary named above the register gives the year's lecture; another body's 党组书记 does not", () => {
    const head: CellValue[][] = [["县农业服务中心党支部2024年“三会一课”登记表"], ["党支部书记：孙宏伟        组织委员：胡春燕"], ["日期", "类别", "主持人/主讲人", "应到", "实到"]];
    const lectures = (speakers: string[]): CellValue[][] => [...head, ...speakers.map((s, i) => [`2024-${String(i * 3 + 2).padStart(2, "0")}-15`, "党课", s, 12, 11])];
    const lectureFindings = (speakers: string[]) => checkWorkbook(book(sheet("2024", lectures(speakers))), { asOf: "2024-12-31" }).findings.filter((f) => f.code === "meetings.secretaryLecture").map((f) => f.period);
    expect(lectureFindings(["胡春燕", "县农业农村局 党组书记", "朱文斌", "县委党校 李老师"])).toEqual(["2024"]);
    expect(lectureFindings(["胡春燕", "孙宏伟", "朱文斌", "县委党校 李老师"])).toEqual([]);
  });

  it("a note that says the member was admitted in May: January to April are not due; consent to pay the year at once", () => {
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
    const rows: CellValue[][] = [
      ["姓名", "人员类别", "缴费基数", "月应缴党费", ...months, "备注"],
      ["孙桂兰", "在职", 3500, 35, "—", "—", "—", "—", ...Array(8).fill(35), "2025年5月16日支部大会接收为预备党员"],
      ["贾鹏飞", "农民", null, 0.5, 6, ...Array(11).fill(null), "经支部同意，一次交清全年党费"],
      ["叶青山", "农民", null, 0.5, 6, ...Array(11).fill(null), null],
    ];
    const r = checkWorkbook(book(sheet("党费", rows)), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.row === 2 && f.severity !== "info")).toEqual([]);
    expect(r.findings.filter((f) => f.row === 3 && f.severity !== "info")).toEqual([]);
    expect(r.findings.filter((f) => f.row === 4).map((f) => f.code)).toContain("dues.lumpPayment");
  });
});
