import { addMonths, toIso } from "../../calendar/days.js";
import { latestDay } from "../../calendar/precision.js";
import type { Rule } from "../context.js";

/**
 * G15 and G17: the branch meeting on full membership is held no earlier than the end of
 * probation (EDATE(admission, 12 + extension)), and the committee approves it within
 * the rule set's warning months (细则 第三十四条: three months).
 */
export const fullMembershipMeetingRule: Rule = {
  needs: ["joinDate", "fullMeetingDate"],
  run(ctx) {
    const { months } = ctx.ruleSet.probation;
    const { approvalWarnMonths } = ctx.ruleSet.development;
    for (const rec of ctx.records) {
      const joined = ctx.date(rec, "joinDate");
      const meeting = ctx.date(rec, "fullMeetingDate");
      if (joined === null || meeting === null) continue;
      const due = addMonths(joined.day, months + (ctx.num(rec, "extensionMonths") ?? 0));
      if (latestDay(meeting) < due && meeting.precision === "day") {
        ctx.atCell(rec, "fullMeetingDate", "development.fullMeetingEarly", "error", { value: toIso(meeting.day), due: toIso(due) }, `≥ ${toIso(due)}`);
      }
      const approved = ctx.date(rec, "fullApprovalDate");
      if (approved !== null && approved.day >= meeting.day && approved.day > addMonths(latestDay(meeting), approvalWarnMonths)) {
        ctx.atCell(rec, "fullApprovalDate", "development.fullApprovalLate", "warning", { value: ctx.dateText(rec, "fullApprovalDate", approved), months: approvalWarnMonths });
      }
    }
  },
};
