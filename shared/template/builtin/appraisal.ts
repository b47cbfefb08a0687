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
];
export const VOTERS: Field = {
  name: "voters",
  title: "总人数",
  titleEn: "Voters (or the total ranked)",
  type: "integer",
  // 应参评 / 实参评 without 人数, as a narrow column heads them: the people entitled to vote, or who did.
  aliases: ["参评人数", "测评人数", "有效票数", "参加测评人数", "应参评人数", "班子总数", "参评总数", "总数", "有效票", "应参评", "实参评", "实参评人数", "参评", "参加评议人数"],
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
    ...VOTES,
    NOTE,
  ],
  rules: [{ rule: "appraisal.resultGrade" }, { rule: "appraisal.votes" }, { rule: "appraisal.excellentQuota" }],
  minScore: 3,
  requiredHeaders: ["result"],
  titleWords: ["民主评议", "评议结果", "评议党员"],
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
    { ...NAME, aliases: [...(NAME.aliases ?? []), "班子名称", "被测评班子", "被测评对象", "测评对象"] },
    { name: "unit", title: "时任单位", titleEn: "Unit", type: "string", aliases: ["单位", "所在单位", "工作单位"], weight: 1 },
    { name: "post", title: "时任职务", titleEn: "Post", type: "string", aliases: ["职务", "现任职务"], weight: 1.5 },
    { name: "category", title: "测评类别", titleEn: "Assessment category", type: "string", aliases: ["考核类别", "测评类型"], weight: 2.5 },
    VOTERS,
    { name: "rank", title: "排名", titleEn: "Rank", type: "integer", aliases: ["名次"], weight: 2, constraints: { minimum: 1 } },
    ...VOTES,
    SCORE,
    { name: "grade", title: "等次", titleEn: "Grade", type: "string", aliases: ["考核等次", "测评等次", "评定等次", "考核结果", "测评结果"], weight: 1.5, content: { values: GRADES } },
    NOTE,
  ],
  rules: [{ rule: "assessment.rank" }, { rule: "appraisal.votes" }, { rule: "appraisal.excellentQuota" }],
  minScore: 4,
  requiredHeaders: ["name"],
  distinctive: [{ of: ["category", "rank", "votesExcellent", "votesCompetent", "votesBasic", "votesIncompetent", "score", "grade"], min: 1 }],
  titleWords: ["测评", "考核"],
};
