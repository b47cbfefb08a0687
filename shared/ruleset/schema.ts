import { z } from "zod";
import { checkRuleSetConsistency } from "./consistency.js";
import { CommitteeStatus, DEFAULT_COMMITTEE_STATUS } from "./committee-status.js";
import { DEFAULT_DUES_BASE_ITEMS, DEFAULT_DUES_PAID_AHEAD, DuesBaseItems, DuesPaidAhead } from "./dues-base-items.js";

/**
 * A rule set: the parameters of every rule, versioned data (id + version). The built-in
 * default carries the "Defaults" table of domain-rules.md; local practice is a new
 * version or an organisation's own rule set, never a code change.
 */

const Percent = z.number().min(0).max(100);

/** LOCAL practice: the grade scales of 百分制 and 星级 ratings found besides 好/较好/一般/差. */
export const DEFAULT_ORG_SCALES: string[][] = [
  ["先进", "中间", "后进"],
  ["五星级", "四星级", "三星级", "二星级", "一星级"],
  ["优秀", "良好", "合格", "不合格"],
];

export const DuesBracket = z
  .object({
    /** Upper bound of the monthly base in yuan, inclusive; null for "above". */
    upTo: z.number().positive().nullable(),
    /** Rate in percent of the whole base (全额累进). */
    ratePercent: Percent,
  })
  .strict();

export const DuesCategory = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("brackets"), brackets: z.array(DuesBracket).min(1) }).strict(),
  z.object({ kind: z.literal("fixed"), amountYuan: z.number().min(0) }).strict(),
  z.object({ kind: z.literal("range"), minYuan: z.number().min(0), maxYuan: z.number().min(0) }).strict(),
  z.object({ kind: z.literal("exempt") }).strict(),
]);
export type DuesCategory = z.infer<typeof DuesCategory>;

export const MeetingPeriod = z.enum(["month", "quarter", "year"]);
export type MeetingPeriod = z.infer<typeof MeetingPeriod>;

export const MeetingRequirement = z
  .object({
    type: z.string(),
    synonyms: z.array(z.string()).default([]),
    per: MeetingPeriod,
    min: z.number().int().min(0),
    /** Where the figure comes from: a national rule or a local practice (shown in the UI). */
    source: z.enum(["national", "local"]),
    /** Only required when the branch has a committee (正式党员 ≥ 7). */
    needsCommittee: z.boolean().default(false),
    /**
     * How a period short of this meeting is reported: a warning where the rule says 一般 (一般每月召开1次),
     * an error where it sets a floor (每年至少召开1次) — that only in a register that says it records this
     * type (its title, sheet or file names the type, a synonym or one of `recordedIn`: 组织生活记录); a
     * 三会一课 register need not record the 组织生活会, so there a shortfall stays a warning.
     */
    shortfallSeverity: z.enum(["error", "warning"]).default("warning"),
    recordedIn: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  })
  .strict();

/** How a quota over its share is reported (what may lawfully exceed it is the department's to say). */
export const QuotaSeverity = z.enum(["error", "warning"]).default("warning");

export const GradeBand = z.object({ min: z.number(), grade: z.string() }).strict();

export const DeductionItem = z
  .object({
    key: z.string(),
    label: z.string(),
    labelEn: z.string(),
    /** Points taken off per missing unit (month, quarter, time). */
    points: z.number().min(0),
    /** The most this item can take off. */
    cap: z.number().min(0),
  })
  .strict();

/** The scoring forms of the five-part cadre assessment (domain-rules.md §4.3, LOCAL). */
export const AssessmentForm = z.enum(["自查评分表", "考核评分表", "民主测评表", "民意调查表", "述职评分表"]);
export type AssessmentForm = z.infer<typeof AssessmentForm>;

export const AssessmentPart = z
  .object({
    key: z.string().min(1),
    label: z.string(),
    labelEn: z.string(),
    /** Relative weight; the total is Σ score·weight ÷ Σ weight, so weights need not sum to 100. */
    weight: z.number().min(0),
    /** The forms whose scores make up this part. */
    forms: z.array(AssessmentForm).default([]),
  })
  .strict();

