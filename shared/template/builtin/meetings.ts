import type { Template } from "../schema.js";
import { BRANCH, NOTE } from "./common-fields.js";

/**
 * 三会一课 register: all meeting types in one sheet (会议类型 column, or the type named in
 * 会议名称 / 活动名称), one sheet per type (named by the sheet, its title or its file), or a
 * 主题党日 register.
 */
export const meetingsTemplate: Template = {
  id: "meetings",
  version: 1,
  kind: "meetings",
  title: "三会一课登记簿",
  titleEn: "Meetings register (三会一课)",
  fields: [
    BRANCH,
    { name: "type", title: "会议类型", titleEn: "Meeting type", type: "string", aliases: ["类型", "类别", "会议类别", "活动类型", "会议种类", "活动类别"], weight: 3, content: { kind: "meetingType" } },
    { name: "title", title: "会议名称", titleEn: "Meeting title", type: "string", aliases: ["会议主题", "主题", "活动名称", "党课题目", "活动主题", "党课主题", "党课名称", "课题", "主题党日名称"], weight: 1.5 },
    { name: "host", title: "主持人姓名", titleEn: "Chaired by", type: "string", aliases: ["主持人", "组织人", "主持", "主持人/主讲人", "主持人(主讲人)", "主持人或主讲人"], weight: 1.5, recommended: true, content: { kind: "personName" } },
    // Who gave a 党课 (M4 counts the secretary's), beside who chaired the meeting.
    { name: "speaker", title: "主讲人", titleEn: "Lecturer", type: "string", aliases: ["授课人", "主讲人姓名", "授课人姓名", "讲课人", "宣讲人", "主讲"], weight: 1.5, content: { kind: "personName" } },
    { name: "recorder", title: "记录人姓名", titleEn: "Recorded by", type: "string", aliases: ["记录人", "记录"], weight: 1.5, content: { kind: "personName" } },
    { name: "plannedDate", title: "计划会议时间", titleEn: "Planned for", type: "datetime", aliases: ["计划时间", "计划召开时间"], weight: 1.5 },
    {
      name: "date",
      title: "实际会议时间",
      titleEn: "Held on",
      type: "datetime",
      aliases: ["实际时间", "会议时间", "时间", "日期", "召开时间", "会议日期", "活动时间", "活动日期", "开展时间", "召开日期", "举办时间", "上课时间", "授课时间", "实际召开时间", "开会时间", "活动月份", "开展月份", "召开月份", "会议月份", "开始时间", "会议开始时间", "活动开始时间"],
      weight: 2,
      constraints: { required: true },
    },
    { name: "place", title: "会议地点", titleEn: "Place", type: "string", aliases: ["地点", "活动地点", "开会地点", "召开地点", "上课地点"], weight: 1 },
    { name: "expected", title: "应到人数", titleEn: "Expected", type: "integer", aliases: ["应到", "应参会人数", "应参加人数", "应参加", "应出席人数", "应到会人数", "应到委员", "应到委员人数", "应出席委员", "应到/实到", "应到/实到人数", "应到实到人数", "应到/实到会人数"], weight: 2, constraints: { minimum: 0 }, pairEnd: "present" },
    { name: "present", title: "实到人数", titleEn: "Present", type: "integer", aliases: ["实到", "参会人数", "参加人数", "实参加", "实参加人数", "出席人数", "实际出席人数", "到会人数", "实到会人数", "参与人数", "实到委员", "实到委员人数", "出席委员", "实际出席委员"], weight: 2, constraints: { minimum: 0 } },
    // A general meeting's voting members (预备党员 have no vote): 应到会人数 over 合计 and 其中有表决权.
    { name: "votersExpected", title: "应到会有表决权人数", titleEn: "Voting members expected", type: "integer", aliases: ["应到有表决权人数", "应到有表决权党员", "应到会有表决权党员", "应到会人数有表决权", "应到人数有表决权", "应到有表决权"], weight: 1, constraints: { minimum: 0 } },
    { name: "votersPresent", title: "实到会有表决权人数", titleEn: "Voting members present", type: "integer", aliases: ["实到有表决权人数", "实到有表决权党员", "实到会有表决权党员", "实到会人数有表决权", "实到人数有表决权", "实到有表决权", "到会有表决权人数"], weight: 1, constraints: { minimum: 0 } },
    // A vote the meeting took (接收、转正): the yes votes, also where the cell gives all three (赞成10 反对4 弃权2).
    { name: "votesYes", title: "赞成票数", titleEn: "Votes in favour", type: "integer", aliases: ["赞成", "赞成人数", "赞成票", "表决结果赞成", "同意票数", "表决", "表决结果", "表决情况", "表决票数"], weight: 1, constraints: { minimum: 0 } },
    // The committee's size a register states above its table (支部委员3名): whom a 支委会 row's 实到 is out of, where it has no 应到.
    { name: "committeeSize", title: "支部委员人数", titleEn: "Committee members", type: "integer", aliases: ["支部委员", "支委人数", "支委会委员人数", "支委会成员"], weight: 0.5, constraints: { minimum: 0 } },
    // 参会情况 written as a sentence (应到22人，实到20人，缺席2人（…）), or 参加人员 as a list of names: 应到, 实到 and
    // 缺席 where no column holds them. Little weight: a booking book's 参加人员 says nothing of a register.
    { name: "attendance", title: "参会情况", titleEn: "Attendance", type: "string", aliases: ["出席情况", "到会情况", "出勤情况", "参会人员情况", "人员出席情况", "出席人员情况", "参加会议情况", "到会人员情况", "参加人员", "参会人员", "出席人员", "到会人员", "参加对象"], weight: 0.25, sentence: "attendance", fills: ["expected", "present", "leave"] },
    { name: "leave", title: "请假人数", titleEn: "On leave", type: "integer", aliases: ["请假", "缺席人数", "缺席", "缺席委员人数"], weight: 1, constraints: { minimum: 0 } },
    // The √ of an attendance matrix counted, beside the 实到 it states (no sheet has this header of its own).
    { name: "marked", title: "打√人数", titleEn: "Marked present", type: "integer", aliases: [], weight: 0.5, constraints: { minimum: 0 } },
    { name: "group", title: "党小组", titleEn: "Party group", type: "string", aliases: ["党小组名称", "所在党小组"], weight: 0.5 },
    { name: "agenda", title: "会议议题", titleEn: "Agenda", type: "string", aliases: ["议题", "会议议程", "议程"], weight: 1 },
    { name: "content", title: "会议内容", titleEn: "Content", type: "string", aliases: ["内容", "主要内容", "活动内容", "学习内容", "会议主要内容", "党课内容"], weight: 1 },
    { name: "resolution", title: "会议决议", titleEn: "Resolutions", type: "string", aliases: ["决议", "会议决定", "决议事项"], weight: 1 },
    NOTE,
  ],
  rules: [{ rule: "meetings.attendance" }, { rule: "meetings.statedHeadCount" }, { rule: "meetings.votes" }, { rule: "meetings.voteCount" }, { rule: "meetings.frequency" }, { rule: "meetings.secretaryLecture" }],
  minScore: 4,
  requiredHeaders: ["date"],
  distinctive: [{ of: ["type", "title", "host", "recorder", "place", "expected", "present", "agenda", "content", "resolution"], min: 2 }],
  titleWords: ["三会一课", "会议记录", "会议登记", "主题党日", "组织生活会", "党课", "党员大会", "支委会", "党小组会", "支部委员会会议"],
};
