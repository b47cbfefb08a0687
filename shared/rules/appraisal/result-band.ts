import { appraisalScore, gradeForScore, validVotes } from "../../scoring/appraisal.js";
import type { Rule } from "../context.js";
import { votesOf } from "./votes.js";

/**
 * A 民主评议党员 verdict beside its score (测评得分) follows the rule set's bands, read on the verdict's
 * scale through `gradeEquivalents` (合格 is 称职): 优秀 with 76 points is a 合格's score. Where the row
 * has its votes, the score they make is the one judged (a wrong score is said by appraisal.votes) and
 * the one-third 不合格 veto holds; a row the veto already speaks for is left to it.
 */
export const resultBandRule: Rule = {
  needs: ["result", "score"],
  run(ctx) {
    if (ctx.has("grade")) return;
    const rules = ctx.ruleSet.appraisal;
    const onScale = new Map(Object.entries(rules.gradeEquivalents).map(([word, band]) => [band, word]));
    for (const rec of ctx.records) {
      const result = ctx.str(rec, "result");
      if (result === null) continue;
      const asBand = rules.gradeEquivalents[result] ?? result;
      // 不定等次, 好/较好: no band to hold it to.
      if (!rules.bands.some((b) => b.grade === asBand)) continue;
      const votes = votesOf(ctx, rec);
      const valid = votes ? validVotes(votes) : 0;
      const share = votes && valid > 0 ? votes.incompetent / valid : 0;
      if (share > rules.incompetentVetoShare && rules.vetoedGrades.includes(asBand)) continue;
      const score = (votes ? appraisalScore(votes, rules) : null) ?? ctx.num(rec, "score");
      if (score === null) continue;
      const band = gradeForScore(score, rules, share);
      if (band === asBand) continue;
      const expected = rules.resultGrades.includes(result) ? (onScale.get(band) ?? band) : band;
      ctx.atCell(rec, "result", "appraisal.resultBandMismatch", "error", { value: result, expected, score: score.toFixed(rules.decimals) }, expected);
    }
  },
};
