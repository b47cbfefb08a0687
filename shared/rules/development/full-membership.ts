import { addMonths, toIso } from "../../calendar/days.js";
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
      const joined = ctx.num(rec, "joinDate");
      const meeting = ctx.num(rec, "fullMeetingDate");
      if (joined === null || meeting === null) continue;
      const due = addMonths(joined, months + (ctx.num(rec, "extensionMonths") ?? 0));
      if (meeting < due) ctx.atCell(rec, "fullMeetingDate", "development.fullMeetingEarly", "error", { value: toIso(meeting), due: toIso(due) }, `≥ ${toIso(due)}`);
      const approved = ctx.num(rec, "fullApprovalDate");
      if (approved !== null && approved >= meeting && approved > addMonths(meeting, approvalWarnMonths)) {
        ctx.atCell(rec, "fullApprovalDate", "development.fullApprovalLate", "warning", { value: toIso(approved), months: approvalWarnMonths });
      }
    }
  },
};
