import type { Rule, RuleContext } from "../context.js";

/**
 * G10 (细则 第二十、二十一条): the branch meeting that admits a member needs more than half
 * of the voting members expected present, and more than half of them voting yes
 * (counted against those expected, not those present).
 */
export const branchVoteRule: Rule = {
  needs: [],
  run(ctx) {
    // The admitting meeting's vote, and the 转正 meeting's where the record gives it (a 纪实表's 转正表决情况).
    for (const [e, p, y] of VOTES) if (ctx.has(e, p)) judgeVote(ctx, e, p, y);
  },
};

const VOTES = [
  ["votersExpected", "votersPresent", "votesYes"],
  ["fullVotersExpected", "fullVotersPresent", "fullVotesYes"],
] as const;

function judgeVote(ctx: RuleContext, e: string, p: string, y: string): void {
  const { voteQuorumShare, voteMajorityShare } = ctx.ruleSet.development;
  for (const rec of ctx.records) {
    const expected = ctx.num(rec, e);
    const present = ctx.num(rec, p);
    if (expected === null || present === null) continue;
    if (present > expected) {
      ctx.atCell(rec, p, "development.votersOver", "error", { present, expected });
      continue;
    }
    const quorum = expected * voteQuorumShare;
    if (!(present > quorum)) ctx.atCell(rec, p, "development.voteQuorum", "error", { present, expected, quorum }, `> ${quorum}`);
    const yes = ctx.num(rec, y);
    const majority = expected * voteMajorityShare;
    if (yes !== null && !(yes > majority)) ctx.atCell(rec, y, "development.voteNotPassed", "error", { yes, expected, majority }, `> ${majority}`);
  }
}

/** G6 (细则 第十四条): two sponsors (入党介绍人, the rule set's number), written as names. */
export const sponsorsRule: Rule = {
  needs: ["introducers"],
  run(ctx) {
    const required = ctx.ruleSet.development.sponsorsRequired;
    for (const rec of ctx.records) {
      const text = ctx.str(rec, "introducers");
      if (text === null) continue;
      const names = text.split(/[、,，;；/\\\s]+/).filter((n) => n.length > 0);
      if (names.length === required) continue;
      // Too few names, each plainly one person's (2–4 characters), breaks 第十四条; names run
      // together ("王建国李红梅") or more than required are for the clerk to look at.
      const plainlyFew = names.length < required && names.every((n) => /^[\u4e00-\u9fa5·]{2,4}$/.test(n));
      ctx.atCell(rec, "introducers", "development.sponsorCount", plainlyFew ? "error" : "warning", { value: text, count: names.length, required });
    }
  },
};
