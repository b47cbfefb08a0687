import { shifted, surelyBefore, type DateValue } from "../../calendar/precision.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";

/**
 * The development steps happen in order (细则 sequence; G3, G8, G9, G12, G13): each step names
 * the steps that must come before it, as the domain rules state them — A ≤ T ≤ J ≤ F ≤ R ≤ S,
 * J ≤ 备案 (细则第八条), F ≤ Z ≤ R (政审 before the branch meeting), Y ≤ R (预审 before it too, but the rules set no
 * order between 政审 and 预审), Tw ≤ S, S ≤ X, then the full-membership steps. A step whose
 * date is missing passes its own predecessors on. A date is out of order when it surely
 * precedes one of them; it is said once, against the latest such.
 */
const BEFORE: Record<string, readonly string[]> = {
  applyDate: [],
  talkDate: ["applyDate"],
  activistDate: ["talkDate"],
  candidateDate: ["activistDate"],
  // 备案 of the activist or, later, of the candidate: either way not before the activist is named.
  filingDate: ["activistDate"],
  politicalReviewDate: ["candidateDate"],
  preReviewDate: ["candidateDate"],
  joinDate: ["politicalReviewDate", "preReviewDate"],
  partyTalkDate: ["joinDate"],
  approvalDate: ["partyTalkDate"],
  oathDate: ["approvalDate"],
  fullApplyDate: ["oathDate"],
  fullMeetingDate: ["fullApplyDate"],
  fullApprovalDate: ["fullMeetingDate"],
};

/**
 * A step whose day the record states a second time: the 支部大会 that admits (入党时间) is where the 预备期
 * starts, so a 预备期满时间 (or 转正时间) a probation after it says the same day again. Out of order with an
 * earlier step, such a day is not the one to fix: the earlier step is said, at its own cell, as coming after it.
 */
function corroborated(ctx: RuleContext, rec: LedgerRecord, name: string, day: DateValue): boolean {
  if (name !== "joinDate" || day.precision !== "day") return false;
  const months = ctx.ruleSet.probation.months;
  return ["probationEnd", "fullDate"].some((other) => {
    const d = ctx.date(rec, other);
    return d !== null && d.precision === "day" && d.day === shifted(day, months).day;
  });
}

export const developmentOrderRule: Rule = {
  needs: [],
  run(ctx) {
    const present = Object.keys(BEFORE).filter((name) => ctx.has(name));
    if (present.length < 2) return;
    for (const rec of ctx.records) {
      const dates = new Map<string, DateValue>();
      for (const name of present) {
        const d = ctx.date(rec, name);
        if (d !== null) dates.set(name, d);
      }
      // The nearest earlier steps that have a date, through the missing ones.
      const earlier = (name: string, out: Set<string>): Set<string> => {
        for (const p of BEFORE[name]!) {
          if (dates.has(p)) out.add(p);
          else earlier(p, out);
        }
        return out;
      };
      for (const [name, day] of dates) {
        let latest: { name: string; day: DateValue } | null = null;
        for (const p of earlier(name, new Set())) {
          const before = dates.get(p)!;
          // A date written to the month (2019.03) is out of order only if every day it can be is.
          if (surelyBefore(day, before) && (latest === null || before.day > latest.day.day)) latest = { name: p, day: before };
        }
        if (!latest) continue;
        if (corroborated(ctx, rec, name, day) && !corroborated(ctx, rec, latest.name, latest.day)) {
          ctx.atCell(rec, latest.name, "dates.orderAfter", "error", { value: ctx.dateText(rec, latest.name, latest.day), after: ctx.title(name), afterValue: ctx.dateText(rec, name, day) });
        } else ctx.atCell(rec, name, "dates.order", "error", { value: ctx.dateText(rec, name, day), before: ctx.title(latest.name), beforeValue: ctx.dateText(rec, latest.name, latest.day) });
      }
    }
  },
};
