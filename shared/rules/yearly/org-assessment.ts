import { checkTopGradeQuota } from "../../scoring/quota.js";
import type { Rule, RuleContext } from "../context.js";
import { bandOf, readScoreBands, type ScoreBand } from "../../notes/score-bands.js";

/**
 * Annual assessment of a branch or its secretary (§5): the grade is one of the rule set's
 * (好/较好/一般/差 by default) — or of the sheet's own drop-down list where it has one — and,
 * where the rule set sets a quota, the top grade is given to at most that share.
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
    judgeByStatedBands(ctx);
    if (rules.topGradeQuotaShare === null) return;
    const top = rules.grades[0]!;
    const q = checkTopGradeQuota(ctx.records.map((r) => ctx.str(r, "result")), top, rules.topGradeQuotaShare);
    if (q.over) ctx.atColumn("result", "quota.topGrade", "error", { grade: top, count: q.excellent, assessed: q.assessed, allowed: q.limit, share: `${Math.round(rules.topGradeQuotaShare * 100)}%` });
  },
};

/** Lines above the header and below the last record hold what the sheet says of its grading. */
function statedBands(ctx: RuleContext): ScoreBand[] | null {
  const last = ctx.records.length > 0 ? ctx.records[ctx.records.length - 1]!.row : ctx.headerRow;
  const rows: number[] = [];
  for (let r = ctx.view.firstRow; r < ctx.headerTop; r++) rows.push(r);
  for (let r = last + 1; r < ctx.view.rowCount; r++) rows.push(r);
  for (const r of rows) {
    for (const v of ctx.view.rowValues(r)) {
      if (typeof v !== "string" || v.length > 300) continue;
      const bands = readScoreBands(v);
      if (bands) return bands;
    }
  }
  return null;
}

/** The sheet states its bands (90分及以上为“好”…): each 总分's grade is the band it falls in. */
function judgeByStatedBands(ctx: RuleContext): void {
  if (!ctx.has("score")) return;
  const bands = statedBands(ctx);
  if (!bands) return;
  for (const rec of ctx.records) {
    const score = ctx.num(rec, "score");
    const grade = ctx.str(rec, "result");
    if (score === null || grade === null) continue;
    const expected = bandOf(bands, score);
    if (expected !== null && expected !== grade) ctx.atCell(rec, "result", "orgAssessment.bandMismatch", "error", { score, value: grade, grade: expected }, expected);
  }
}
