import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";

/**
 * Who sits on the Party committee by the list's 政治面貌 (党章第七条; 基层组织选举工作条例第五条): one holding a
 * Party post is a Party member, and a full one — 预备党员 have no right to be elected. A row with no Party post
 * and a 政治面貌 of no Party member (a 村委会 member on a 两委 list) belongs to the other body: not counted.
 */
type Standing = "member" | "probationary" | "none" | null;

function standingOf(ctx: RuleContext, rec: LedgerRecord): Standing {
  const status = ctx.str(rec, "politicalStatus")?.trim() ?? "";
  if (status === "") return null;
  const words = ctx.ruleSet.committeeStatus;
  if (words.probationaryWords.some((w) => status.includes(w))) return "probationary";
  return words.memberWords.some((w) => status.includes(w)) ? "member" : "none";
}

function hasPost(ctx: RuleContext, rec: LedgerRecord): boolean {
  return (ctx.str(rec, "post")?.trim() ?? "") !== "";
}

/** A row of another body only (村委会 委员, 群众, no Party post): not one of the Party committee's members. */
export function otherBodyOnly(ctx: RuleContext, rec: LedgerRecord): boolean {
  return ctx.has("post", "politicalStatus") && !hasPost(ctx, rec) && standingOf(ctx, rec) === "none";
}

export const committeeMemberStatusRule: Rule = {
  needs: ["name", "post", "politicalStatus"],
  run(ctx) {
    for (const rec of ctx.records) {
      if (!hasPost(ctx, rec)) continue;
      const standing = standingOf(ctx, rec);
      const args = { name: ctx.str(rec, "name") ?? "", post: ctx.str(rec, "post") ?? "", status: ctx.str(rec, "politicalStatus") ?? "" };
      if (standing === "none") ctx.atCell(rec, "politicalStatus", "committee.memberNotParty", "error", args);
      else if (standing === "probationary") ctx.atCell(rec, "politicalStatus", "committee.memberProbationaryStatus", "error", args);
    }
  },
};
