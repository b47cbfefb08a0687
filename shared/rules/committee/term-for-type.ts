import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";
import { termByType } from "./term.js";

/**
 * A committee's term as written (任期（年）5, or 任期 2024年5月—2029年5月: 60 months) against the one the
 * rule set gives an organisation of its name (支部工作条例 第六章): a 村 or 社区 branch's five years is
 * a rule of its own, an error when written otherwise; another 党支部's three years is said 一般, so a
 * term written otherwise within the 党章's 三至五年 is reported at the rule set's severity (a warning).
 * A 党总支 or 党委 has only the 党章's bounds, judged elsewhere.
 */
/** Returns whether it said anything. */
export function judgeTermForName(ctx: RuleContext, rec: LedgerRecord, field: string, months: number, name: string): boolean {
  const b = ctx.ruleSet.branch;
  // 2024年5月 to 2029年5月 is five years, whichever days of those months the dates stand for.
  const whole = Math.round(months / 12);
  const value = Math.abs(months - whole * 12) <= 1 ? String(whole) : (months / 12).toFixed(1);
  // Only a cell that holds the years (任期（年）) can take the years as its correction; a span cannot.
  const fix = (years: number) => (field === "termYears" ? String(years) : undefined);
  const typed = termByType(b, name);
  if (typed) {
    if (Math.abs(months - typed.years * 12) <= 1) return false;
    ctx.atCell(rec, field, "committee.termYearsForType", "error", { type: typed.word, expected: typed.years, value }, fix(typed.years));
    return true;
  }
  const scope = b.termYearsAppliesTo;
  if (!scope.nameContains.some((w) => name.includes(w)) || scope.nameExcludes.some((w) => name.includes(w))) return false;
  if (Math.abs(months - b.termYears * 12) <= 1) return false;
  ctx.atCell(rec, field, "committee.termYearsForBranch", b.termYearsSeverity, { expected: b.termYears, value }, fix(b.termYears));
  return true;
}
