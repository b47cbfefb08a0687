import { placesByScore, type RankTies } from "../../scoring/ranks.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule } from "../context.js";

/**
 * A 排名 beside its score follows the score, highest first (domain rules §4.3, INF). Ties: as the sheet's own ranks
 * show (3, 3, 5 or 3, 3, 4), else as the rule set says. A column most of whose ranks do not follow the score ranks by
 * something else (within each unit, by another score) and is not judged.
 */
export const rankOrderRule: Rule = {
  needs: ["rank", "score"],
  run(ctx) {
    const { rankTies, rankAgreeShare, rankMinRows } = ctx.ruleSet.assessment;
    const rows: { rec: LedgerRecord; rank: number; score: number }[] = [];
    for (const rec of ctx.records) {
      const rank = ctx.num(rec, "rank");
      const score = ctx.num(rec, "score");
      if (rank !== null && score !== null) rows.push({ rec, rank, score });
    }
    if (rows.length < rankMinRows) return;
    const scores = rows.map((r) => r.score);
    // A tie the sheet breaks by something else (more 优秀 votes: 7 and 8 for two 84.5) takes the places the tie spans.
    const tied = scores.map((s) => scores.filter((t) => Math.abs(s - t) <= 1e-9).length);
    const spanStart = placesByScore(scores, "competition");
    const fits = (r: { rank: number }, i: number, places: number[]) => r.rank === places[i] || (tied[i]! > 1 && r.rank >= spanStart[i]! && r.rank < spanStart[i]! + tied[i]!);
    const agreeing = (places: number[]) => rows.filter((r, i) => fits(r, i, places)).length;
    const byRuleSet = placesByScore(scores, rankTies);
    const other: RankTies = rankTies === "competition" ? "dense" : "competition";
    const byOther = placesByScore(scores, other);
    const places = agreeing(byOther) > agreeing(byRuleSet) ? byOther : byRuleSet;
    if (agreeing(places) < rankAgreeShare * rows.length) return;
    rows.forEach((r, i) => {
      const want = places[i]!;
      // A rank beyond the number ranked is the range rule's to say (assessment.rank).
      if (r.rank < 1 || r.rank > rows.length) return;
      if (!fits(r, i, places)) ctx.atCell(r.rec, "rank", "assessment.rankOrder", "error", { rank: r.rank, score: String(r.score), expected: want }, String(want));
    });
  },
};
