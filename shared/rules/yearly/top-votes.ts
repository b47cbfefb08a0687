import { votesOf } from "../appraisal/votes.js";
import { rateDisagrees, statedPercent } from "../derived/stated-rate.js";
import type { Rule } from "../context.js";

/**
 * A 述职评议's votes for its two top grades (好 and 较好): the share the sheet states is their sum over those taking
 * part (else over the valid votes), and where the rule set sets a floor (LOCAL: 低于60%的，不得评为好或较好), a
 * grade it names needs at least that share.
 */
export const topVotesRule: Rule = {
  needs: ["result"],
  run(ctx) {
    const floor = ctx.ruleSet.organisationAssessment.topVotesFloor;
    for (const rec of ctx.records) {
      const votes = votesOf(ctx, rec);
      const of = ctx.num(rec, "voters") ?? (votes ? votes.excellent + votes.competent + votes.basic + votes.incompetent : null);
      const top = votes ? votes.excellent + votes.competent : null;
      const stated = ctx.has("topVotesShare") ? statedPercent(ctx, rec, "topVotesShare") : null;
      if (stated !== null && top !== null && of !== null) {
        const want = rateDisagrees(stated, top, of);
        if (want !== null) {
          ctx.atCell(rec, "topVotesShare", "orgAssessment.topVotesShareMismatch", "error", { value: stated.text, top, of, expected: want }, want);
          continue;
        }
      }
      if (floor === null) continue;
      const grade = ctx.str(rec, "result")?.trim() ?? "";
      if (!floor.grades.includes(grade)) continue;
      const percent = top !== null && of !== null && of > 0 ? (top / of) * 100 : stated?.percent ?? null;
      if (percent === null || percent >= floor.share * 100 - 1e-9) continue;
      ctx.atCell(rec, "result", "orgAssessment.topVotesBelowFloor", "error", { value: grade, share: `${percent.toFixed(1)}%`, floor: `${Math.round(floor.share * 100)}%` });
    }
  },
};
