import { describe, expect, it } from "vitest";
import { checkWorkbook, DEFAULT_RULE_SET, type CellValue } from "../../../shared/index.js";
import { statedPoints } from "../../../shared/rules/yearly/stated-points.js";
import { book, sheet } from "./grid-helpers.js";

/** A merge over rows r0..r1 and columns c0..c1 (0-based). */
const m = (r0: number, c0: number, r1: number, c1: number) => ({ r0, c0, r1, c1 });
const codes = (findings: { code: string; cell: string | null; severity: string }[]) => findings.map((f) => [f.code, f.cell]);
const AS_OF = { asOf: "2025-12-31" };

// Expected values below are worked out by hand from domain-rules.md §5 (百分制 checklists: each item capped at
// its own weight, the weights adding up to 100, the grades 好/较好/一般/差) and the sheets' own sums.

describe("one organisation's 百分制 score sheet, items down the rows", () => {
  it("checks each item's 得分 against its 分值 and 扣分, the 扣分说明, and the 合计, at the cell to fix", () => {
    const rows: CellValue[][] = [
      ["城南街道党工委2025年度社区党支部工作考核评分表（春晖社区党支部）"],
      ["考核项目", "评分标准", "分值", "扣分", "得分", "扣分说明"],
      ["班子建设", "班子团结，分工明确；每项不符合扣2分", 20, 2, 18, "1名委员长期不参加组织生活，扣2分"],
      // 30 − 3 = 27, not 26 (E4).
      ["三会一课", "每缺1次扣1分", 30, 3, 26, "缺支委会3次，扣3分"],
      ["党员教育", "学时达标", 15, 0, 15],
      // 12 taken off an item of 10 (D6): the deduction is the cell to fix, the −2 follows from it.
      ["党费收缴", "按月足额收缴", 10, 12, -2, "多名党员欠缴"],
      // The note says 2 were taken off, the 扣分 says 1 (F7).
      ["群众工作", "走访联系群众", 15, 1, 14, "走访记录缺失，扣2分"],
      // A rate is no deduction: nothing was taken off and nothing is said to have been.
      ["意识形态", "阵地管理", 10, 0, 10, "每发现1次问题扣1分，本年未发现"],
      // 分值 20+30+15+10+15+10 = 100 and 扣分 2+3+0+12+1+0 = 18 agree; 得分 18+26+15−2+14+10 = 81, not 85 (E9).
      ["合计", null, 100, 18, 85],
    ];
    const r = checkWorkbook(book(sheet("春晖社区", rows)), AS_OF);
    expect(r.sheets[0]).toMatchObject({ status: "checked", kind: "organisation-assessment" });
    expect(codes(r.findings)).toEqual([
      ["itemScore.scoreMismatch", "E4"],
      ["itemScore.deductionAbovePoints", "D6"],
      ["itemScore.noteDeduction", "F7"],
      ["itemScore.totalMismatch", "E9"],
    ]);
    expect(r.findings.every((f) => f.severity === "error")).toBe(true);
    expect(r.findings[0]!.message).toBe("“三会一课”得分 26，与分值 30 减去扣分 3 不符，应为 27");
    expect(r.findings[1]!.message).toBe("“党费收缴”扣了 12 分，超过该项分值 10 分：扣分以该项分值为限");
    expect(r.findings[2]!.message).toBe("“群众工作”的扣分说明写的是扣 2 分，实际扣了 1 分");
    expect(r.findings[3]!.message).toBe("合计的得分为 85，各项加起来是 81");
  });

  it("checks each group's 小计, an item above its 分值, the 加分项 and the grade by the bands the sheet states", () => {
    const rows: CellValue[][] = [
      ["青山镇党委2025年度村党组织考核评分表"],
      ["被考核党组织：中共青山镇白沙村支部委员会"],
      ["一级指标", "二级指标", "分值", "得分", "扣分说明"],
      ["基层组织（30分）", "班子运行", 15, 14, "班子会议记录不全，扣1分"],
      // 16 of 15 (D5): extra credit belongs in the 加分项.
      [null, "党员发展", 15, 16, "工作突出"],
      ["小计", null, 30, 30],
      ["服务群众（70分）", "便民服务", 40, 38, "代办超时2件，扣2分"],
      [null, "矛盾调解", 30, 27, "调解不及时，扣3分"],
      // 38 + 27 = 65, not 66 (D9).
      ["小计", null, 70, 66],
      ["加分项（最高5分）", "获县级表彰", 5, 4, "获县级表彰加4分"],
      // 14 + 16 + 38 + 27 + 4 = 99, 分值 15 + 15 + 40 + 30 = 100.
      ["总分", null, 100, 99],
      // 99 is 90 or more: 好, not 较好 (D12).
      ["考核等次", null, null, "较好"],
      [],
      ["注：90分及以上为“好”，80—89分为“较好”，60—79分为“一般”，60分以下为“差”。"],
    ];
    const merges = [m(3, 0, 4, 0), m(5, 0, 5, 1), m(6, 0, 7, 0), m(8, 0, 8, 1), m(10, 0, 10, 1), m(11, 0, 11, 1), m(13, 0, 13, 4)];
    const r = checkWorkbook(book(sheet("评分", rows, { merges })), AS_OF);
    expect(r.sheets[0]).toMatchObject({ status: "checked", kind: "organisation-assessment" });
    expect(codes(r.findings)).toEqual([
      ["points.aboveMax", "D5"],
      ["itemScore.subtotalMismatch", "D9"],
      ["orgAssessment.gradeBand", "D12"],
    ]);
    expect(r.findings[1]!.message).toBe("“服务群众”小计的得分为 66，本组各项加起来是 65");
    expect(r.findings[2]!.message).toBe("考核结果“较好”与得分 99 不符：按表中说明（A14）的分档，99 分应为“好”");
  });

  it("holds the items' 分值 to the rule set's full marks, unless the sheet states its own", () => {
    const rows = (title: string): CellValue[][] => [
      [title],
      ["考核内容", "分值", "扣分", "得分"],
      ["组织生活", 40, 2, 38],
      ["党员管理", 30, 0, 30],
      ["作风建设", 25, 1, 24],
      // 40 + 30 + 25 = 95: the 合计 agrees with its items, but a 百分制 sheet totals 100 (B6).
      ["合计", 95, 3, 92],
    ];
    const plain = checkWorkbook(book(sheet("考核", rows("2025年度机关党支部考核评分表"))), AS_OF);
    expect(codes(plain.findings)).toEqual([["itemScore.fullMarks", "B6"]]);
    expect(plain.findings[0]!.message).toBe("各项分值加起来是 95 分，按百分制满分应为 100 分");
    // The sheet says its own full marks: 95 is right.
    expect(checkWorkbook(book(sheet("考核", rows("2025年度机关党支部考核评分表（满分95分）"))), AS_OF).findings).toEqual([]);
    // So does a rule set whose scale is 95 (deductions.base).
    const ruleSet = { ...DEFAULT_RULE_SET, deductions: { ...DEFAULT_RULE_SET.deductions, base: 95 } };
    expect(checkWorkbook(book(sheet("考核", rows("2025年度机关党支部考核评分表"))), { ...AS_OF, ruleSet }).findings).toEqual([]);
  });

  it("keeps a 加分项 named in the item out of the 分值 sum, within its own 分值, added to the total", () => {
    const rows: CellValue[][] = [
      ["2025年度机关第二党支部考核评分表"],
      ["考核项目", "分值", "扣分", "得分"],
      ["组织建设", 50, 5, 45],
      ["党员管理", 30, 2, 28],
      ["作风建设", 20, 0, 20],
      // A bonus of 4 within its 5 (分值 50 + 30 + 20 = 100 without it).
      ["创新工作（加分项）", 5, null, 4],
      // 7 above the bonus's own 5 (D7).
      ["志愿服务（加分项）", 5, null, 7],
      // 45 + 28 + 20 + 4 + 7 = 104 (D8 is right); 扣分 5 + 2 + 0 = 7 (C8 is right).
      ["合计", 100, 7, 104],
    ];
    const r = checkWorkbook(book(sheet("二支部", rows)), AS_OF);
    expect(codes(r.findings)).toEqual([["points.aboveMax", "D7"]]);
  });

  it("grades by the rule set's bands when the sheet states none, and by the items when the total is wrong", () => {
    const rows: CellValue[][] = [
      ["2025年度第三党支部考核评分表"],
      ["考核项目", "分值", "得分"],
      ["组织建设", 40, 32],
      ["党员教育", 30, 28],
      ["作风建设", 30, 25],
      // 32 + 28 + 25 = 85, not 92 (C6); by the items 85 is 较好 in these bands, so 好 is wrong (C7).
      ["合计", 100, 92],
      ["考核等次", null, "好"],
    ];
    const bands = [{ min: 90, grade: "好" }, { min: 80, grade: "较好" }, { min: 60, grade: "一般" }, { min: 0, grade: "差" }];
    const ruleSet = { ...DEFAULT_RULE_SET, organisationAssessment: { ...DEFAULT_RULE_SET.organisationAssessment, bands } };
    const r = checkWorkbook(book(sheet("三支部", rows)), { ...AS_OF, ruleSet });
    expect(codes(r.findings)).toEqual([
      ["itemScore.totalMismatch", "C6"],
      ["orgAssessment.gradeBandByItems", "C7"],
    ]);
    // No bands in the rule set and none on the sheet: the grade is not judged, the total still is.
    expect(codes(checkWorkbook(book(sheet("三支部", rows)), AS_OF).findings)).toEqual([["itemScore.totalMismatch", "C6"]]);
  });

  it("checks a group's stated points against its items under a heading row", () => {
    const rows: CellValue[][] = [
      ["2025年度社区党委党支部工作考评表"],
      ["考核项目", "考核内容", "分值", "得分"],
      ["一、组织建设（40分）"],
      ["支委会", "每月召开", 20, 20],
      ["党员大会", "每季度召开", 15, 15],
      ["二、党员管理（60分）"],
      ["党费", "按月收缴", 30, 28],
      ["教育", "学时达标", 30, 30],
    ];
    // 20 + 15 = 35 under a heading of 40 (A3); 30 + 30 = 60 is right. The sheet's 分值 add up to 95, not 100: no 合计
    // row, so said at the 分值 header (C2).
    const r = checkWorkbook(book(sheet("考评", rows)), AS_OF);
    expect(r.sheets[0]).toMatchObject({ status: "checked", kind: "organisation-assessment" });
    expect(codes(r.findings)).toEqual([
      ["itemScore.fullMarks", "C2"],
      ["itemScore.groupPoints", "A3"],
    ]);
  });

  it("never reads a look-alike: a 考核细则 with no scores, a blank form, a training plan, a member's 积分", () => {
    const rules = sheet("细则", [
      ["2025年度党支部工作考核细则"],
      ["考核项目", "考核内容", "分值", "评分标准", "得分"],
      ["组织建设", "支委会健全", 20, "每项不符合扣2分", null],
      ["三会一课", "按时召开", 30, "每缺1次扣1分", null],
      ["党员教育", "学时达标", 20, "每少1人次扣0.5分", null],
      ["党风廉政", "无违纪", 30, "发生违纪扣5分", null],
    ]);
    const plan = sheet("培训", [
      ["2025年度党员教育培训计划"],
      ["培训内容", "学时", "授课人", "分值", "得分"],
      ["党章学习", 4, "王老师", 10, 10],
      ["党史学习", 4, "李老师", 10, 10],
      ["业务培训", 8, "张老师", 20, 20],
    ]);
    const points = sheet("积分", [
      ["2025年度党员积分考核评分表（张红）"],
      ["考核项目", "分值", "得分"],
      ["参加组织生活", 30, 28],
      ["志愿服务", 30, 30],
      ["学习教育", 40, 36],
    ]);
    const r = checkWorkbook(book(rules, plan, points), AS_OF);
    expect(r.sheets.map((s) => s.status)).toEqual(["unrecognised", "unrecognised", "unrecognised"]);
    expect(r.findings).toEqual([]);
  });
});

