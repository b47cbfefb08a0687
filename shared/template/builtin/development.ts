import type { Field, Template } from "../schema.js";
import { ACTIVIST_DATE, APPLY_DATE, BIRTH, BRANCH, CANDIDATE_DATE, EDUCATION, ETHNICITY, EXTENSION, FULL_DATE, PROBATION_END, ID_NUMBER, JOIN_DATE, MEMBER_ID, NAME, NOTE, PHONE, SEX } from "./common-fields.js";

/**
 * The one-word headers clerks give the steps on a sheet they make themselves (申请, 谈话, 积极分子, 发展对象,
 * 培训, 接收, 审批): on a development record each can only be that step's date. They are this template's
 * only, so a 花名册's 申请 or a meeting's 审批 column is not read as a step; the column must still hold dates.
 */
const alsoCalled = (field: Field, ...words: string[]): Field => ({ ...field, aliases: [...(field.aliases ?? []), ...words] });

/** 发展党员 record: one row per person on the way in (细则 25 steps, the dated ones). */
export const developmentTemplate: Template = {
  id: "development",
  version: 1,
  kind: "development",
  title: "发展党员工作台账",
  titleEn: "Member development record",
  fields: [
    NAME,
    MEMBER_ID,
    SEX,
    ETHNICITY,
    ID_NUMBER,
    BIRTH,
    EDUCATION,
    PHONE,
    BRANCH,
    {
      name: "stage",
      title: "当前发展阶段",
      titleEn: "Current stage",
      type: "string",
      aliases: ["发展阶段", "所处阶段", "目前阶段", "当前阶段"],
      weight: 2,
      content: { values: ["入党申请人", "申请入党人员", "入党积极分子", "积极分子", "发展对象", "列入发展计划", "领取志愿书", "预备党员", "正式党员"] },
    },
    alsoCalled(APPLY_DATE, "申请"),
    { name: "talkDate", title: "谈话时间", titleEn: "Talk date", type: "date", aliases: ["派人谈话时间", "党组织派人谈话时间", "谈话日期", "入党谈话时间", "谈话"], weight: 1.5 },
    alsoCalled(ACTIVIST_DATE, "积极分子"),
    // 细则第八条: the activist (or later the candidate) is 报上级党委备案; never before the activist is named.
    { name: "filingDate", title: "上级党委备案时间", titleEn: "Filed with the Party committee", type: "date", aliases: ["备案时间", "报上级党委备案时间", "党委备案时间", "报备时间"], weight: 1 },
    { name: "activistTrainingStart", title: "入党积极分子培训起始时间", titleEn: "Activist training start", type: "date", aliases: [], weight: 2 },
    { name: "activistTrainingEnd", title: "入党积极分子培训结束时间", titleEn: "Activist training end", type: "date", aliases: [], weight: 2 },
    { name: "activistExam", title: "积极分子结业考试成绩", titleEn: "Activist exam score", type: "number", aliases: [], weight: 2, constraints: { minimum: 0, maximum: 100 } },
    alsoCalled(CANDIDATE_DATE, "发展对象"),
    {
      name: "trainingStart",
      title: "发展对象培训起始时间",
      titleEn: "Candidate training start",
      type: "date",
      aliases: ["集中培训开始时间", "培训开始时间", "集中培训时间", "发展对象培训时间", "培训时间", "集中培训起止时间", "培训起止时间", "集中培训起止日期", "培训开始", "培训开始日期", "集中培训开始日期", "培训"],
      weight: 2,
      rangeEnd: "trainingEnd",
    },
    { name: "trainingEnd", title: "发展对象培训结束时间", titleEn: "Candidate training end", type: "date", aliases: ["集中培训结束时间", "培训结束时间", "培训结束", "培训结束日期", "集中培训结束日期", "培训截止时间"], weight: 2 },
    // The unit in brackets says what the column holds: 集中培训（学时） is the hours, not the dates.
    { name: "trainingHours", title: "培训学时", titleEn: "Training hours", type: "number", aliases: ["集中培训学时", "集中培训(学时)", "培训(学时)", "培训学时数", "集中培训学时数", "学时", "学时数", "培训时长(学时)"], weight: 1, constraints: { minimum: 0 } },
    { name: "trainingDays", title: "培训天数", titleEn: "Training days", type: "number", aliases: ["集中培训天数", "集中培训(天)", "培训(天)", "培训天数(天)", "集中培训天数(天)"], weight: 1, constraints: { minimum: 0 } },
    { name: "candidateExam", title: "发展对象结业考试成绩", titleEn: "Candidate exam score", type: "number", aliases: [], weight: 2, constraints: { minimum: 0, maximum: 100 } },
    { name: "planDate", title: "列入发展计划时间", titleEn: "In the plan since", type: "date", aliases: [], weight: 2 },
    { name: "formDate", title: "领取志愿书时间", titleEn: "Application form issued", type: "date", aliases: ["填写入党志愿书时间"], weight: 2 },
    { name: "formNumber", title: "志愿书编号", titleEn: "Form number", type: "string", aliases: ["入党志愿书编号"], weight: 2 },
    { name: "politicalReviewDate", title: "政治审查结论时间", titleEn: "Political review concluded", type: "date", aliases: ["政审时间", "政审结论时间", "政治审查时间"], weight: 2 },
    { name: "preReviewDate", title: "上级党委预审时间", titleEn: "Pre-review by the committee", type: "date", aliases: ["预审时间", "党委预审时间"], weight: 2 },
    { name: "introducers", title: "入党介绍人", titleEn: "Sponsors", type: "string", aliases: ["介绍人"], weight: 1 },
    // The branch's half-yearly 考察 of an activist (细则第十一条), as columns of their own.
    { name: "review1", title: "第一次考察时间", titleEn: "First review", type: "date", aliases: ["第一次考察", "第一次考察日期", "首次考察时间"], weight: 1 },
    { name: "review2", title: "第二次考察时间", titleEn: "Second review", type: "date", aliases: ["第二次考察", "第二次考察日期"], weight: 1 },
    { name: "review3", title: "第三次考察时间", titleEn: "Third review", type: "date", aliases: ["第三次考察", "第三次考察日期"], weight: 1 },
    { name: "contactPersons", title: "培养联系人", titleEn: "Contact persons", type: "string", aliases: ["培养人", "联系人", "培养联系人姓名"], weight: 2 },
    // 支部大会时间 on a development record is the meeting that admits (the 转正 meeting says 转正).
    alsoCalled(JOIN_DATE, "接收", "支部大会时间", "支部大会", "召开支部大会时间"),
    { name: "votersExpected", title: "应到有表决权人数", titleEn: "Voting members expected", type: "integer", aliases: ["应到人数", "应到会有表决权人数", "应到会有表决权党员", "应到有表决权党员", "应到会有表决权党员数"], weight: 1, constraints: { minimum: 0 } },
    { name: "votersPresent", title: "实到有表决权人数", titleEn: "Voting members present", type: "integer", aliases: ["实到人数", "到会有表决权人数", "实到会有表决权党员", "实到有表决权党员", "实到会有表决权党员数", "实到会有表决权人数"], weight: 1, constraints: { minimum: 0 } },
    { name: "votesYes", title: "赞成票数", titleEn: "Votes in favour", type: "integer", aliases: ["赞成人数", "赞成票"], weight: 1, constraints: { minimum: 0 } },
    // The vote as a sentence (表决情况: 应到会有表决权党员18人，实到16人，赞成16票): the three counts, where no column holds them.
    { name: "vote", title: "表决情况", titleEn: "Vote", type: "string", aliases: ["表决结果", "投票表决情况", "接收表决情况", "支部大会表决情况"], weight: 0.5, sentence: "vote", fills: ["votersExpected", "votersPresent", "votesYes"] },
    // The 转正 meeting's vote, judged as the admitting one is (细则 第二十、二十一条 apply to it alike).
    { name: "fullVote", title: "转正表决情况", titleEn: "Full-membership vote", type: "string", aliases: ["转正表决结果", "讨论转正表决情况"], weight: 0.5, sentence: "vote", fills: ["fullVotersExpected", "fullVotersPresent", "fullVotesYes"] },
    { name: "fullVotersExpected", title: "转正表决之应到", titleEn: "Full-membership vote: expected", type: "integer", aliases: [], weight: 0.5, constraints: { minimum: 0 } },
    { name: "fullVotersPresent", title: "转正表决之实到", titleEn: "Full-membership vote: present", type: "integer", aliases: [], weight: 0.5, constraints: { minimum: 0 } },
    { name: "fullVotesYes", title: "转正表决之赞成", titleEn: "Full-membership vote: in favour", type: "integer", aliases: [], weight: 0.5, constraints: { minimum: 0 } },
    { name: "partyTalkDate", title: "上级党委派人谈话时间", titleEn: "Committee's talk", type: "date", aliases: ["党委谈话时间", "党委派人谈话时间"], weight: 2 },
    { name: "approvalDate", title: "上级党委审批时间", titleEn: "Approval by the committee", type: "date", aliases: ["党委审批时间", "审批时间", "审批"], weight: 1.5 },
    { name: "oathDate", title: "入党宣誓时间", titleEn: "Oath taken", type: "date", aliases: ["宣誓时间", "宣誓日期"], weight: 2 },
    { name: "fullApplyDate", title: "转正申请时间", titleEn: "Asked for full membership", type: "date", aliases: ["提交转正申请时间", "递交转正申请书时间", "转正申请书时间"], weight: 2 },
    { name: "fullMeetingDate", title: "转正支部大会时间", titleEn: "Full-membership meeting", type: "date", aliases: ["讨论转正支部大会时间", "转正大会时间", "支部大会讨论转正时间", "支部大会通过转正时间", "讨论转正时间"], weight: 2 },
    { name: "fullApprovalDate", title: "转正审批时间", titleEn: "Full membership approved", type: "date", aliases: ["上级党委审批转正时间", "党委审批转正时间"], weight: 2 },
    FULL_DATE,
    PROBATION_END,
    EXTENSION,
    NOTE,
  ],
  rules: [
    { rule: "id.number" },
    { rule: "development.order" },
    { rule: "development.minimumAge" },
    { rule: "development.talkWithin" },
    { rule: "development.activistYear" },
    { rule: "development.training" },
    { rule: "development.trainingLength" },
    { rule: "development.approvalDelay" },
    { rule: "development.branchVote" },
    { rule: "development.sponsors" },
    { rule: "development.contactPersons" },
    { rule: "development.reviews" },
    { rule: "development.fullMembershipMeeting" },
    { rule: "member.probation" },
  ],
  minScore: 5,
  requiredHeaders: ["name"],
  // Dated steps of the way in, up to full membership (a 转正 register is one too): a training roster has 培训开始时间 too, but none of these.
  distinctive: [
    {
      of: ["stage", "applyDate", "talkDate", "activistDate", "candidateDate", "activistTrainingStart", "activistExam", "candidateExam", "planDate", "formDate", "formNumber", "politicalReviewDate", "preReviewDate", "partyTalkDate", "approvalDate", "oathDate", "fullApplyDate", "fullMeetingDate", "fullApprovalDate", "contactPersons", "introducers"],
      min: 2,
    },
  ],
  titleWords: ["发展党员", "入党积极分子", "发展对象", "入党申请", "党员发展"],
};
