import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { otherBodyOnly } from "./member-status.js";

/**
 * A committee's make-up (M11; 支部工作条例 第六章): exactly one 书记; a committee (which a
 * branch of `committeeFromMembers` 正式党员 or more must have) of 3 to 5 members, never more
 * than 7; a smaller branch sets a 书记 and at most one 副书记, no committee. Posts left empty
 * are 委员 (as the 录入样表 says). Where the book holds the roster, its 正式党员 say which
 * case applies; a members list alone is judged on what it shows, with warnings only (it may
 * be a partial list, such as an import of the members newly elected) — except a list of more members
 * than a committee may ever have, which is too many whatever the rest of the committee. Where the
 * 正式党员 are known (the roster, or the list's own line 正式党员5名), 委员 posts below the threshold are
 * an error: however partial the list, the committee it shows exists.
 */
type Post = "secretary" | "deputy" | "member";

function postOf(text: string | null): Post {
  if (text === null || text.trim() === "") return "member";
  if (/副书记/.test(text)) return "deputy";
  if (/书记/.test(text)) return "secretary";
  return "member";
}

/** A post that only a committee has: 委员, 组织委员, 宣传委员, 纪检委员 … */
const COMMITTEE_POST = /委员/;

function groupsOf(ctx: RuleContext): LedgerRecord[][] {
  const key = ctx.has("committeeName") ? "committeeName" : ctx.has("branch") ? "branch" : null;
  if (!key) return [ctx.records];
  const groups = new Map<string, LedgerRecord[]>();
  let last = "";
  for (const rec of ctx.records) {
    // A merged or blank cell continues the committee above.
    const k = ctx.str(rec, key) ?? last;
    last = k;
    groups.set(k, [...(groups.get(k) ?? []), rec]);
  }
  return [...groups.values()];
}

function leftThePost(ctx: RuleContext, rec: LedgerRecord): boolean {
  const left = ctx.has("leftPostDate") ? ctx.date(rec, "leftPostDate") : null;
  return left !== null && left.day <= ctx.asOf;
}

export const committeeCompositionRule: Rule = {
  needs: ["name", "post"],
  run(ctx) {
    const b = ctx.ruleSet.branch;
    const bookFull = ctx.book?.fullMembers ?? null;
    const from = ctx.ruleSet.meetings.committeeFromMembers;
    for (const group of groupsOf(ctx)) {
      // A 两委 list names the 村委会's members too: only the Party committee's are counted.
      // A system's list keeps who left the committee (离任日期 on or before the day of the check): not sitting.
      const people = group.filter((r) => ctx.str(r, "name") !== null && !otherBodyOnly(ctx, r) && !leftThePost(ctx, r));
      if (people.length === 0) continue;
      // A 党总支's list states each branch's 正式党员 beside its posts: that count says which case applies.
      const own = bookFull === null ? ctx.num(people[0]!, "fullMemberCount") : null;
      const fullMembers = bookFull ?? own;
      const severity = fullMembers !== null ? "error" : "warning";
      const countAt = own !== null ? "fullMemberCount" : "post";
      const posts = people.map((r) => postOf(ctx.str(r, "post")));
      const secretaries = people.filter((_, i) => posts[i] === "secretary");
      const deputies = posts.filter((p) => p === "deputy").length;
      const first = people[0]!;
      if (secretaries.length === 0) ctx.atCell(first, "post", "committee.noSecretary", severity, { count: people.length });
      for (const extra of secretaries.slice(1)) ctx.atCell(extra, "post", "committee.twoSecretaries", "error", { value: ctx.str(extra, "post") ?? "" });
      const isCommittee = fullMembers !== null ? fullMembers >= from : posts.includes("member");
      if (isCommittee && own !== null && people.length === 1) {
        // Only a 书记 where the branch's own count requires a committee.
        ctx.atCell(first, "fullMemberCount", "committee.committeeRequired", "error", { members: own, from });
      } else if (isCommittee && own !== null && !posts.includes("member")) {
        // A 书记 and 副书记 only, where the list's own count requires a committee: the small branch's form, said at
        // the last post listed (with the roster known, the size against the roster says it, below).
        ctx.atCell(people[people.length - 1]!, "post", "committee.committeeRequired", "error", { members: own, from });
      } else if (isCommittee) {
        // The size the form states (委员职数 | 8) is the committee's, said at that cell; else the list's.
        const stated = ctx.num(first, "committeeSize");
        const n = stated !== null && stated >= people.length ? stated : people.length;
        const at = stated !== null && stated >= people.length ? "committeeSize" : "name";
        // A list longer than a committee may ever be is too long at its last member (the 9th of 9).
        const where = at === "name" && n > b.committeeMaxSize ? people[people.length - 1]! : first;
        const atField = where === first ? at : "post";
        const args = { size: n, min: b.committeeMinSize, normal: b.committeeNormalMaxSize, max: b.committeeMaxSize, ...(fullMembers !== null ? { members: fullMembers } : {}) };
        // With the roster known, the message says why a committee of this size is required.
        // A list may be partial (too few is only a warning), but more than the maximum already listed is too many.
        const sizeSeverity = n > b.committeeMaxSize ? "error" : severity;
        if (n < b.committeeMinSize || n > b.committeeMaxSize) ctx.atCell(where, atField, bookFull !== null ? "committee.sizeForBranch" : "committee.size", sizeSeverity, args);
        else if (n > b.committeeNormalMaxSize) ctx.atCell(first, at, "committee.sizeAboveNormal", "warning", args);
      } else if (fullMembers !== null && (posts.includes("member") || deputies > b.smallBranchMaxDeputies)) {
        // 组织委员、宣传委员 exist only on a committee: with the 正式党员 known to be fewer than the
        // threshold, the branch has one it may not have (条例第六章), however partial the list. A post
        // that is no 委员 (党小组长) or one deputy too many only says so less surely.
        const committeePosts = people.some((r, i) => posts[i] === "member" && COMMITTEE_POST.test(ctx.str(r, "post") ?? ""));
        ctx.atCell(first, countAt, "committee.tooBigForBranch", committeePosts ? "error" : "warning", { members: fullMembers, from, deputies: b.smallBranchMaxDeputies });
      } else if (deputies > b.smallBranchMaxDeputies && !posts.includes("member")) {
        ctx.atCell(first, "post", "committee.tooManyDeputies", "warning", { deputies, max: b.smallBranchMaxDeputies });
      }
    }
  },
};
