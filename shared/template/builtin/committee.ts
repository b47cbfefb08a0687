import type { Field, Template } from "../schema.js";
import { BIRTH, BRANCH, FULL_DATE, JOIN_DATE, MEMBER_ID, NAME, NOTE, PHONE, SEX, STATUS } from "./common-fields.js";

/** The committee a row is about: its own name, or the branch or Party committee it belongs to. */
const COMMITTEE_OF: Field = {
  ...BRANCH,
  aliases: [...(BRANCH.aliases ?? []), "所属分党委", "所属党委", "所属党组织", "所在分党委", "所属基层党组织"],
};

const COMMITTEE_SIZE: Field = { name: "committeeSize", title: "委员人数", titleEn: "Committee size", type: "integer", aliases: ["支委会人数", "委员会人数", "班子成员人数", "支委人数", "委员职数", "支委职数", "委员会职数"], constraints: { minimum: 0 } };

const TERM_DUE: Field = { name: "termDueDate", title: "应换届时间", titleEn: "Term ends", type: "date", aliases: ["任期届满时间", "届满时间", "任期到期时间", "应换届日期", "本届任期届满时间"] };

/**
 * 支部委员会 and its term: one row per committee with 任命时间 / 应换届时间 / 实际换届时间
 * (the 支部委员会录入样表 and 基层党组织领导班子录入样表 layouts). Rules M13 and §2.2: a term
 * of 3 to 5 years, elections on time or with an approved postponement of at most a year; where the
 * register gives each branch's members, the branch's size and whether it needs a committee (M11, M12).
 */
export const committeeTemplate: Template = {
  id: "committee",
  version: 1,
  kind: "committee",
  title: "支部委员会（任期与换届）",
  titleEn: "Branch committee (terms and elections)",
  fields: [
    { name: "committeeName", title: "支部委员会名称", titleEn: "Committee", type: "string", aliases: ["委员会名称", "班子名称", "领导班子名称", "支委会名称", "党组织名称"], weight: 2 },
    COMMITTEE_OF,
    {
      name: "appointedDate",
      title: "任命时间",
      titleEn: "Elected / appointed on",
      type: "date",
      aliases: ["成立时间", "选举时间", "当选时间", "本届任职时间", "换届选举时间", "产生时间", "本届选举时间", "上次换届时间", "上届换届时间", "最近一次换届时间", "上届选举时间", "上次选举时间"],
      weight: 2,
    },
    // A branch without a committee (是否设支委会 否, 委员职数 0) has no committee term: its 届满时间 is left empty or `—`.
    {
      ...TERM_DUE,
      weight: 3,
      constraints: { required: true },
      notNeededWhen: [
        { field: "hasCommittee", equals: false },
        { field: "committeeSize", equals: 0 },
      ],
    },
    { name: "electedDate", title: "实际换届时间", titleEn: "Next election held", type: "date", aliases: ["换届时间", "实际换届日期", "下届选举时间", "本届换届时间", "本次换届时间"], weight: 3 },
    { name: "termYears", title: "任期（年）", titleEn: "Term (years)", type: "integer", aliases: ["任期", "每届任期", "任期年限"], weight: 1, constraints: { minimum: 1 } },
    { ...COMMITTEE_SIZE, weight: 1 },
    { name: "delayApproval", title: "延期换届批准情况", titleEn: "Postponement approved", type: "string", aliases: ["延期换届", "批准延期", "延期批准", "是否批准延期"], weight: 1 },
    // A terms register of many branches (换届工作台账) says each branch's type and size beside its term.
    { name: "orgType", title: "党组织类型", titleEn: "Type of organisation", type: "string", aliases: ["类型", "支部类型", "党支部类型", "所属类型"], weight: 0.5 },
    { name: "memberCount", title: "党员数", titleEn: "Members", type: "integer", aliases: ["党员人数", "党员总数", "现有党员数", "党员数量"], weight: 0.5, constraints: { minimum: 0 } },
    { name: "fullMemberCount", title: "正式党员数", titleEn: "Full members", type: "integer", aliases: ["正式党员人数", "其中正式党员", "正式党员", "其中正式党员数"], weight: 0.5, constraints: { minimum: 0 } },
    { name: "hasCommittee", title: "是否设支委会", titleEn: "Has a committee", type: "boolean", aliases: ["是否设立支委会", "是否设支部委员会", "是否设立支部委员会", "设支委会", "是否成立支委会", "是否设委员会", "是否设党组织委员会", "有无支委会", "有无委员会"], weight: 1 },
    // The committee written in one cell (书记：张三；组织委员：李四): who holds which post.
    { name: "committeeMakeup", title: "支部委员会组成", titleEn: "Committee members", type: "string", aliases: ["支委会组成", "委员会组成", "支委会成员", "支部委员会成员", "支委班子成员", "班子成员"], weight: 0.5 },
    { name: "electionStatus", title: "换届情况", titleEn: "Election status", type: "string", aliases: ["换届状态", "是否按期换届", "换届进展"], weight: 1 },
    NOTE,
  ],
  rules: [{ rule: "committee.term" }, { rule: "committee.size" }, { rule: "committee.branchSize" }, { rule: "committee.makeup" }],
  minScore: 4,
  requiredHeaders: ["termDueDate"],
  distinctive: [{ of: ["committeeName", "appointedDate", "electedDate"], min: 1 }],
  titleWords: ["支部委员会", "领导班子", "换届"],
};

