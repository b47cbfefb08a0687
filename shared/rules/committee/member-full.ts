import { addMonths, toIso } from "../../calendar/days.js";
import { surelyBefore } from "../../calendar/precision.js";
import type { Rule } from "../context.js";

/**
 * A committee member is a full member when elected (党章 第七条: 预备党员没有表决权、选举权和
 * 被选举权): a member list that gives 入党时间 / 转正时间 shows who was still on probation on the
 * day of taking the post. Without a 转正时间, only a post taken within the probation year counts.
 */
export const committeeMemberFullRule: Rule = {
  needs: ["appointedDate"],
  run(ctx) {
    if (!ctx.has("joinDate") && !ctx.has("fullDate")) return;
    const months = ctx.ruleSet.probation.months;
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
