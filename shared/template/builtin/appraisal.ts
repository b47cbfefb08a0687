import type { Field, Template } from "../schema.js";
import { BRANCH, MEMBER_ID, NAME, NOTE, STATUS } from "./common-fields.js";

/** Vote counts by grade: also on a 述职评议 sheet (好/较好/一般/差 votes for each secretary). */
export const VOTES: Field[] = [
  { name: "votesExcellent", title: "优秀票数", titleEn: "Votes: excellent", type: "integer", aliases: ["优秀", "优秀票", "好"], weight: 1.5, constraints: { minimum: 0 }, additive: true },
  { name: "votesCompetent", title: "称职票数", titleEn: "Votes: competent", type: "integer", aliases: ["称职", "称职票", "合格", "合格票数", "较好"], weight: 1.5, constraints: { minimum: 0 }, additive: true },
  { name: "votesBasic", title: "基本称职票数", titleEn: "Votes: basically competent", type: "integer", aliases: ["基本称职", "基本称职票", "基本合格", "基本合格票数", "一般"], weight: 1.5, constraints: { minimum: 0 }, additive: true },
  { name: "votesIncompetent", title: "不称职票数", titleEn: "Votes: incompetent", type: "integer", aliases: ["不称职", "不称职票", "不合格", "不合格票数", "差"], weight: 1.5, constraints: { minimum: 0 }, additive: true },
  // The share of 优秀 votes as the sheet states it (优秀率 35.7%).
  { name: "excellentRate", title: "优秀率", titleEn: "Share of excellent votes", type: "percent", aliases: ["优秀票率", "优秀比例", "优秀票比例", "优秀得票率"], weight: 0.5, additive: false },
  // The share of 优秀 and 称职 votes together (优秀和称职率 95.2%): those judged competent or better.
  { name: "goodRate", title: "优秀和称职率", titleEn: "Share of excellent and competent votes", type: "percent", aliases: ["优秀称职率", "优秀及称职率", "优秀与称职率", "优秀和称职票率"], weight: 0.5, additive: false },
  // 称职率 counts the grades the rule set names (优秀 + 称职 by default: 称职及以上); 不称职率 the 不称职 votes.
  { name: "competentRate", title: "称职率", titleEn: "Share of competent votes or better", type: "percent", aliases: ["称职以上率", "称职及以上率", "称职及以上比例"], weight: 0.5, additive: false },
  { name: "incompetentRate", title: "不称职率", titleEn: "Share of incompetent votes", type: "percent", aliases: ["不称职票率", "不称职比例", "不称职得票率"], weight: 0.5, additive: false },
];
/**
 * 党员互评 votes beside the 民主测评's (each member votes on the others: one fewer than take part). Read under a
 * group heading 党员互评 (互评 优秀 …), so the 民主测评 group keeps the vote fields.
 */
export const PEER_VOTES: Field[] = [
  { name: "peerExcellent", title: "互评优秀票数", titleEn: "Peer votes: excellent", type: "integer", aliases: ["互评优秀", "互评优秀票"], weight: 0.5, constraints: { minimum: 0 }, additive: true },
  { name: "peerCompetent", title: "互评合格票数", titleEn: "Peer votes: competent", type: "integer", aliases: ["互评合格", "互评合格票", "互评称职"], weight: 0.5, constraints: { minimum: 0 }, additive: true },
  { name: "peerBasic", title: "互评基本合格票数", titleEn: "Peer votes: basically competent", type: "integer", aliases: ["互评基本合格", "互评基本合格票", "互评基本称职"], weight: 0.5, constraints: { minimum: 0 }, additive: true },
  { name: "peerIncompetent", title: "互评不合格票数", titleEn: "Peer votes: incompetent", type: "integer", aliases: ["互评不合格", "互评不合格票", "互评不称职"], weight: 0.5, constraints: { minimum: 0 }, additive: true },
];
/** The ballots of a 测评: handed out, returned, and (VOTERS) the valid ones; 有效票 ≤ 收回票 ≤ 发出票. A 合计 row sums them. */
export const BALLOTS: Field[] = [
  { name: "ballotsIssued", title: "发出票数", titleEn: "Ballots issued", type: "integer", aliases: ["发出票", "发放票数", "发放票", "发票数", "发出测评票", "发出", "发放"], weight: 1, constraints: { minimum: 0 }, additive: true },
  { name: "ballotsReturned", title: "收回票数", titleEn: "Ballots returned", type: "integer", aliases: ["收回票", "回收票数", "回收票", "收回测评票", "收回", "回收"], weight: 1, constraints: { minimum: 0 }, additive: true },
];
/**
 * A 领导班子's 民主测评 written as satisfaction: 满意 / 基本满意 / 不满意 counts of those taking part, their rates,
 * and a 综合满意度 the sheet works out by its own (local) formula.
 */
