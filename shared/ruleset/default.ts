import { DEFAULT_MEMBERSHIP, DEFAULT_ORG_SCALES, type RuleSet } from "./schema.js";
import { DEFAULT_DUES_BASE_ITEMS, DEFAULT_DUES_PAID_AHEAD } from "./dues-base-items.js";
import { DEFAULT_COMMITTEE_STATUS } from "./committee-status.js";

/**
 * The built-in default: exactly the "Defaults" table of domain-rules.md, plus when a column
 * counts as badly converted (not a rule of the Party, a threshold of the reader). Every entry can be
 * changed per organisation by publishing a new rule set; nothing here is a code constant
 * of the rules that read it.
 */
export const DEFAULT_RULE_SET: RuleSet = {
  id: "default",
  version: 1,
  title: "全国通用默认规则（中组发〔2008〕3号、支部工作条例、发展党员工作细则）",
  dues: {
    rounding: "half-up-fen",
    toleranceFen: 1,
    categories: {
      在职: {
        kind: "brackets",
        brackets: [
          { upTo: 3000, ratePercent: 0.5 },
          { upTo: 5000, ratePercent: 1 },
          { upTo: 10000, ratePercent: 1.5 },
          { upTo: null, ratePercent: 2 },
        ],
      },
      离退休: {
        kind: "brackets",
        brackets: [
          { upTo: 5000, ratePercent: 0.5 },
          { upTo: null, ratePercent: 1 },
        ],
      },
      学生: { kind: "fixed", amountYuan: 0.2 },
      下岗失业: { kind: "fixed", amountYuan: 0.2 },
      抚恤救济: { kind: "fixed", amountYuan: 0.2 },
      低保: { kind: "fixed", amountYuan: 0.2 },
      农民: { kind: "range", minYuan: 0.2, maxYuan: 1 },
      困难减免: { kind: "exempt" },
    },
    categoryAliases: {
      在职职工: "在职",
      在岗: "在职",
      年薪制: "在职",
      个体: "在职",
      个体经营: "在职",
      // Domain rules §1.6: 领取定额补贴的村干部 pay as wage earners, on their allowance.
      村干部: "在职",
      离休: "离退休",
      退休: "离退休",
      离退休人员: "离退休",
      学生党员: "学生",
      本科生: "学生",
      研究生: "学生",
      失业: "下岗失业",
      下岗: "下岗失业",
      抚恤: "抚恤救济",
      救济: "抚恤救济",
      最低生活保障: "低保",
      农民党员: "农民",
      免交: "困难减免",
      减免: "困难减免",
    },
    defaultCategory: "在职",
    baseHeaderCategories: [{ headerContains: ["离退休费", "退休费", "离休费", "退休金", "养老金"], category: "离退休" }],
    // A 备注 that is only the member's category, on a sheet with no column for it.
    noteCategories: [
      { noteIs: ["退休", "离休", "离退休", "退休人员", "离休人员", "离退休人员", "退休党员", "离休干部", "退休干部", "退休职工", "退休教师"], category: "离退休" },
      { noteIs: ["学生", "学生党员", "在校学生"], category: "学生" },
      { noteIs: ["下岗", "失业", "下岗失业", "失业人员", "下岗职工"], category: "下岗失业" },
    ],
    // A member who found work again (2024年10月再就业) pays as a wage earner from then.
    noteCategoryChanges: [{ noteContains: ["再就业", "重新就业", "实现就业"], category: "在职" }],
    // A branch of retired members (离退休党支部, 离休干部第二党支部); not an office that serves them (离退休干部处党支部).
    branchTitleCategories: [{ titleContains: ["离退休党支部", "退休党支部", "离休党支部", "离休干部党支部", "退休干部党支部", "离退休干部党支部", "退休职工党支部", "离退休职工党支部"], category: "离退休" }],
    unpaidWarningMonths: 3,
    unpaidErrorMonths: 6,
    monthlyCapYuan: 1000,
    largePaymentYuan: 1000,
    backPayMaxMonths: 6,
  },
  meetings: {
    // A shortfall is a warning where the 条例 says 一般 (第十一、十二、十三、十九条: 一般每季度/每月/每年), for the
    // 主题党日 (第十七条「每月相对固定1天」) and for the local 党课 figure; an error where it sets a floor (第十八条)
    // and the register says it records that type.
    requirements: [
      { type: "支部党员大会", synonyms: ["党员大会", "支部大会"], per: "quarter", min: 1, source: "national", needsCommittee: false, shortfallSeverity: "warning", recordedIn: [] },
      { type: "支部委员会", synonyms: ["支委会", "支部委员会会议"], per: "month", min: 1, source: "national", needsCommittee: true, shortfallSeverity: "warning", recordedIn: [] },
      { type: "党小组会", synonyms: ["党小组会议"], per: "month", min: 1, source: "national", needsCommittee: false, shortfallSeverity: "warning", recordedIn: [] },
      { type: "党课", synonyms: ["上党课", "讲党课"], per: "quarter", min: 1, source: "local", needsCommittee: false, shortfallSeverity: "warning", recordedIn: [] },
      { type: "主题党日", synonyms: ["主题党日活动"], per: "month", min: 1, source: "national", needsCommittee: false, shortfallSeverity: "warning", recordedIn: [] },
      // 条例第十八条「每年至少召开1次」: a floor, not 一般; a year without one is an error in a register of 组织生活.
      { type: "组织生活会", synonyms: [], per: "year", min: 1, source: "national", needsCommittee: false, shortfallSeverity: "error", recordedIn: ["组织生活"] },
      { type: "民主评议党员", synonyms: ["民主评议"], per: "year", min: 1, source: "national", needsCommittee: false, shortfallSeverity: "warning", recordedIn: [] },
    ],
    secretaryLecturesPerYear: 1,
    committeeFromMembers: 7,
    generalQuorumShare: 0.5,
    committeeQuorumShare: 0.5,
    lifeMeetingMonths: [10, 11, 12],
    // LOCAL: 应到 against the register's own head count is worth a look; a member may have joined or left since.
    statedHeadCountSeverity: "warning",
  },
  probation: { months: 12, extensionMinMonths: 6, extensionMaxMonths: 12, overdueGraceMonths: 3 },
  development: {
    minAgeYears: 18,
    talkWithinMonths: 1,
    activistToCandidateMonths: 12,
    trainingMinDays: 3,
    trainingMinHours: 24,
    approvalWarnMonths: 3,
    approvalErrorMonths: 6,
    voteQuorumShare: 0.5,
    voteMajorityShare: 0.5,
    sponsorsRequired: 2,
    contactPersonsMax: 2,
    activistReviewMonths: 6,
  },
  appraisal: {
    weights: { excellent: 100, competent: 80, basic: 60, incompetent: 0 },
    decimals: 2,
    bands: [
      { min: 90, grade: "优秀" },
      { min: 70, grade: "称职" },
      { min: 60, grade: "基本称职" },
      { min: 0, grade: "不称职" },
    ],
    excellentQuotaShare: 0.2,
    // Domain rules §4.2: the 2020 规定 lets a unit rise to 25%; over 20% is a warning to look at.
    excellentQuotaSeverity: "warning",
    incompetentVetoShare: 1 / 3,
    vetoedGrades: ["优秀", "称职"],
    vetoCeilingGrade: "基本称职",
    // 民主评议党员 verdicts (关于开展民主评议党员的意见: 优秀、合格、基本合格、不合格), and 不定等次 for one not graded.
    resultGrades: ["优秀", "合格", "基本合格", "不合格", "不定等次", "不确定等次"],
    // The 民主评议表 often offers 好/较好/一般/差 instead (domain rules §5): a sheet on that scale is held to it.
    resultScales: [["好", "较好", "一般", "差"]],
    // 民主评议党员's scale beside the bands': the veto rules out 优秀 and 合格 there.
    gradeEquivalents: { 合格: "称职", 基本合格: "基本称职", 不合格: "不称职" },
    // Words that say a member took part but was given no grade (预备党员 不评定等次; a 失联 member 未评议): LOCAL wording.
    ungradedResults: ["不定等次", "不确定等次", "不评定等次", "未评议"],
    // LOCAL: 民主评议 is each branch's own, so on a 党委's sheet of several branches the quota is each branch's.
    excellentQuotaPer: "branch",
    // LOCAL: many places let 预备党员 take part in 民主评议 without a 等次; a grade given one is worth a look.
    probationaryGradedSeverity: "warning",
    // INF: where the other rows' votes add up to their 收回票, one row's that do not is a miscount.
    votesMatchReturnedShare: 0.8,
    votesMatchReturnedMinRows: 3,
    // LOCAL: 称职率 is 称职及以上, 优秀 and 称职 (a sheet's note: 称职率＝（优秀＋称职）票数÷收回票数).
    competentRateCounts: ["excellent", "competent"],
  },
  assessment: {
    // An example weighting, labelled as such in domain-rules.md §4.3; set your own.
    parts: [
      { key: "目标考核", label: "目标考核", labelEn: "Objectives", weight: 50, forms: ["自查评分表", "考核评分表"] },
      { key: "专项述职", label: "专项述职", labelEn: "Special report", weight: 10, forms: ["述职评分表"] },
      { key: "民主测评", label: "民主测评", labelEn: "Democratic appraisal", weight: 20, forms: ["民主测评表"] },
      { key: "民意调查", label: "民意调查", labelEn: "Public survey", weight: 10, forms: ["民意调查表"] },
      { key: "述职评议", label: "述职评议", labelEn: "Report review", weight: 10, forms: ["述职评分表"] },
    ],
    maxPartScore: 100,
    decimals: 2,
    // INF: ties share a place and the next is skipped (并列排名，其后名次顺延), unless the sheet's ranks show otherwise.
    rankTies: "competition",
    rankAgreeShare: 0.6,
    rankMinRows: 4,
    // A 综合得分 of rater groups: their stated weights make 100%, and there are two groups at least.
    statedWeightsTotal: 100,
    weightedMinParts: 2,
  },
  deductions: {
    base: 100,
    items: [
      { key: "committeeMonth", label: "支委会每缺一个月", labelEn: "Committee meeting, per missing month", points: 1, cap: 12 },
      { key: "generalQuarter", label: "党员大会每缺一个季度", labelEn: "General meeting, per missing quarter", points: 2, cap: 8 },
      { key: "groupMonth", label: "党小组会每缺一个组月", labelEn: "Group meeting, per missing group-month", points: 0.5, cap: 6 },
      { key: "lectureQuarter", label: "党课每缺一个季度", labelEn: "Party lecture, per missing quarter", points: 2, cap: 8 },
      { key: "themeDayMonth", label: "主题党日每缺一个月", labelEn: "Theme day, per missing month", points: 1, cap: 12 },
      { key: "lifeMeeting", label: "组织生活会未召开", labelEn: "Organisational life meeting not held", points: 5, cap: 5 },
      { key: "appraisal", label: "民主评议未开展", labelEn: "Democratic appraisal not done", points: 5, cap: 5 },
      { key: "duesLate", label: "党费收缴不及时不足额", labelEn: "Dues late or short", points: 2, cap: 2 },
      { key: "electionOverdue", label: "换届逾期", labelEn: "Election overdue", points: 5, cap: 5 },
    ],
  },
  branch: {
    maxMembers: 50,
    committeeMinSize: 3,
    committeeNormalMaxSize: 5,
    committeeMaxSize: 7,
    smallBranchMaxDeputies: 1,
    minFullMembers: 3,
    termYears: 3,
    termYearsByType: [{ nameContains: ["村", "社区"], years: 5 }],
    // 条例第六章: 其他基层单位党支部委员会「一般」每届任期3年 — a 党支部's, not a 党总支's (三至五年, 党章).
    termYearsAppliesTo: { nameContains: ["支部"], nameExcludes: ["总支"] },
    termYearsSeverity: "warning",
    termMinYears: 3,
    termMaxYears: 5,
    electionDelayMaxMonths: 12,
    // 基层组织选举工作条例 (2020), as cited: quorum above four fifths, a winner above half of those expected.
    electionQuorumShare: 0.8,
    electionWinShare: 0.5,
  },
  // LOCAL: 好和较好票占比 below 60% rules out 好 and 较好 (a common 述职评议 footnote; set null where none applies).
  // scales and bonusCap: local practice (先进/中间/后进, 星级评定); a sheet's own stated cap wins.
  organisationAssessment: { grades: ["好", "较好", "一般", "差"], topGradeQuotaShare: null, bands: null, topVotesFloor: { share: 0.6, grades: ["好", "较好"] }, scales: DEFAULT_ORG_SCALES, bonusCap: null },
  cadreGrades: {
    grades: ["优秀", "称职", "基本称职", "不称职", "合格", "不合格", "不定等次"],
    failGrade: "不称职",
    consecutiveFailYears: 2,
    excellentGrade: "优秀",
    excellentQuotaShare: 0.2,
    excellentQuotaSeverity: "warning",
    // Domain rules §4.2: the most severe first, since the first entry a note matches decides.
    sanctions: [
      // 留党察看: 当年不称职, then 不定等次 the following year (two years for a two-year 察看; the first is sure).
      { words: ["留党察看"], allowed: ["不称职"], later: { years: 1, allowed: ["不定等次"] }, source: "组通字〔1998〕19号：受留党察看处分的当年不称职，以后一至二年不定等次" },
      { words: ["开除党籍", "撤销党内职务"], allowed: ["不称职"], source: "组通字〔1998〕19号" },
      { words: ["严重警告"], allowed: ["不称职", "不定等次"], source: "组通字〔1998〕19号" },
      { words: ["立案"], allowed: ["不定等次"], source: "组通字〔1998〕19号" },
      { words: ["记大过", "降级", "撤职"], allowed: ["不定等次"], later: { years: 1, allowed: ["不定等次"] }, source: "政务处分与组织处理的有关规定：当年及第二年不定等次" },
      { words: ["记过", "责令辞职", "降职", "免职"], allowed: ["不定等次"], source: "政务处分与组织处理的有关规定" },
      { words: ["党内警告", "警告处分", "政务警告", "诫勉", "调整职务"], notAllowed: ["优秀"], source: "组通字〔1998〕19号" },
      { words: ["试用期"], allowed: ["不定等次"], unless: ["期满", "已满", "结束", "转正"], source: "公务员考核规定：试用期内只写评语，不定等次" },
    ],
  },
  conversion: { idColumnNumberShare: 0.5, idColumnMinRows: 3 },
  membership: DEFAULT_MEMBERSHIP,
  duesBaseItems: DEFAULT_DUES_BASE_ITEMS,
  duesPaidAhead: DEFAULT_DUES_PAID_AHEAD,
  committeeStatus: DEFAULT_COMMITTEE_STATUS,
};
