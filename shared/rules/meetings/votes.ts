import type { Rule } from "../context.js";
import { meetingOf } from "./meeting-of.js";

/**
 * A vote a general meeting records (接收预备党员, 转正: 赞成10 反对4 弃权2 in one cell) passes only with
 * more yes votes than half of the voting members expected (细则 第二十一条; G10), not of those present:
 * the same share the development record is held to (rule set: development.voteMajorityShare). A meeting
 * without its quorum could not vote at all: that is said once, by the attendance rule, not again here.
 */
export const meetingVotesRule: Rule = {
  needs: ["expected", "votesYes"],
  run(ctx) {
    const share = ctx.ruleSet.development.voteMajorityShare;
    const quorum = ctx.ruleSet.meetings.generalQuorumShare;
    const general = ctx.ruleSet.meetings.requirements[0]?.type;
    for (const rec of ctx.records) {
      const expected = ctx.num(rec, "expected");
      const yes = ctx.num(rec, "votesYes");
      if (expected === null || yes === null) continue;
      const present = ctx.num(rec, "present");
      if (present !== null && !(present > expected * quorum) && meetingOf(ctx, rec)?.type === general) continue;
      const majority = expected * share;
      if (!(yes > majority)) ctx.atCell(rec, "votesYes", "development.voteNotPassed", "error", { yes, expected, majority }, `> ${majority}`);
    }
  },
};
