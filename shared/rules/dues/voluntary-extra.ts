import type { LedgerRecord, RepeatColumn } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/**
 * A month's payment above what is owed that the row's 备注 says was given on purpose (12月自愿多交党费1200元):
 * voluntary extra dues are welcome (2008规定第十一条), not a wrong amount. A note naming months covers
 * those months only; one naming none covers every month of the row. Less than is owed is never voluntary.
 */
export function paidVoluntarily(ctx: RuleContext, rec: LedgerRecord, column: RepeatColumn, paidFen: number, owedFen: number | null): boolean {
  if (owedFen === null || paidFen <= owedFen) return false;
  if (ctx.get(rec, "voluntary") === true) return true;
  return ctx.facts(rec, "voluntaryExtra").some((f) => f.monthsOfYear === undefined || ((column.span ?? 1) === 1 && f.monthsOfYear.includes(column.period)));
}
