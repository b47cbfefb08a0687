import type { Template } from "../schema.js";
import { BRANCH, NOTE } from "./common-fields.js";

/** 三会一课 register: all meeting types in one sheet (会议类型 column), or one sheet per type (named by the sheet). */
export const meetingsTemplate: Template = {
  id: "meetings",
  version: 1,
  kind: "meetings",
  title: "三会一课登记簿",
  titleEn: "Meetings register (三会一课)",
  fields: [
    BRANCH,
    { name: "type", title: "会议类型", titleEn: "Meeting type", type: "string", aliases: ["类型", "会议类别", "活动类型"], weight: 3 },
    { name: "title", title: "会议名称", titleEn: "Meeting title", type: "string", aliases: ["会议主题", "主题", "活动名称", "党课题目"], weight: 1.5 },
    { name: "host", title: "主持人姓名", titleEn: "Chaired by", type: "string", aliases: ["主持人", "主讲人", "授课人"], weight: 1.5 },
    { name: "recorder", title: "记录人姓名", titleEn: "Recorded by", type: "string", aliases: ["记录人"], weight: 1.5 },
    { name: "plannedDate", title: "计划会议时间", titleEn: "Planned for", type: "datetime", aliases: [], weight: 1.5 },
    { name: "date", title: "实际会议时间", titleEn: "Held on", type: "datetime", aliases: ["会议时间", "时间", "日期", "召开时间", "会议日期", "活动时间"], weight: 2, constraints: { required: true } },
    { name: "place", title: "会议地点", titleEn: "Place", type: "string", aliases: ["地点"], weight: 1 },
    { name: "expected", title: "应到人数", titleEn: "Expected", type: "integer", aliases: ["应到", "应参会人数"], weight: 2, constraints: { minimum: 0 } },
    { name: "present", title: "实到人数", titleEn: "Present", type: "integer", aliases: ["实到", "参会人数"], weight: 2, constraints: { minimum: 0 } },
    { name: "leave", title: "请假人数", titleEn: "On leave", type: "integer", aliases: ["请假", "缺席人数"], weight: 1, constraints: { minimum: 0 } },
    { name: "group", title: "党小组", titleEn: "Party group", type: "string", aliases: ["党小组名称", "所在党小组"], weight: 0.5 },
    { name: "agenda", title: "会议议题", titleEn: "Agenda", type: "string", aliases: ["议题"], weight: 1 },
    { name: "content", title: "会议内容", titleEn: "Content", type: "string", aliases: ["内容", "主要内容"], weight: 1 },
    { name: "resolution", title: "会议决议", titleEn: "Resolutions", type: "string", aliases: ["决议"], weight: 1 },
    NOTE,
  ],
  rules: [{ rule: "meetings.attendance" }, { rule: "meetings.frequency" }, { rule: "meetings.secretaryLecture" }],
  minScore: 4,
  requiredHeaders: ["date"],
};