describe("the deduction a 扣分说明 states", () => {
  it("reads what was taken off, not a rate, a cap or a range", () => {
    expect(statedPoints("班子成员1人履职不到位，扣1分", "扣")).toBe(1);
    expect(statedPoints("缺2个月记录，每月扣1分，扣2分", "扣")).toBe(2);
    expect(statedPoints("迟交扣1分；缺记录扣0.5分", "扣")).toBe(1.5);
    expect(statedPoints("迟交扣1分，缺记录扣1分，共扣3分", "扣")).toBe(3);
    expect(statedPoints("资料不全扣半分", "扣")).toBe(0.5);
    expect(statedPoints("每项不符合扣1—2分", "扣")).toBeNull();
    expect(statedPoints("最多扣5分", "扣")).toBeNull();
    expect(statedPoints("本村无流动党员，此项按满分计", "扣")).toBeNull();
    expect(statedPoints("获市级表彰加3分", "加")).toBe(3);
    expect(statedPoints("获市级表彰加3分", "扣")).toBeNull();
  });
});

describe("a score sheet whose grade row states its own scale beside the grade", () => {
  // The office grades 优秀 / 良好 / 一般 / 差 (90 / 75 / 60), not the rule set's 好 / 较好 / 一般 / 差.
  const rows = (grade: string): CellValue[][] => [
    ["某县直机关工委2025年度党支部工作考核评分表（某局机关党支部）"],
    ["序号", "考核项目", "考核内容", "分值", "扣分", "得分"],
    [1, "组织建设", "班子健全", 30, 0, 30],
    [2, "三会一课", "按期召开", 30, 2, 28],
    [3, "党员教育", "学习记录", 20, 1, 19],
    [4, "党费收缴", "按月足额", 20, 0, 20],
    // 30 + 28 + 19 + 20 = 97.
    ["合计", null, null, 100, 3, 97],
    ["考核等次", null, null, null, null, grade, "90分及以上为优秀，75-89分为良好，60-74分为一般，60分以下为差"],
  ];
  it("takes the sheet's words: 优秀 at 97 is right, 良好 at 97 is the wrong band", () => {
    expect(codes(checkWorkbook(book(sheet("考核评分", rows("优秀"))), AS_OF).findings)).toEqual([]);
    expect(codes(checkWorkbook(book(sheet("考核评分", rows("良好"))), AS_OF).findings)).toEqual([["orgAssessment.gradeBand", "F8"]]);
    // A word the sheet's scale does not hold is no grade of it.
    expect(codes(checkWorkbook(book(sheet("考核评分", rows("较好"))), AS_OF).findings)).toEqual([["orgAssessment.grade", "F8"]]);
  });
});