export const SATISFACTION: Field[] = [
  { name: "satisfied", title: "满意", titleEn: "Satisfied", type: "integer", aliases: ["满意票", "满意票数", "满意人数", "满意数"], weight: 1.5, constraints: { minimum: 0 }, additive: true },
  { name: "basicSatisfied", title: "基本满意", titleEn: "Basically satisfied", type: "integer", aliases: ["基本满意票", "基本满意票数", "基本满意人数", "基本满意数"], weight: 1.5, constraints: { minimum: 0 }, additive: true },
  { name: "dissatisfied", title: "不满意", titleEn: "Dissatisfied", type: "integer", aliases: ["不满意票", "不满意票数", "不满意人数", "不满意数"], weight: 1.5, constraints: { minimum: 0 }, additive: true },
  { name: "satisfiedRate", title: "满意率", titleEn: "Share satisfied", type: "percent", aliases: ["满意票率", "满意比例", "满意占比"], weight: 1, additive: false },
  { name: "basicSatisfiedRate", title: "基本满意率", titleEn: "Share basically satisfied", type: "percent", aliases: ["基本满意票率", "基本满意比例", "基本满意占比"], weight: 1, additive: false },
  { name: "dissatisfiedRate", title: "不满意率", titleEn: "Share dissatisfied", type: "percent", aliases: ["不满意票率", "不满意比例", "不满意占比"], weight: 1, additive: false },
  { name: "composite", title: "综合满意度", titleEn: "Overall satisfaction", type: "percent", aliases: ["综合满意率", "满意度", "总体满意度"], weight: 1, additive: false },
];
/**
 * 互评情况 | 优16 合4 基0 不0 (or 发出35张，收回34张，有效34张；优秀25票…): the votes in one cell, read into the
 * four vote fields, and the ballots it states first into theirs (records/vote-cells).
 */
const VOTES_TEXT: Field = { name: "votesText", title: "票数情况", titleEn: "Votes, in one cell", type: "string", aliases: ["互评情况", "评议情况", "得票情况", "投票情况", "测评票数情况", "评议票数", "得票数情况", "测评票", "评议票"], weight: 0.5 };

export const VOTERS: Field = {
  name: "voters",
  title: "总人数",
  titleEn: "Voters (or the total ranked)",
  type: "integer",
  // 应参评 / 实参评 without 人数, as a narrow column heads them: the people entitled to vote, or who did.
  aliases: ["参评人数", "测评人数", "有效票数", "参加测评人数", "参加民主测评人数", "参加评议人数", "应参评人数", "班子总数", "参评总数", "总数", "有效票", "应参评", "实参评", "实参评人数", "参评", "有效"],
  weight: 1,
  constraints: { minimum: 0 },
};
const GRADES = ["优秀", "称职", "基本称职", "不称职", "合格", "基本合格", "不合格", "好", "较好", "一般", "差", "良好", "较差"];
const SCORE: Field = { name: "score", title: "得分", titleEn: "Score", type: "number", aliases: ["测评得分", "综合得分", "分数"], weight: 1, constraints: { minimum: 0, maximum: 100 } };

