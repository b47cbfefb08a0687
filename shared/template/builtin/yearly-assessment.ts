import type { Template } from "../schema.js";
import { VOTERS, VOTES } from "./appraisal.js";
import { BRANCH, MEMBER_ID, NAME, NOTE } from "./common-fields.js";

// 五星级…一星级: a local scale (the rule set's organisationAssessment.scales). Not 先进: it heads the names of
// honours too (先进基层党组织), which a 表彰 list is full of.
const ORG_GRADES = ["好", "较好", "一般", "差", "优秀", "良好", "较差", "五星级", "四星级", "三星级", "二星级", "一星级"];
const CADRE_GRADES = ["优秀", "称职", "基本称职", "不称职", "合格", "不合格", "不定等次"];

/**
 * 党组织书记抓基层党建述职评议考核 / 党支部年度考核 results: one row per branch or secretary
 * with its grade (好/较好/一般/差 by default, §5; the rule set says which), and where the
 * 述职评议 was voted on, the votes for each grade (which never exceed the valid votes).
 * A sheet about secretaries and their organisations, not about members: not 民主评议党员.
 */
export const organisationAssessmentTemplate: Template = {
  id: "org-assessment",
  version: 1,
  kind: "organisation-assessment",
  title: "党组织书记考核结果",
  titleEn: "Branch / secretary annual assessment",
  fields: [
    { name: "year", title: "年度", titleEn: "Year", type: "integer", aliases: ["考核年度", "年份"], weight: 1, constraints: { minimum: 1949, maximum: 2100 } },
    { ...BRANCH, aliases: [...(BRANCH.aliases ?? []), "党组织名称", "被考核党组织", "所在分党委", "村（社区）", "村（社区）名称", "村(社区)党组织", "支部"] },
    { name: "secretaryName", title: "党支部书记姓名", titleEn: "Secretary", type: "string", aliases: ["书记姓名", "支部书记", "党组织书记", "党支部书记", "党组织书记姓名", "书记", "支部书记姓名"], weight: 2, content: { kind: "personName" } },
    { name: "secretaryId", title: "党支部书记工号", titleEn: "Secretary's staff no.", type: "string", aliases: ["书记工号", "书记工作证号"], weight: 1 },
    {
      name: "result",
      title: "考核结果",
      titleEn: "Grade",
      type: "string",
      aliases: ["考核等次", "考核等级", "年度考核结果", "综合评价等次", "评价等次", "述职评议结果", "评议等次", "等次", "定级", "考核定级", "评定星级", "星级", "星级评定"],
      weight: 3,
      constraints: { required: true },
      content: { values: ORG_GRADES },
    },
    { name: "score", title: "考核得分", titleEn: "Score", type: "number", aliases: ["得分", "综合得分", "考核分数", "总分", "总得分", "考核总分", "合计得分", "合计"], weight: 1, constraints: { minimum: 0, maximum: 100, maximumRaisedBy: "bonus" } },
    // Points beside the items: a bonus added to them, a deduction taken off (总分 = items + 加分 − 扣分).
    // A 百分制 that starts every branch at a base (基础分 88) and adds and takes off points (总得分 = 基础分 + 加分 − 扣分).
    { name: "base", title: "基础分", titleEn: "Base points", type: "number", aliases: ["基本分", "基础得分"], weight: 1, constraints: { minimum: 0 } },
    { name: "bonus", title: "加分", titleEn: "Bonus points", type: "number", aliases: ["加分项", "特色工作加分", "创新加分", "附加分", "奖励加分", "加分项目"], weight: 0.5, constraints: { minimum: 0 } },
    { name: "deduction", title: "扣分", titleEn: "Points deducted", type: "number", aliases: ["扣分项", "减分", "扣减分", "扣分项目", "倒扣分"], weight: 0.5 },
    // A 百分制 sheet's items, each header with its full marks: 三会一课（25分）.
    { name: "items", title: "考核项目得分", titleEn: "Item scores", type: "number", aliases: [], weight: 3, repeat: { period: "points" } },
    VOTERS,
    ...VOTES,
    // The share of the two top grades' votes (好和较好票占比 94.3%) of those taking part.
    { name: "topVotesShare", title: "好和较好票占比", titleEn: "Share of 好 and 较好 votes", type: "percent", aliases: ["好和较好票比例", "好和较好率", "好和较好得票率", "好与较好票占比", "好、较好票占比", "好和较好占比"], weight: 1, additive: false },
    NOTE,
  ],
  rules: [{ rule: "orgAssessment.grades" }, { rule: "orgAssessment.points" }, { rule: "orgAssessment.baseTotal" }, { rule: "appraisal.votes" }, { rule: "orgAssessment.topVotes" }],
  minScore: 4,
  requiredHeaders: ["result"],
  distinctive: [{ of: ["secretaryName", "secretaryId", "year", "items", "base"], min: 1 }],
  titleWords: ["书记考核", "述职评议", "党建考核", "党支部考核", "党组织考核"],
};

/** A cadre's 年度考核等次, one column per year (2021年, 2022年度考核结果 …). */
export const cadreGradesTemplate: Template = {
  id: "cadre-grades",
  version: 1,
  kind: "cadre-grades",
  title: "干部年度考核等次",
  titleEn: "Cadre yearly grades",
  fields: [
    NAME,
    MEMBER_ID,
    { name: "unit", title: "所在单位", titleEn: "Unit", type: "string", aliases: ["单位", "工作单位", "时任单位", "科室", "所在科室", "处室", "所在处室", "部门", "所在部门"], weight: 0.5 },
    { name: "post", title: "现任职务", titleEn: "Post", type: "string", aliases: ["职务", "时任职务", "所在单位及职务", "职务职级", "现任职务职级", "职级"], weight: 1 },
    // An HR export of one year's grades says the year on every row (考核年度 2025).
    { name: "year", title: "考核年度", titleEn: "Year", type: "integer", aliases: ["年度", "年份", "考核年份"], weight: 0.5, constraints: { minimum: 1949, maximum: 2100 } },
    { name: "grades", title: "年度考核等次", titleEn: "Yearly grades", type: "string", aliases: [], weight: 4, repeat: { period: "year" }, content: { values: CADRE_GRADES } },
    // One year's summary (城关镇2025年度科级干部年度考核等次汇总表): the year is the title's.
    { name: "grade", title: "年度考核等次", titleEn: "Grade of the year", type: "string", aliases: ["考核等次", "年度考核结果", "年度考核等级"], weight: 3, content: { values: CADRE_GRADES } },
    NOTE,
  ],
  rules: [{ rule: "cadre.grades" }],
  minScore: 4,
  requiredHeaders: ["name"],
  distinctive: [{ of: ["grades", "grade"], min: 1 }],
  titleWords: ["年度考核", "考核等次", "干部考核"],
};