/** The fields of a rule set; `RuleSet` adds the cross-field checks. */
/** The words of a 状态 column that say a member left, by the fact they state (membership, below). */
export const DEFAULT_MEMBERSHIP = {
  statusHeaders: ["状态", "党籍状态", "党员状态", "在册状态", "组织关系状态"],
  statusWords: [
    { fact: "transferOut" as const, words: ["已转出", "转出", "调出"] },
    { fact: "left" as const, words: ["已故", "去世", "逝世", "病故", "死亡", "出党", "开除党籍", "除名", "退党", "自行脱党"] },
    { fact: "suspended" as const, words: ["停止党籍"] },
  ],
};

export const RuleSetShape = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: z.number().int().positive(),
    title: z.string(),
    dues: z
      .object({
        rounding: z.enum(["half-up-fen", "ceil-jiao", "ceil-yuan"]),
        /** A ledger amount within this many fen of the expected one passes. */
        toleranceFen: z.number().int().min(0).max(100),
        categories: z.record(z.string(), DuesCategory),
        /** Other names clerks write for a category, mapped to its key. */
        categoryAliases: z.record(z.string(), z.string()),
        defaultCategory: z.string(),
        /**
         * Where a row names no category, the words of its base column's header that say it (a 离退休费
         * column is a retiree's pension: 离退休). Plain words, not patterns.
         */
        baseHeaderCategories: z
          .array(z.object({ headerContains: z.array(z.string().trim().min(1).max(20)).min(1).max(20), category: z.string() }).strict())
          .max(20)
          .default([]),
        /**
         * Branches whose members all pay at one category, named by the sheet's title, sheet name or file
         * (离休干部第二党支部: 离退休), for rows that name none and a base column whose header says none.
         * Ordinals (第二) are left out before comparing.
         */
        branchTitleCategories: z
          .array(z.object({ titleContains: z.array(z.string().trim().min(1).max(20)).min(1).max(20), category: z.string() }).strict())
          .max(20)
          .default([]),
        /**
         * Where a row names no category, the 备注 that say it on their own (退休, 退休人员: 离退休): the whole
         * note, less 系/已 before it and a full stop after. Plain words, not patterns.
         */
        noteCategories: z
          .array(z.object({ noteIs: z.array(z.string().trim().min(1).max(20)).min(1).max(40), category: z.string() }).strict())
          .max(20)
          .default([]),
        /**
         * A 备注 that says the member's category changed on a day (2024年10月再就业: 在职 from then): a ledger of a
         * later year is judged at the new category, whatever the category column still says. Plain words.
         */
        noteCategoryChanges: z
          .array(z.object({ noteContains: z.array(z.string().trim().min(1).max(20)).min(1).max(20), category: z.string() }).strict())
          .max(20)
          .default([]),
        unpaidWarningMonths: z.number().int().min(1).max(24),
        unpaidErrorMonths: z.number().int().min(1).max(24),
        monthlyCapYuan: z.number().positive().max(100_000),
        largePaymentYuan: z.number().positive().max(10_000_000),
        backPayMaxMonths: z.number().int().min(1).max(24),
      })
      .strict(),
    meetings: z
      .object({
        requirements: z.array(MeetingRequirement),
        /** 党支部书记每年至少讲党课次数 (支部工作条例 第十六条); counted among the 党课 meetings. */
        secretaryLecturesPerYear: z.number().int().min(0).default(1),
        /** 正式党员 from which a branch must have a committee. */
        committeeFromMembers: z.number().int().min(1).max(100),
        /** General meeting: present voting members must exceed this share of those expected. */
        generalQuorumShare: z.number().min(0).max(1),
        /** Committee meeting: present members at least this share of the committee. */
        committeeQuorumShare: z.number().min(0).max(1),
        /** The months a 组织生活会 is usually held in (条例 第十八条: 一般安排在第四季度); none there is a warning. */
        lifeMeetingMonths: z.array(z.number().int().min(1).max(12)).min(1).max(12).default([10, 11, 12]),
        /** An 应到 that differs from the head count a line above the register states (支部党员27名): how it is said. */
        statedHeadCountSeverity: z.enum(["error", "warning", "info"]).default("warning"),
      })
      .strict(),
    probation: z
      .object({
        months: z.number().int().min(1).max(36),
        extensionMinMonths: z.number().int().min(1).max(24),
        extensionMaxMonths: z.number().int().min(1).max(24),
        /** A probationary year that ended more than this many months before the as-of date with no full membership: finding. */
        overdueGraceMonths: z.number().int().min(0).max(24),
      })
      .strict(),
    development: z
      .object({
        minAgeYears: z.number().int().min(14).max(30),
        talkWithinMonths: z.number().int().min(1).max(12),
        activistToCandidateMonths: z.number().int().min(1).max(60),
        trainingMinDays: z.number().int().min(1).max(60),
        trainingMinHours: z.number().positive().max(500),
        approvalWarnMonths: z.number().int().min(1).max(24),
        approvalErrorMonths: z.number().int().min(1).max(24),
        /** 细则 第二十条: the voting members present must exceed this share of those expected. */
        voteQuorumShare: z.number().min(0).max(1).default(0.5),
        /** 细则 第二十一条 (and 条例 第十一条 for every vote of a general meeting): the votes in favour must exceed this share of the voting members expected. */
        voteMajorityShare: z.number().min(0).max(1).default(0.5),
        /** 细则 第十四条: the number of 入党介绍人 (two 正式党员). */
        sponsorsRequired: z.number().int().min(1).max(5).default(2),
        /** 细则 第九条: at most this many 培养联系人 (一至两名正式党员). */
        contactPersonsMax: z.number().int().min(1).max(5).default(2),
        /** 细则 第十一条: the branch reviews an activist at least once in this many months (每半年一次). */
        activistReviewMonths: z.number().int().min(1).max(24).default(6),
      })
      .strict(),
    appraisal: z
      .object({
        weights: z
          .object({ excellent: z.number(), competent: z.number(), basic: z.number(), incompetent: z.number() })
          .strict(),
        decimals: z.number().int().min(0).max(6),
        /** Highest band first: a score at or above `min` gets `grade`; a score below every band gets the last one. */
        bands: z.array(GradeBand).min(1),
        /** 优秀 at most this share of those assessed in one sheet. */
        excellentQuotaShare: z.number().min(0).max(1),
        /** How a sheet over the quota is reported: the 2020 规定 lets a unit rise to 25%, so a warning by default. */
        excellentQuotaSeverity: QuotaSeverity,
        /** More than this share of valid votes 不称职 rules out the top grades. */
        incompetentVetoShare: z.number().min(0).max(1),
        /** The grades ruled out by that veto. */
        vetoedGrades: z.array(z.string()),
        /** The grade given when the veto applies and the score would be higher. */
        vetoCeilingGrade: z.string(),
        /** The verdicts a 民主评议党员 sheet may give (besides the bands' grades); its own drop-down list wins. */
        resultGrades: z.array(z.string().min(1)).max(20).default(["优秀", "合格", "基本合格", "不合格", "不定等次", "不确定等次"]),
        /** Other scales a 民主评议党员 sheet may grade on instead, each whole (domain rules §5: 好/较好/一般/差 is often offered). */
        resultScales: z.array(z.array(z.string().min(1)).min(1).max(20)).max(10).default([["好", "较好", "一般", "差"]]),
        /** Grades of another scale read as the bands' (民主评议党员: 合格 is 称职), for the veto. */
        gradeEquivalents: z.record(z.string(), z.string()).default({ 合格: "称职", 基本合格: "基本称职", 不合格: "不称职" }),
        /** Verdicts that say a member was not graded (不定等次): not counted among those assessed for the quota. */
        ungradedResults: z.array(z.string().min(1)).max(20).default(["不定等次", "不确定等次", "不评定等次", "未评议"]),
        /**
         * LOCAL: where the 优秀 quota is counted on a sheet of several branches: in each branch (民主评议 is a branch's
         * own; the default) or over the whole sheet.
         */
        excellentQuotaPer: z.enum(["branch", "sheet"]).default("branch"),
        /**
         * LOCAL: how a 预备党员 given a 等次 is reported (many places let 预备党员 take part in 民主评议 without a 等次);
         * null where the rule set lets them be graded.
         */
        probationaryGradedSeverity: z.enum(["error", "warning"]).nullable().default("warning"),
        /**
         * INF: on a sheet whose rows' votes add up to their 收回票 (this share of the rows, at least `votesMatchReturnedMinRows`
         * of them), a row whose votes do not is a miscount: the sheet counts every returned ballot (no 废票 column).
         */
        votesMatchReturnedShare: z.number().min(0).max(1).default(0.8),
        votesMatchReturnedMinRows: z.number().int().min(1).max(1000).default(3),
        /** LOCAL: the grades a 称职率 counts (称职及以上: 优秀 and 称职, by default). */
        competentRateCounts: z.array(z.enum(["excellent", "competent", "basic", "incompetent"])).min(1).max(4).default(["excellent", "competent"]),
      })
      .strict(),
    assessment: z
      .object({
        parts: z.array(AssessmentPart).min(1),
        /** Each part's score is on 0..maxPartScore (100 by default). */
        maxPartScore: z.number().positive().default(100),
        decimals: z.number().int().min(0).max(6).default(2),
        /**
         * INF: how a sheet ranks ties where its own ranks do not show it — "competition" (并列排名，其后名次顺延: 3, 3, 5)
         * or "dense" (3, 3, 4). A sheet whose ranks show one convention is held to that one.
         */
        rankTies: z.enum(["competition", "dense"]).default("competition"),
        /** A 排名 column follows the score only where this share of its ranks (of at least `rankMinRows`) already do. */
        rankAgreeShare: z.number().min(0).max(1).default(0.6),
        rankMinRows: z.number().int().min(2).max(1000).default(4),
        /** The whole the rater groups' stated weights make (40% + 30% + 30%), and how many groups at least. */
        statedWeightsTotal: z.number().positive().default(100),
        weightedMinParts: z.number().int().min(2).max(20).default(2),
      })
      .strict(),
    deductions: z.object({ base: z.number().positive(), items: z.array(DeductionItem) }).strict(),
    /** The branch and its committee (支部工作条例 第二、六章; 基层组织选举工作条例 第三条). */
    branch: z
      .object({
        /** 党支部党员人数一般不超过 50 人. */
        maxMembers: z.number().int().min(1).max(10_000),
        /** A committee (from `meetings.committeeFromMembers` 正式党员 on) has this many members normally … */
        committeeMinSize: z.number().int().min(1).max(50),
        committeeNormalMaxSize: z.number().int().min(1).max(50),
        /** … and never more than this. */
        committeeMaxSize: z.number().int().min(1).max(50),
        /** A branch below the committee threshold has one 书记 and at most this many 副书记. */
        smallBranchMaxDeputies: z.number().int().min(0).max(5),
        /** 正式党员3人以上的，都应当成立党支部: fewer form a 联合党支部. */
        minFullMembers: z.number().int().min(1).max(50).default(3),
        /**
         * A term in years: the default, and by branch type — the first entry one of whose words the
         * committee's or branch's name contains (村, 社区 → 5). Plain words, not patterns: an admin
         * writes them, and nothing of theirs is run as a regular expression here.
         */
        termYears: z.number().int().min(1).max(10),
        termYearsByType: z
          .array(z.object({ nameContains: z.array(z.string().trim().min(1).max(20)).min(1).max(20), years: z.number().int().min(1).max(10) }).strict())
          .max(20),
        /**
         * Whose term `termYears` is: an organisation whose name has one of these words and none of the
         * excluded (a 党支部, not a 党总支: 条例第六章「其他基层单位党支部委员会一般每届任期3年」). A term
         * written otherwise, within the 党章's bounds, is reported at `termYearsSeverity` (一般: a warning).
         */
        termYearsAppliesTo: z
          .object({ nameContains: z.array(z.string().trim().min(1).max(20)).max(20), nameExcludes: z.array(z.string().trim().min(1).max(20)).max(20) })
          .strict()
          .default({ nameContains: ["支部"], nameExcludes: ["总支"] }),
        termYearsSeverity: z.enum(["error", "warning"]).default("warning"),
        /** The 党章's bounds on any term: 三年至五年. */
        termMinYears: z.number().int().min(1).max(10),
        termMaxYears: z.number().int().min(1).max(10),
        /** An approved postponement of an election: at most this many months (一般不超过1年). */
        electionDelayMaxMonths: z.number().int().min(0).max(60),
        /** An election needs more than this share of those with a vote present (超过应到会人数的五分之四). */
        electionQuorumShare: z.number().min(0).max(1).default(0.8),
        /** One elected needs more votes than this share of those expected with a vote (超过应到会有选举权人数的半数). */
        electionWinShare: z.number().min(0).max(1).default(0.5),
      })
      .strict()
      .default({
        maxMembers: 50,
        committeeMinSize: 3,
        committeeNormalMaxSize: 5,
        committeeMaxSize: 7,
        smallBranchMaxDeputies: 1,
        minFullMembers: 3,
        termYears: 3,
        termYearsByType: [{ nameContains: ["村", "社区"], years: 5 }],
        termYearsAppliesTo: { nameContains: ["支部"], nameExcludes: ["总支"] },
        termYearsSeverity: "warning",
        termMinYears: 3,
        termMaxYears: 5,
        electionDelayMaxMonths: 12,
        electionQuorumShare: 0.8,
        electionWinShare: 0.5,
      }),
    /** Annual assessment of a branch or its secretary (述职评议考核, §5). */
    organisationAssessment: z
      .object({
        grades: z.array(z.string().min(1)).min(1).max(10),
        /** At most this share of those assessed in one sheet may get the top grade (null: no quota). */
        topGradeQuotaShare: z.number().min(0).max(1).nullable(),
        /** Score bands of a 百分制 assessment, highest first (null: none set; a sheet that states its own in words is held to those). */
        bands: z.array(GradeBand).min(1).nullable().default(null),
        /**
         * LOCAL: the least share of the top votes (好 and 较好 of those taking part) for the top grades: below it a
         * 述职评议 may not be graded 好 or 较好. null: no such rule.
         */
        topVotesFloor: z
          .object({ share: z.number().min(0).max(1), grades: z.array(z.string().min(1)).min(1).max(10) })
          .strict()
          .nullable()
          .default({ share: 0.6, grades: ["好", "较好"] }),
        /**
         * LOCAL: other grade scales, highest first, that a sheet may use instead of `grades` (a 国企党委's 先进 / 中间 /
         * 后进, a 街道's 星级评定 五星级…一星级). A sheet whose every grade is of one of them is held to that one.
         */
        scales: z.array(z.array(z.string().min(1)).min(2).max(10)).max(10).default(DEFAULT_ORG_SCALES),
        /** LOCAL: the most 加分 a 百分制 may add (null: none set; a sheet that states its own, 加分最高5分, is held to it). */
        bonusCap: z.number().min(0).nullable().default(null),
      })
      .strict()
      .default({ grades: ["好", "较好", "一般", "差"], topGradeQuotaShare: null, bands: null, topVotesFloor: { share: 0.6, grades: ["好", "较好"] }, scales: DEFAULT_ORG_SCALES, bonusCap: null }),
    /** A cadre's yearly grades (公务员法 第三十八条; 连续两年不称职 → 辞退). */
    cadreGrades: z
      .object({
        grades: z.array(z.string().min(1)).min(1).max(10),
        failGrade: z.string().min(1),
        consecutiveFailYears: z.number().int().min(2).max(5),
        excellentGrade: z.string().min(1),
        /** 优秀 at most this share of the cadres in one year column. */
        excellentQuotaShare: z.number().min(0).max(1),
        excellentQuotaSeverity: QuotaSeverity,
        /**
         * What a sanction written in 备注 does to that year's grade (组通字〔1998〕19号 and the 2020
         * rules): the first entry whose words the note holds decides; `allowed` lists the only grades
         * it leaves, `notAllowed` the ones it rules out; `unless` words lift it (试用期已满).
         * A note that names other years than the sheet's is about those years.
         */
        sanctions: z
          .array(
            z
              .object({
                words: z.array(z.string().min(1).max(20)).min(1).max(20),
                allowed: z.array(z.string().min(1)).max(10).optional(),
                notAllowed: z.array(z.string().min(1)).max(10).optional(),
                unless: z.array(z.string().min(1).max(20)).max(10).optional(),
                /** What it leaves in the years after (记大过: 当年及第二年不定等次): how many years, and the grades. */
                later: z.object({ years: z.number().int().min(1).max(5), allowed: z.array(z.string().min(1)).min(1).max(10) }).strict().optional(),
                source: z.string().max(80),
              })
              .strict(),
          )
          .max(40)
          .default([]),
      })
      .strict()
      .default({ grades: ["优秀", "称职", "基本称职", "不称职", "合格", "不合格", "不定等次"], failGrade: "不称职", consecutiveFailYears: 2, excellentGrade: "优秀", excellentQuotaShare: 0.2, excellentQuotaSeverity: "warning", sanctions: [] }),
    /** The pay items beside a dues sheet's base: what the base adds and leaves out (domain-rules §1.3). */
    duesBaseItems: DuesBaseItems.default(DEFAULT_DUES_BASE_ITEMS),
    /** A 已交至 month past the as-of month: dues paid ahead (LOCAL). */
    duesPaidAhead: DuesPaidAhead.default(DEFAULT_DUES_PAID_AHEAD),
    /** The words of a committee list's 政治面貌 (党章第七条: only a full member may be elected). */
    committeeStatus: CommitteeStatus.default(DEFAULT_COMMITTEE_STATUS),
    /** When a column reads as a badly converted file rather than a badly kept ledger (shared/rules/columns). */
    conversion: z
      .object({
        /** An ID column with at least this share of its filled cells stored as numbers gets one finding for the column. */
        idColumnNumberShare: z.number().min(0).max(1),
        /** …and at least this many such cells; fewer are reported cell by cell. */
        idColumnMinRows: z.number().int().positive(),
      })
      .strict()
      .default({ idColumnNumberShare: 0.5, idColumnMinRows: 3 }),
    /**
     * Members no longer (or no longer fully) the branch's: what a 状态 / 党籍状态 column says. A cell of a
     * column headed with one of `statusHeaders` that holds one of an entry's words (已转出, 已故, 停止党籍)
     * says the member transferred out, left (died, expelled) or is suspended, as 备注 would: no dues are
     * due after that month, no run of unpaid months is a lapse, no grade is asked for. Plain words, not
     * patterns; local practice adds its own.
     */
    membership: z
      .object({
        statusHeaders: z.array(z.string().min(1).max(20)).min(1).max(20),
        statusWords: z
          .array(z.object({ fact: z.enum(["transferOut", "left", "suspended"]), words: z.array(z.string().min(1).max(20)).min(1).max(30) }).strict())
          .max(10),
      })
      .strict()
      .default(DEFAULT_MEMBERSHIP),
  })
  .strict();
export type RuleSetFields = z.infer<typeof RuleSetShape>;

export const RuleSet = RuleSetShape.superRefine(checkRuleSetConsistency);
export type RuleSet = z.infer<typeof RuleSet>;
/** What a rule set looks like before defaults are filled in (e.g. JSON from the Worker). */
export type RuleSetInput = z.input<typeof RuleSet>;