/** 民主评议党员 result: one row per member with the branch's verdict. */
export const appraisalTemplate: Template = {
  id: "appraisal",
  version: 1,
  kind: "appraisal",
  title: "民主评议党员结果",
  titleEn: "Democratic appraisal of members",
  fields: [
    MEMBER_ID,
    NAME,
    STATUS,
    BRANCH,
    {
      name: "result",
      title: "评议结果",
      titleEn: "Verdict",
      type: "string",
      aliases: ["评定等次", "评议等次", "评定结果", "评议意见", "民主评议结果", "评议等级", "评定等级"],
      weight: 3,
      constraints: { required: true },
      content: { values: GRADES },
      excusedBy: ["notAssessed", "abroad", "transferOut", "left", "suspended"],
    },
    VOTERS,
    // A village's 测评统计 of its 民主评议 counts its ballots and works out a 测评得分, as a cadre's 民主测评 does.
    ...BALLOTS,
    // 测评得分 beside the verdict: light, so a sheet is not taken for an appraisal by its scores.
    { ...SCORE, weight: 0.5 },
    ...VOTES,
    ...PEER_VOTES,
    VOTES_TEXT,
    NOTE,
  ],
  rules: [{ rule: "appraisal.resultGrade" }, { rule: "appraisal.resultBand" }, { rule: "appraisal.votes" }, { rule: "appraisal.excellentQuota" }, { rule: "appraisal.probationaryGraded" }],
  minScore: 3,
  requiredHeaders: ["result"],
  titleWords: ["民主评议", "评议结果", "评议党员"],
  // 民主评议党员 grades members; a 书记's 述职评议 (抓基层党建) grades the 书记 on his report.
  otherTitleWords: ["书记抓基层党建", "书记抓党建", "抓党建述职", "书记述职", "述职评议考核"],
};

/** 干部考核 民主测评 sheet: vote counts with score and grade, or the rank-based year-end form. */
export const assessmentTemplate: Template = {
  id: "assessment",
  version: 1,
  kind: "assessment",
  title: "干部考核民主测评表",
  titleEn: "Cadre assessment (democratic appraisal)",
  fields: [
    { name: "year", title: "年份", titleEn: "Year", type: "integer", aliases: ["年度", "考核年度"], weight: 1, constraints: { minimum: 1949, maximum: 2100 } },
    MEMBER_ID,
    // A 述职评议 rates each 书记 on his report: the column of who is headed 书记 (党委书记, 支部书记).
    { ...NAME, aliases: [...(NAME.aliases ?? []), "班子名称", "被测评班子", "被测评对象", "测评对象", "书记", "书记姓名", "党委书记", "党组织书记"] },
    { name: "unit", title: "时任单位", titleEn: "Unit", type: "string", aliases: ["单位", "所在单位", "工作单位"], weight: 1 },
    { name: "post", title: "时任职务", titleEn: "Post", type: "string", aliases: ["职务", "现任职务"], weight: 1.5 },
    { name: "category", title: "测评类别", titleEn: "Assessment category", type: "string", aliases: ["考核类别", "测评类型"], weight: 2.5 },
    VOTERS,
    ...BALLOTS,
    { name: "rank", title: "排名", titleEn: "Rank", type: "integer", aliases: ["名次"], weight: 2, constraints: { minimum: 1 } },
    ...VOTES,
    ...SATISFACTION,
    SCORE,
    // 测评情况 | 发出测评票35张，收回34张，有效34张；优秀25票…: a 测评's ballots and votes in one cell.
    { ...VOTES_TEXT, aliases: [...VOTES_TEXT.aliases!, "测评情况", "测评票数", "民主测评情况"] },
    { name: "grade", title: "等次", titleEn: "Grade", type: "string", aliases: ["考核等次", "测评等次", "评定等次", "考核结果", "测评结果"], weight: 1.5, content: { values: GRADES } },
    NOTE,
  ],
  rules: [{ rule: "assessment.rank" }, { rule: "assessment.rankOrder" }, { rule: "assessment.weightedScore" }, { rule: "assessment.gradeBand" }, { rule: "appraisal.votes" }, { rule: "appraisal.excellentQuota" }, { rule: "assessment.satisfaction" }, { rule: "assessment.gradeSanctions" }],
  minScore: 4,
  requiredHeaders: ["name"],
  // A 领导班子's 民主测评 names the 单位 it assesses.
  requiredStandIns: { name: ["unit"] },
  distinctive: [{ of: ["category", "rank", "votesExcellent", "votesCompetent", "votesBasic", "votesIncompetent", "satisfied", "satisfiedRate", "score", "grade"], min: 1 }],
  // A 述职评议 of 书记 counts each one's votes, ballots and 满意度 as a 民主测评 does.
  titleWords: ["测评", "考核", "述职评议"],
};
