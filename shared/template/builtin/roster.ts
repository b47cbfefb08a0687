import type { Template } from "../schema.js";
import { ACTIVIST_DATE, APPLY_DATE, BIRTH, BRANCH, CANDIDATE_DATE, EDUCATION, ETHNICITY, EXTENSION, FULL_DATE, PROBATION_END, ID_NUMBER, JOIN_DATE, MEMBER_ID, NAME, NOTE, PHONE, SEX, STATUS } from "./common-fields.js";

/** 党员花名册 / 党员信息一张表. */
export const rosterTemplate: Template = {
  id: "roster",
  version: 1,
  kind: "roster",
  title: "党员花名册",
  titleEn: "Member roster",
  fields: [
    NAME,
    MEMBER_ID,
    SEX,
    ETHNICITY,
    BIRTH,
    ID_NUMBER,
    EDUCATION,
    // 人员类别 is the 全国党员管理信息系统's word for 正式/预备.
    { ...STATUS, aliases: [...(STATUS.aliases ?? []), "人员类别"], weight: 1.5 },
    APPLY_DATE,
    ACTIVIST_DATE,
    CANDIDATE_DATE,
    // 入党及转正 | 2015.6.12入党；2016.6.12转正: both dates in one cell (records/fact-cells).
    { ...JOIN_DATE, aliases: [...(JOIN_DATE.aliases ?? []), "入党及转正", "入党及转正时间", "入党转正时间", "入党和转正时间"] },
    FULL_DATE,
    // 基本情况 | 男，汉族，1988年3月生，大学本科: sex, ethnicity, birth and education in one cell.
    { name: "basicInfo", title: "基本情况", titleEn: "Personal details, in one cell", type: "string", aliases: ["个人基本情况"], weight: 0.5 },
    PROBATION_END,
    EXTENSION,
    { name: "introducers", title: "入党介绍人", titleEn: "Sponsors", type: "string", aliases: ["介绍人"], weight: 1 },
    { name: "transferIn", title: "组织关系转入时间", titleEn: "Transferred in", type: "date", aliases: ["转入时间", "组织关系转入日期", "转入本支部时间"], weight: 1 },
    // The base some rosters keep for the dues ledger of the same book (it lends it there).
    { name: "duesBase", title: "缴费基数", titleEn: "Dues base (yuan)", type: "money", aliases: ["党费基数", "交纳基数", "月缴费基数", "党费计算基数"], weight: 0.5, constraints: { minimum: 0 } },
    { name: "partyPost", title: "党内职务", titleEn: "Party post", type: "string", aliases: [], weight: 1 },
    { name: "partyYears", title: "党龄", titleEn: "Years as a full member", type: "integer", aliases: ["党龄（年）", "党龄(年)"], weight: 1, constraints: { minimum: 0 }, noneWords: ["预备", "预备党员", "预备期", "预备期内", "未转正"] },
    { name: "transferOut", title: "组织关系转出时间", titleEn: "Transferred out", type: "date", aliases: ["转出时间", "组织关系转出日期"], weight: 1 },
    BRANCH,
    PHONE,
    NOTE,
  ],
  rules: [
    { rule: "id.number" },
    { rule: "member.probation" },
    { rule: "development.order" },
    { rule: "development.minimumAge" },
    { rule: "development.activistYear" },
    { rule: "development.sponsors" },
    { rule: "member.partyAge" },
    { rule: "branch.size" },
  ],
  minScore: 3,
  requiredHeaders: ["name", "joinDate"],
  titleWords: ["花名册", "党员名册", "党员信息", "党员名单", "党员基本信息", "党员统计"],
};
