import type { Template } from "../schema.js";
import { ACTIVIST_DATE, APPLY_DATE, BIRTH, BRANCH, CANDIDATE_DATE, EXTENSION, FULL_DATE, ID_NUMBER, JOIN_DATE, MEMBER_ID, NAME, NOTE, PHONE, SEX, STATUS } from "./common-fields.js";

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
    { name: "ethnicity", title: "民族", titleEn: "Ethnicity", type: "string", aliases: [], weight: 0.5 },
    BIRTH,
    ID_NUMBER,
    { name: "education", title: "学历", titleEn: "Education", type: "string", aliases: ["文化程度", "最高学历"], weight: 0.5 },
    STATUS,
    APPLY_DATE,
    ACTIVIST_DATE,
    CANDIDATE_DATE,
    JOIN_DATE,
    FULL_DATE,
    EXTENSION,
    { name: "introducers", title: "入党介绍人", titleEn: "Sponsors", type: "string", aliases: [], weight: 1 },
    { name: "transferIn", title: "组织关系转入时间", titleEn: "Transferred in", type: "date", aliases: ["转入时间"], weight: 1 },
    { name: "partyPost", title: "党内职务", titleEn: "Party post", type: "string", aliases: [], weight: 1 },
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
    { rule: "branch.size", params: { maxMembers: 50 } },
  ],
  minScore: 4,
  requiredHeaders: ["name", "joinDate"],
};
