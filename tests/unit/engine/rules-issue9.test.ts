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
