import { monthIndexToPeriod } from "../../calendar/periods.js";
import type { RuleContext } from "../context.js";

/**
 * A run of unpaid months, said once (D6, D7): an error from the rule set's
 * `unpaidErrorMonths` (6, 党章 第九条), a warning from `unpaidWarningMonths` (3), a note below.
 * Both dues layouts (monthly columns, one row per payment) report through here.
 */
export function reportUnpaidMonths(ctx: RuleContext, row: number, col: number, field: string, months: number, firstMonth: number, lastMonth: number): void {
  const { severity, code } = unpaidSeverity(ctx, months, "");
  ctx.atColumnIndex(row, col, field, code, severity, { months, from: monthIndexToPeriod(firstMonth), to: monthIndexToPeriod(lastMonth) });
}

function unpaidSeverity(ctx: RuleContext, months: number, suffix: string): { severity: "error" | "warning" | "info"; code: string } {
  const { unpaidWarningMonths, unpaidErrorMonths } = ctx.ruleSet.dues;
  const severity = months >= unpaidErrorMonths ? "error" : months >= unpaidWarningMonths ? "warning" : "info";
  return { severity, code: (severity === "error" ? "dues.unpaidLapse" : severity === "warning" ? "dues.unpaid" : "dues.unpaidShort") + suffix };
}

/** A member's last months with no payment on record (a receipt book with no receipt for them): said at the period, naming the member. */
export function reportUnpaidMember(ctx: RuleContext, name: string, months: number, firstMonth: number, lastMonth: number): void {
  const { severity, code } = unpaidSeverity(ctx, months, "Member");
  ctx.atPeriod(code, severity, monthIndexToPeriod(firstMonth), { name, months, from: monthIndexToPeriod(firstMonth), to: monthIndexToPeriod(lastMonth) });
}
