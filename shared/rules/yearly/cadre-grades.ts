import { toYmd } from "../../calendar/days.js";
import { titleYear } from "../../records/title-year.js";
import { checkTopGradeQuota } from "../../scoring/quota.js";
import type { Rule, RuleContext } from "../context.js";

/**
 * A cadre's yearly grades, one column per year (公务员法 第三十八条 and the consequences it
 * names): every grade is one of the rule set's; two (by default) consecutive years of
 * 不称职 mean dismissal (辞退); in each year column 优秀 goes to at most the rule set's share.
 * A sheet of one year's grades (one 考核等次 column) is that year's column: the year its title
 * names, else the as-of year.
 */
export const cadreGradesRule: Rule = {
  needs: ["name"],
  run(ctx) {
    if (ctx.has("grade")) oneYear(ctx);
    if (ctx.has("grades")) byYear(ctx);
  },
};

function oneYear(ctx: RuleContext): void {
  const rules = ctx.ruleSet.cadreGrades;
  const year = titleYear(ctx.view, ctx.headerRow) ?? toYmd(ctx.asOf).y;
  const grades = ctx.records.map((rec) => ctx.str(rec, "grade"));
  ctx.records.forEach((rec, i) => {
    const text = grades[i];
    if (text && !rules.grades.includes(text)) ctx.atCell(rec, "grade", "cadre.gradeUnknown", "error", { value: text, year, allowed: rules.grades.join("、") });
  });
  const q = checkTopGradeQuota(grades, rules.excellentGrade, rules.excellentQuotaShare);
  if (q.over) ctx.atPeriod("quota.excellentPerYear", "error", String(year), { excellent: q.excellent, assessed: q.assessed, allowed: q.limit, share: `${Math.round(rules.excellentQuotaShare * 100)}%` });
}

function byYear(ctx: RuleContext): void {
  const rules = ctx.ruleSet.cadreGrades;
  const columns = ctx.set.repeatColumns;
  for (const rec of ctx.records) {
    let run = 0;
    let prevYear: number | null = null;
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i]!;
      const v = rec.repeat[i];
      const text = typeof v === "string" ? v : null;
      if (text !== null && !rules.grades.includes(text)) {
        ctx.atColumnIndex(rec.row, col.col, "grades", "cadre.gradeUnknown", "error", { value: text, year: col.period, allowed: rules.grades.join("、") });
      }
      const consecutive = prevYear !== null && col.period === prevYear + 1;
      run = text === rules.failGrade ? (consecutive ? run + 1 : 1) : 0;
      prevYear = col.period;
      if (run === rules.consecutiveFailYears) {
        ctx.atColumnIndex(rec.row, col.col, "grades", "cadre.consecutiveFail", "error", { grade: rules.failGrade, years: run, from: col.period - run + 1, to: col.period });
      }
    }
  }
  columns.forEach((col, i) => {
    const q = checkTopGradeQuota(ctx.records.map((r) => (typeof r.repeat[i] === "string" ? (r.repeat[i] as string) : null)), rules.excellentGrade, rules.excellentQuotaShare);
    if (q.over) {
      ctx.atPeriod("quota.excellentPerYear", "error", String(col.period), { excellent: q.excellent, assessed: q.assessed, allowed: q.limit, share: `${Math.round(rules.excellentQuotaShare * 100)}%` });
    }
  });
}