/** The members of a committee with their posts (基层党组织领导班子成员录入样表). Rule M11. */
export const committeeMembersTemplate: Template = {
  id: "committee-members",
  version: 1,
  kind: "committee",
  title: "支部委员会成员",
  titleEn: "Branch committee members",
  fields: [
    COMMITTEE_OF,
    { name: "committeeName", title: "支部委员会名称", titleEn: "Committee", type: "string", aliases: ["委员会名称", "班子名称"], weight: 1 },
    NAME,
    MEMBER_ID,
    {
      name: "post",
      title: "职务",
      titleEn: "Post",
      type: "string",
      // 党组织职务 of a village's 两委 list, beside its 村委会职务 (another body's post).
      aliases: ["党内职务", "委员职务", "分工", "担任职务", "支委职务", "党组织职务", "党总支职务", "支部职务", "支委会职务"],
      weight: 3,
      content: { values: ["书记", "副书记", "委员", "组织委员", "宣传委员", "纪检委员", "青年委员", "统战委员", "保密委员"] },
    },
    // A system export writes the committee's election on every member's row (选举日期): the day each took the post.
    { name: "appointedDate", title: "任职时间", titleEn: "In post since", type: "date", aliases: ["任命时间", "当选时间", "任职日期", "选举时间", "本届选举时间"], weight: 1 },
    { name: "termYears", title: "任期（年）", titleEn: "Term (years)", type: "integer", aliases: ["每届任期", "任期年限"], weight: 0.5, constraints: { minimum: 1 } },
    { ...JOIN_DATE, weight: 0.5 },
    { ...FULL_DATE, weight: 0.5 },
    // The committee's term written on every member's row: the whole committee's, not a row's own.
    { ...TERM_DUE, weight: 1 },
    // Or as its span of months (任期 2021.06-2024.06): its end is the term's end.
    { name: "termSpan", title: "任期起止时间", titleEn: "Term", type: "month", aliases: ["任期", "本届任期", "任期起止", "任期时间", "任期起止年月"], weight: 0.5, rangeEnd: "termDueDate" },
    // Its size as the form states it above the list (委员职数 | 8), beside the members it lists.
    { ...COMMITTEE_SIZE, weight: 0.5 },
    // A system's list keeps those who left the committee (离任日期 2024-03-10): no longer sitting on it.
    { name: "leftPostDate", title: "离任时间", titleEn: "Left the post", type: "date", aliases: ["离任日期", "卸任时间", "卸任日期", "免职时间", "免职日期"], weight: 0.5 },
    // A 党总支's list of its branches' committees: each branch's 正式党员 (merged over its posts).
    { name: "fullMemberCount", title: "正式党员数", titleEn: "Full members", type: "integer", aliases: ["正式党员人数", "其中正式党员", "正式党员", "其中正式党员数"], weight: 0.5, constraints: { minimum: 0 } },
    // A 两委 list's 政治面貌: who is a Party member at all, and who is still on probation.
    { name: "politicalStatus", title: "政治面貌", titleEn: "Political status", type: "string", aliases: ["党员身份"], weight: 0.5 },
    PHONE,
    NOTE,
  ],
  rules: [{ rule: "committee.composition" }, { rule: "committee.memberFull" }, { rule: "committee.membersTerm" }, { rule: "committee.memberStatus" }],
  minScore: 3,
  requiredHeaders: ["name", "post"],
  titleWords: ["支部委员会", "支委会", "领导班子成员", "班子成员", "委员名单", "支委"],
};

