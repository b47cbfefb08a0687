import { checkTopGradeQuota } from "../../scoring/quota.js";
import type { Rule } from "../context.js";
import { gradeOfBands, statedBands } from "./stated-bands.js";

/**
 * Annual assessment of a branch or its secretary (§5): the grade is one of the rule set's
 * (好/较好/一般/差 by default) — or of the sheet's own drop-down list where it has one — and,
 * where the rule set sets a quota, the top grade is given to at most that share. Where the sheet
 * states its bands (90分以上为“好”…), each total's grade follows them.
 */
export const orgAssessmentRule: Rule = {
  needs: ["result"],
  run(ctx) {
    const rules = ctx.ruleSet.organisationAssessment;
    const i = ctx.field("result");
    const ownList = ctx.set.listOf[i] ?? null;
    if (!ownList) {
      for (const rec of ctx.records) {
        const v = ctx.str(rec, "result");
        if (v !== null && !rules.grades.includes(v)) ctx.atCell(rec, "result", "orgAssessment.grade", "error", { value: v, allowed: rules.grades.join("、") });
      }
    }
    // The sheet's own bands, stated under or above its table: each total's grade by them.
    const bands = ctx.has("score") ? statedBands(ctx, rules.grades) : null;
    if (bands) {
      for (const rec of ctx.records) {
        const score = ctx.num(rec, "score");
        const given = ctx.str(rec, "result");
        if (score === null) continue;
        const grade = gradeOfBands(bands, score);
        if (grade !== null && given !== null && rules.grades.includes(given) && given !== grade) {
          ctx.atCell(rec, "result", "orgAssessment.gradeForBands", "error", { value: given, score, expected: grade }, grade);
        }
      }
    }
    if (rules.topGradeQuotaShare === null) return;
    const top = rules.grades[0]!;
    const q = checkTopGradeQuota(ctx.records.map((r) => ctx.str(r, "result")), top, rules.topGradeQuotaShare);
    if (q.over) ctx.atColumn("result", "quota.topGrade", "error", { grade: top, count: q.excellent, assessed: q.assessed, allowed: q.limit, share: `${Math.round(rules.topGradeQuotaShare * 100)}%` });
  },
};
