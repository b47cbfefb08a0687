import { surelyBefore, type DateValue } from "../../calendar/precision.js";
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
  "fullApplyDate",
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
      let prev: DateValue | null = null;
      for (const name of present) {
        const day = ctx.date(rec, name);
        if (day === null) continue;
        // A date written to the month (2019.03) is out of order only if every day it can be is.
        if (prev !== null && prevName !== null && surelyBefore(day, prev)) {
          ctx.atCell(rec, name, "dates.order", "error", { value: ctx.dateText(rec, name, day), before: ctx.title(prevName), beforeValue: ctx.dateText(rec, prevName, prev) });
        }
        prevName = name;
        prev = day;
      }
    }
  },
};
