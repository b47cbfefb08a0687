import { checkTopGradeQuota } from "../../scoring/quota.js";
import { statedWhere } from "../note-texts.js";
import type { Rule, RuleContext } from "../context.js";
import { statedBands } from "./stated-bands.js";
import { bandOf, type ScoreBand } from "../../notes/score-bands.js";
import { itemsSum, POINTS_EPSILON } from "./items-sum.js";
import { statedTopGradeQuota } from "./stated-quota.js";

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
    const grades = sheetScale(ctx, rules.grades, rules.scales);
    // The rule set's bands are for its own grades; a sheet on another scale is held to the bands it states.
    const ruleBands = grades === rules.grades ? rules.bands : null;
    if (!ownList) {
      for (const rec of ctx.records) {
        const v = ctx.str(rec, "result");
        if (v !== null && !grades.includes(v)) ctx.atCell(rec, "result", "orgAssessment.grade", "error", { value: v, allowed: grades.join("、") });
      }
    }
    checkGradeBands(ctx, grades, ruleBands);
    if (rules.topGradeQuotaShare === null) {
      statedTopGradeQuota(ctx, grades[0]!);
      return;
    }
    const top = grades[0]!;
    const q = checkTopGradeQuota(ctx.records.map((r) => ctx.str(r, "result")), top, rules.topGradeQuotaShare);
    if (q.over) ctx.atColumn("result", "quota.topGrade", "error", { grade: top, count: q.excellent, assessed: q.assessed, allowed: q.limit, share: `${Math.round(rules.topGradeQuotaShare * 100)}%` });
  },
};

/**
 * The grades the sheet is held to: the rule set's, or the one of its other scales (先进 / 中间 / 后进; 五星级…一星级)
 * that most of the grades written belong to — a stray grade of neither is then the one reported.
 */
function sheetScale(ctx: RuleContext, grades: readonly string[], scales: readonly (readonly string[])[]): readonly string[] {
  const used = ctx.records.map((r) => ctx.str(r, "result")).filter((v): v is string => v !== null);
  const count = (scale: readonly string[]) => used.filter((g) => scale.includes(g)).length;
  let best = grades;
  for (const scale of scales) if (count(scale) > count(best)) best = scale;
  return best;
}

/**
 * A 百分制 result's grade against its score: by the bands the sheet states under its table (90分以上为好 …),
 * else by the rule set's, where it sets them. Neither: not checked.
 */
function checkGradeBands(ctx: RuleContext, grades: readonly string[], ruleBands: readonly ScoreBand[] | null): void {
  if (!ctx.has("score")) return;
  const stated = statedBands(ctx, grades);
  const bands = stated?.bands ?? ruleBands;
  if (!bands) return;
  const source = statedWhere(ctx.lang, stated);
  for (const rec of ctx.records) {
    const grade = ctx.str(rec, "result");
    const total = ctx.num(rec, "score");
    if (grade === null || total === null || !bands.some((b) => b.grade === grade)) continue;
    // A total that disagrees with its items (a stale cached =SUM) is itself the finding (points.totalMismatch);
    // the grade is judged by what the items give, never blamed for the wrong total.
    const items = itemsSum(ctx, rec);
    const byItems = items !== null && Math.abs(items - total) > POINTS_EPSILON;
    const score = byItems ? items : total;
    const expected = bandOf(bands, score);
    if (expected === null || expected === grade) continue;
    const shown = String(Math.round(score * 1e6) / 1e6);
    ctx.atCell(rec, "result", byItems ? "orgAssessment.gradeBandByItems" : "orgAssessment.gradeBand", "error", { value: grade, score: shown, expected, source }, expected);
  }
}
