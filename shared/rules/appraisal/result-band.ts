import { appraisalScore, gradeForScore, validVotes, type Votes } from "../../scoring/appraisal.js";
import { bandOf } from "../../notes/score-bands.js";
import type { LedgerRecord } from "../../records/build.js";
import type { RuleSet } from "../../ruleset/schema.js";
import type { Rule, RuleContext } from "../context.js";
import { statedBands } from "../yearly/stated-bands.js";
import { appraisalRulesOf } from "./stated-conversion.js";
import { votesOf } from "./votes.js";

/**
 * A 民主评议党员 verdict beside its score (测评得分) follows the rule set's bands, read on the verdict's
 * scale through `gradeEquivalents` (合格 is 称职): 优秀 with 76 points is a 合格's score. Where the row
 * has its votes, the score they make is the one judged (a wrong score is said by appraisal.votes) and
 * the one-third 不合格 veto holds; a row the veto already speaks for is left to it. Where the sheet
 * states its own bands (90分及以上为“好”，80—89.99分为“较好”…), the verdict follows those instead.
 */
export const resultBandRule: Rule = {
  needs: ["result", "score"],
  run(ctx) {
    if (ctx.has("grade")) return;
    const rules = appraisalRulesOf(ctx);
    const onScale = new Map(Object.entries(rules.gradeEquivalents).map(([word, band]) => [band, word]));
    const known = [...rules.resultGrades, ...rules.resultScales.flat(), ...rules.bands.map((b) => b.grade)];
    const stated = statedBands(ctx, known);
    for (const rec of ctx.records) {
      const result = ctx.str(rec, "result");
      if (result === null) continue;
      const votes = votesOf(ctx, rec);
      const valid = votes ? validVotes(votes) : 0;
      const share = votes && valid > 0 ? votes.incompetent / valid : 0;
      if (stated) {
        if (!stated.bands.some((b) => b.grade === result)) continue;
        const score = scoreOf(ctx, rec, votes, rules);
        const expected = score === null ? null : bandOf(stated.bands, score);
        if (expected !== null && expected !== result) ctx.atCell(rec, "result", "appraisal.resultBandMismatch", "error", { value: result, expected, score: score!.toFixed(rules.decimals) }, expected);
        continue;
      }
      const asBand = rules.gradeEquivalents[result] ?? result;
      // 不定等次, 好/较好: no band to hold it to.
      if (!rules.bands.some((b) => b.grade === asBand)) continue;
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

/** The score the votes make, where they add up to the ballots returned; else the score written. */
function scoreOf(ctx: RuleContext, rec: LedgerRecord, votes: Votes | null, rules: RuleSet["appraisal"]): number | null {
  const returned = ctx.num(rec, "ballotsReturned");
  if (votes && (returned === null || validVotes(votes) === returned)) return appraisalScore(votes, rules) ?? ctx.num(rec, "score");
  return ctx.num(rec, "score");
}