/**
 * The result of a committee election (换届选举结果报告表): the counts of the meeting as label–value
 * cells above the table (应到会有选举权党员 | 46, 实到会 | 35, 委员职数 | 5, 选举日期 | …) and one row per
 * candidate with the votes and the post won. Rules of 基层组织选举工作条例: more than four fifths of
 * those with a vote present, each winner with more than half of those expected, no 预备党员 elected.
 */
export const committeeElectionTemplate: Template = {
  id: "committee-election",
  version: 1,
  kind: "committee",
  title: "支部委员会换届选举结果",
  titleEn: "Branch committee election result",
  fields: [
    // The person of an election row is a candidate: clerks head the column 当选人姓名 or 候选人姓名.
    { ...NAME, aliases: [...(NAME.aliases ?? []), "当选人姓名", "候选人姓名", "当选人", "候选人"] },
    SEX,
    BIRTH,
    { ...JOIN_DATE, weight: 0.5 },
    { ...STATUS, weight: 0.5 },
    { name: "votes", title: "得票数", titleEn: "Votes", type: "integer", aliases: ["得票", "所得票数", "选举得票数", "得票情况", "实得票数"], weight: 3, constraints: { minimum: 0 } },
    {
      name: "electedPost",
      title: "当选职务",
      titleEn: "Elected as",
      type: "string",
      aliases: ["当选情况", "是否当选", "当选为", "选举结果", "当选结果"],
      weight: 3,
      content: { values: ["书记", "副书记", "委员", "未当选", "当选", "落选"] },
    },
    { name: "votersExpected", title: "应到会有选举权党员人数", titleEn: "Voters expected", type: "integer", aliases: ["应到会有选举权党员", "应到会有选举权人数", "有选举权党员人数", "应到会人数", "应到人数", "应到会"], weight: 1, constraints: { minimum: 0 } },
    { name: "votersPresent", title: "实到会有选举权党员人数", titleEn: "Voters present", type: "integer", aliases: ["实到会有选举权党员", "实到会有选举权人数", "实到会人数", "实到人数", "实到会", "到会人数"], weight: 1, constraints: { minimum: 0 } },
    { name: "ballotsIssued", title: "发出选票数", titleEn: "Ballots issued", type: "integer", aliases: ["发出选票", "发放选票", "发放选票数", "发出票数"], weight: 0.5, constraints: { minimum: 0 } },
    { name: "ballotsReturned", title: "收回选票数", titleEn: "Ballots returned", type: "integer", aliases: ["收回选票", "回收选票", "回收选票数", "收回票数"], weight: 0.5, constraints: { minimum: 0 } },
    { ...COMMITTEE_SIZE, weight: 0.5 },
    { name: "electionDate", title: "选举日期", titleEn: "Election day", type: "date", aliases: ["选举时间", "换届选举时间", "换届选举日期", "召开党员大会时间"], weight: 1 },
    NOTE,
  ],
  rules: [{ rule: "committee.election" }],
  minScore: 5,
  requiredHeaders: ["name", "votes", "electedPost"],
  titleWords: ["换届选举", "选举结果", "当选"],
};
