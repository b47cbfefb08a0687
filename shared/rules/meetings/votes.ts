import type { Rule, RuleContext } from "../context.js";
import { meetingOf } from "./meeting-of.js";

/**
 * M9 (条例 第十一条) where a general meeting's record counts its voting members apart
 * (应到会人数 over 合计 and 其中有表决权): the voting members are part of those counted, more than
 * `generalQuorumShare` of the voting members expected are present, and a resolution's yes votes
 * exceed `development.voteMajorityShare` of them (counted against those expected, not those present: the one
 * majority every general meeting's vote is held to).
 */
function judgeVotersCountedApart(ctx: RuleContext): void {
  const m = ctx.ruleSet.meetings;
  const general = m.requirements[0]?.type;
  for (const rec of ctx.records) {
    const expected = ctx.num(rec, "votersExpected");
    const present = ctx.num(rec, "votersPresent");
    const allExpected = ctx.num(rec, "expected");
    const allPresent = ctx.num(rec, "present");
    if (expected !== null && allExpected !== null && expected > allExpected) {
      ctx.atCell(rec, "votersExpected", "meetings.votersAboveAll", "error", { voters: expected, all: allExpected, what: ctx.lang === "zh" ? "应到" : "expected" });
      continue;
    }
    if (present !== null && allPresent !== null && present > allPresent) {
      ctx.atCell(rec, "votersPresent", "meetings.votersAboveAll", "error", { voters: present, all: allPresent, what: ctx.lang === "zh" ? "实到" : "present" });
      continue;
    }
    if (expected === null || present === null || meetingOf(ctx, rec)?.type !== general) continue;
    if (present > expected) {
      ctx.atCell(rec, "votersPresent", "meetings.votersOver", "error", { present, expected });
      continue;
    }
    const quorum = expected * m.generalQuorumShare;
    if (!(present > quorum)) ctx.atCell(rec, "votersPresent", "meetings.votersQuorum", "error", { present, expected }, `> ${quorum}`);
    const yes = ctx.num(rec, "votesYes");
    const majority = expected * ctx.ruleSet.development.voteMajorityShare;
    if (yes !== null && !(yes > majority)) ctx.atCell(rec, "votesYes", "meetings.voteNotPassed", "error", { yes, expected, majority }, `> ${majority}`);
  }
}

/**
 * A vote a general meeting records (接收预备党员, 转正: 赞成10 反对4 弃权2 in one cell) passes only with
 * more yes votes than half of the voting members expected (细则 第二十一条; G10), not of those present:
 * the same share the development record is held to (rule set: development.voteMajorityShare). A meeting
 * without its quorum could not vote at all: that is said once, by the attendance rule, not again here.
 */
function judgeVotesInOneCount(ctx: RuleContext): void {
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
}

/** A general meeting's record that counts its voting members apart (应到会人数 over 合计 and 其中有表决权). */
export const meetingVotesRule: Rule = {
  needs: ["votersExpected", "votersPresent"],
  run: judgeVotersCountedApart,
};

/** A vote counted against all the members expected, where the record does not count its voting members apart. */
export const meetingVoteCountRule: Rule = {
  needs: ["expected", "votesYes"],
  run(ctx) {
    if (!ctx.has("votersExpected")) judgeVotesInOneCount(ctx);
  },
};
