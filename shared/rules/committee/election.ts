import { addMonths, toIso } from "../../calendar/days.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";

/**
 * A committee election's result (基层组织选举工作条例; domain rules 2.1, 2.2): the election needs more
 * than `electionQuorumShare` of those with a vote present (五分之四), each one elected more votes than
 * `electionWinShare` of those expected with a vote (半数, counted against 应到, not 实到), and no one
 * elected may be a 预备党员 (no 被选举权, 第五条); more ballots returned than issued void the vote.
 */
const NOT_ELECTED = /未当选|落选|不当选|^\s*(?:否|无|—|-)\s*$/;

/** Two decimals at most: 46 × 0.8 is 36.8, not 36.800000000000004. */
const shown = (x: number): number => Math.round(x * 100) / 100;
const percent = (share: number): string => `${shown(share * 100)}%`;

function elected(ctx: RuleContext, rec: LedgerRecord): string | null {
  const post = ctx.str(rec, "electedPost");
  return post === null || NOT_ELECTED.test(post) ? null : post;
}

/** Whether the person was still on probation on the day of the election: the 党员类别 says so, else the 入党时间. */
function probationary(ctx: RuleContext, rec: LedgerRecord, day: number): "status" | "joinDate" | null {
  const status = ctx.str(rec, "status");
  if (status !== null) return /预备/.test(status) ? "status" : null;
  const joined = ctx.date(rec, "joinDate");
  if (joined === null || ctx.date(rec, "fullDate") !== null) return null;
  return joined.day <= day && addMonths(joined.day, ctx.ruleSet.probation.months) > day ? "joinDate" : null;
}

export const committeeElectionRule: Rule = {
  needs: ["electedPost"],
  run(ctx) {
    const { electionQuorumShare, electionWinShare } = ctx.ruleSet.branch;
    const first = ctx.records[0];
    if (!first) return;
    // The meeting's counts are the form's (label–value cells above the table), the same on every row.
    const expected = ctx.num(first, "votersExpected");
    const present = ctx.num(first, "votersPresent");
    if (expected !== null && present !== null) {
      if (present > expected) ctx.atCell(first, "votersPresent", "committee.votersOver", "error", { present, expected });
      else if (!(present > expected * electionQuorumShare)) {
        const quorum = shown(expected * electionQuorumShare);
        ctx.atCell(first, "votersPresent", "committee.electionQuorum", "error", { present, expected, share: percent(electionQuorumShare), quorum }, `> ${quorum}`);
      }
    }
    // 收回的选票多于发出的选票，选举无效: the count is the form's too.
    const issued = ctx.num(first, "ballotsIssued");
    const returned = ctx.num(first, "ballotsReturned");
    if (issued !== null && returned !== null && returned > issued) ctx.atCell(first, "ballotsReturned", "committee.ballotsOver", "error", { returned, issued });
    const day = ctx.date(first, "electionDate")?.day ?? ctx.asOf;
    for (const rec of ctx.records) {
      const post = elected(ctx, rec);
      if (post === null) continue;
      const name = ctx.str(rec, "name") ?? "";
      const votes = ctx.num(rec, "votes");
      if (votes !== null && expected !== null && !(votes > expected * electionWinShare)) {
        const majority = shown(expected * electionWinShare);
        ctx.atCell(rec, "votes", "committee.winnerVotes", "error", { name, votes, expected, share: percent(electionWinShare), majority }, `> ${majority}`);
      }
      const onProbation = probationary(ctx, rec, day);
      if (onProbation) ctx.atCell(rec, onProbation, "committee.probationaryElected", "error", { name, post, day: toIso(day) });
    }
  },
};
