import type { Rule } from "../context.js";
import { readCommitteeMakeup } from "./makeup-cell.js";

/**
 * A terms register that writes each branch's committee in one cell (支部委员会组成) beside its
 * 正式党员 (M11; 支部工作条例 第六章): a branch of `committeeFromMembers` or more sets up a committee of
 * `committeeMinSize` to `committeeNormalMaxSize` members, at most `committeeMaxSize`; one with fewer
 * has a 书记 and at most `smallBranchMaxDeputies` 副书记, no 委员. Said at the cell that lists them.
 * A row that states 是否设支委会 or 委员人数 is judged on those (committee.branchSize, committee.size).
 */
export const committeeMakeupRule: Rule = {
  needs: ["committeeMakeup"],
  run(ctx) {
    const b = ctx.ruleSet.branch;
    const from = ctx.ruleSet.meetings.committeeFromMembers;
    for (const rec of ctx.records) {
      const text = ctx.str(rec, "committeeMakeup");
      if (text === null) continue;
      const makeup = readCommitteeMakeup(text);
      if (makeup === null) continue;
      if (ctx.get(rec, "hasCommittee") !== null || ctx.num(rec, "committeeSize") !== null) continue;
      const full = ctx.num(rec, "fullMemberCount");
      const size = makeup.people.length;
      const deputies = makeup.people.filter((p) => p.post === "deputy").length;
      const committeePosts = makeup.people.some((p) => p.post === "member");
      if (full !== null && full >= from && !committeePosts) {
        ctx.atCell(rec, "committeeMakeup", "committee.committeeRequired", "error", { members: full, from });
      } else if (full !== null && full < from && committeePosts) {
        ctx.atCell(rec, "committeeMakeup", "committee.tooBigForBranch", "error", { members: full, from, deputies: b.smallBranchMaxDeputies });
      } else if (committeePosts || (full !== null && full >= from)) {
        const args = { size, min: b.committeeMinSize, normal: b.committeeNormalMaxSize, max: b.committeeMaxSize };
        if (size > b.committeeMaxSize) ctx.atCell(rec, "committeeMakeup", "committee.size", "error", args);
        else if (size > b.committeeNormalMaxSize) ctx.atCell(rec, "committeeMakeup", "committee.sizeAboveNormal", "warning", args);
        else if (size < b.committeeMinSize) ctx.atCell(rec, "committeeMakeup", "committee.size", "warning", args);
      } else if (deputies > b.smallBranchMaxDeputies) {
        ctx.atCell(rec, "committeeMakeup", "committee.tooManyDeputies", "warning", { deputies, max: b.smallBranchMaxDeputies });
      }
    }
  },
};
