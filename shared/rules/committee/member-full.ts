import { addMonths, toIso } from "../../calendar/days.js";
import { surelyBefore } from "../../calendar/precision.js";
import type { Rule, RuleContext } from "../context.js";

/**
 * A committee member is a full member when elected (党章 第七条: 预备党员没有表决权、选举权和
 * 被选举权): a member list that gives 入党时间 / 转正时间 shows who was still on probation on the
 * day of taking the post. Without a 转正时间, only a post taken within the probation year counts.
 */
export const committeeMemberFullRule: Rule = {
  needs: [],
  run(ctx) {
    if (!ctx.has("joinDate") && !ctx.has("fullDate")) return;
    const months = ctx.ruleSet.probation.months;
    if (!ctx.has("appointedDate")) {
      probationaryNow(ctx, months);
      return;
    }
    for (const rec of ctx.records) {
      const appointed = ctx.date(rec, "appointedDate");
      if (appointed === null) continue;
      const joined = ctx.date(rec, "joinDate");
      const full = ctx.date(rec, "fullDate");
      const onProbation = full !== null ? surelyBefore(appointed, full) : joined !== null && appointed.day < addMonths(joined.day, months) && !surelyBefore(appointed, joined);
      if (!onProbation) continue;
      // The day of taking the post is what the rule is broken on (the name says who).
      ctx.atCell(rec, "appointedDate", "committee.memberProbationary", "error", {
        name: ctx.str(rec, "name") ?? "",
        appointed: toIso(appointed.day),
        joined: joined ? toIso(joined.day) : "—",
      });
    }
  },
};

/**
 * A list of the committee with no 任职时间 is the committee as it stands: a member still on probation on the
 * as-of day (admitted, even at the earliest day its date allows, less than the probation ago, with no 转正 by then) sits on it without the right to be elected.
 */
function probationaryNow(ctx: RuleContext, months: number): void {
  for (const rec of ctx.records) {
    const joined = ctx.date(rec, "joinDate");
    const full = ctx.date(rec, "fullDate");
    const onProbation = full !== null ? full.day > ctx.asOf : joined !== null && joined.day <= ctx.asOf && addMonths(joined.day, months) > ctx.asOf;
    if (!onProbation) continue;
    ctx.atCell(rec, "name", "committee.memberProbationaryNow", "error", { name: ctx.str(rec, "name") ?? "", asOf: toIso(ctx.asOf), joined: joined ? shownDate(joined) : "—" });
  }
}

/** A date as far as it was written: 2025.3 is 2025-03, not 2025-03-01. */
function shownDate(d: { day: number; precision?: string }): string {
  const iso = toIso(d.day);
  return d.precision === "month" ? iso.slice(0, 7) : d.precision === "year" ? iso.slice(0, 4) : iso;
}
