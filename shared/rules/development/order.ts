import { toIso } from "../../calendar/days.js";
import type { Rule } from "../context.js";

/**
 * The development steps happen in order (细则 sequence; G3, G8, G9, G12, G13): application,
 * talk, activist, candidate, political review, pre-review, admission, the committee's talk,
 * approval, oath, full-membership meeting and approval, full membership. Each date present
 * must not precede the last earlier step that is present.
 */
const SEQUENCE = [
  "applyDate",
  "talkDate",
  "activistDate",
  "candidateDate",
  "politicalReviewDate",
  "preReviewDate",
  "joinDate",
  "partyTalkDate",
  "approvalDate",
  "oathDate",
  "fullMeetingDate",
  "fullApprovalDate",
];

export const developmentOrderRule: Rule = {
  needs: [],
  run(ctx) {
    const present = SEQUENCE.filter((name) => ctx.has(name));
    if (present.length < 2) return;
    for (const rec of ctx.records) {
      let prevName: string | null = null;
      let prev: number | null = null;
      for (const name of present) {
        const day = ctx.num(rec, name);
        if (day === null) continue;
        if (prev !== null && prevName !== null && day < prev) {
          ctx.atCell(rec, name, "dates.order", "error", { value: toIso(day), before: ctx.title(prevName), beforeValue: toIso(prev) });
        }
        prevName = name;
        prev = day;
      }
    }
  },
};
