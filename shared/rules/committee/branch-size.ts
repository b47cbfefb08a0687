import type { Rule } from "../context.js";

/**
 * A terms register that gives each branch's members (换届工作台账; 支部工作条例 第二、六章):
 * a branch generally has at most `maxMembers` members (M12); one with fewer than
 * `minFullMembers` 正式党员 is not a branch of its own but part of a 联合党支部; one with
 * `committeeFromMembers` 正式党员 or more sets up a committee (M11), and one with fewer has
 * none (设1名书记，必要时可以设1名副书记): both errors, since the row states both facts.
 */
export const committeeBranchSizeRule: Rule = {
  needs: [],
  run(ctx) {
    const b = ctx.ruleSet.branch;
    const from = ctx.ruleSet.meetings.committeeFromMembers;
    if (!ctx.has("memberCount") && !ctx.has("fullMemberCount")) return;
    for (const rec of ctx.records) {
      const members = ctx.num(rec, "memberCount");
      if (members !== null && members > b.maxMembers) ctx.atCell(rec, "memberCount", "quota.branchSize", "warning", { members, max: b.maxMembers });
      const full = ctx.num(rec, "fullMemberCount");
      if (full === null) continue;
      if (full < b.minFullMembers) ctx.atCell(rec, "fullMemberCount", "committee.tooFewFullMembers", "warning", { members: full, min: b.minFullMembers });
      const has = ctx.get(rec, "hasCommittee");
      if (has === false && full >= from) ctx.atCell(rec, "hasCommittee", "committee.committeeRequired", "error", { members: full, from });
      // The row states both its 正式党员 and its committee: a committee below the threshold is as sure as none above it.
      else if (has === true && full < from) ctx.atCell(rec, "hasCommittee", "committee.tooBigForBranch", "error", { members: full, from, deputies: b.smallBranchMaxDeputies });
      else if (has === null && full < from && (ctx.num(rec, "committeeSize") ?? 0) >= b.committeeMinSize) {
        // 委员职数 3 where the branch has fewer than 7 full members: a committee it should not have.
        ctx.atCell(rec, "committeeSize", "committee.tooBigForBranch", "error", { members: full, from, deputies: b.smallBranchMaxDeputies });
      }
    }
  },
};
