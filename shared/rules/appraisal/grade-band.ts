import { bandOf } from "../../notes/score-bands.js";
import type { Rule } from "../context.js";
import { statedBands } from "../yearly/stated-bands.js";
import { statedWhere } from "../note-texts.js";
import { votesOf } from "./votes.js";

/**
 * A cadre's 等次 beside a 综合得分 follows the bands the sheet states (等次标准：90分及以上为优秀，75分及以上为称职…),
 * which are local practice written down and decide over the rule set's (domain rules §4.3). A row with its votes is
 * judged from them by appraisal.votes instead; a sheet that states no bands is not judged here.
 */
export const gradeBandRule: Rule = {
  needs: ["grade", "score"],
  run(ctx) {
    const rules = ctx.ruleSet.appraisal;
    const known = [...rules.bands.map((b) => b.grade), ...rules.resultGrades, ...rules.resultScales.flat()];
    const stated = statedBands(ctx, known);
    if (!stated) return;
    const source = statedWhere(ctx.lang, stated);
    for (const rec of ctx.records) {
      if (votesOf(ctx, rec)) continue;
      const grade = ctx.str(rec, "grade");
      const score = ctx.num(rec, "score");
      if (grade === null || score === null || !stated.bands.some((b) => b.grade === grade)) continue;
      const expected = bandOf(stated.bands, score);
      if (expected === null || expected === grade) continue;
      ctx.atCell(rec, "grade", "assessment.gradeBand", "error", { value: grade, score: String(score), expected, source }, expected);
    }
  },
};
