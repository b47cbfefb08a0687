import { monthIndex, monthIndexToPeriod } from "../../calendar/periods.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { reportUnpaidMonths } from "./unpaid-run.js";

/**
 * 已交至 2025年5月 on a sheet kept as of 2025-12-31: the months after it to the as-of month are unpaid, one run
 * (D6, D7: 6 or more an error, 党章第九条). A month well past the as-of month is dues paid ahead (LOCAL, a warning).
 * A member whose note says he left, is suspended, pays elsewhere or is exempt owes nothing here.
 */
const OWES_NOTHING = ["transferOut", "left", "suspended", "paysElsewhere", "exempt"] as const;

function owesNothing(ctx: RuleContext, rec: LedgerRecord): boolean {
  return OWES_NOTHING.some((k) => ctx.facts(rec, k).length > 0);
}

export const duesPaidUpToRule: Rule = {
  needs: ["paidUpTo"],
  run(ctx) {
    const asOfMonth = monthIndex(ctx.asOf);
    const col = ctx.set.colOf[ctx.field("paidUpTo")]!;
    const aheadFrom = ctx.ruleSet.duesPaidAhead.warnFromMonths;
    for (const rec of ctx.records) {
      const paidTo = ctx.num(rec, "paidUpTo");
      if (paidTo === null || owesNothing(ctx, rec)) continue;
      const unpaid = asOfMonth - paidTo;
      if (unpaid > 0) reportUnpaidMonths(ctx, rec.row, col, "paidUpTo", unpaid, paidTo + 1, asOfMonth);
      else if (-unpaid >= aheadFrom) ctx.atCell(rec, "paidUpTo", "dues.paidAhead", "warning", { to: monthIndexToPeriod(paidTo), months: -unpaid });
    }
  },
};
