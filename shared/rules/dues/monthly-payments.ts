import { monthIndex, monthIndexToPeriod } from "../../calendar/periods.js";
import { duesAmountMatches } from "../../scoring/dues.js";
import { fenToYuanText } from "../../scoring/money.js";
import { titleYear } from "../../records/title-year.js";
import type { LedgerRecord, RepeatCell } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { describeExpectation, expectationFor } from "./standard-amount.js";

/**
 * The monthly columns of a dues ledger (one row per member): each paid month agrees
 * with the amount owed; a run of unpaid months that are due (after admission, up to the
 * as-of month) is a warning from 3 and an error from 6 (党章 第九条, D7); a single
 * payment of 1000 yuan or more is 大额党费 (D11).
 */
export const duesMonthlyRule: Rule = {
  needs: ["months"],
  run(ctx) {
    const dues = ctx.ruleSet.dues;
    const sheetYear = titleYear(ctx.view, ctx.headerRow);
    const asOfMonth = monthIndex(ctx.asOf);
    const largeFen = Math.round(dues.largePaymentYuan * 100);
    for (const rec of ctx.records) {
      if (rec.repeat.length === 0) continue;
      const year = ctx.num(rec, "year") ?? sheetYear ?? Math.floor(asOfMonth / 12);
      const joined = ctx.num(rec, "joinDate");
      const firstDue = joined === null ? -Infinity : monthIndex(joined);
      const standard = ctx.num(rec, "standard");
      const expected = standard !== null ? null : expectationFor(ctx, rec);
      let run: RepeatCell[] = [];
      const closeRun = () => {
        reportUnpaidRun(ctx, rec, run, year);
        run = [];
      };
      for (const cell of [...rec.repeat].sort((a, b) => a.period - b.period)) {
        const month = year * 12 + cell.period - 1;
        if (month > asOfMonth || month < firstDue) {
          closeRun();
          continue;
        }
        if (cell.value === null || cell.value === 0) {
          run.push(cell);
          continue;
        }
        closeRun();
        if (typeof cell.value !== "number") continue;
        if (cell.value >= largeFen) ctx.atColumnIndex(rec.row, cell.col, "months", "dues.largePayment", "info", { value: fenToYuanText(cell.value) });
        checkPaidAmount(ctx, rec, cell, standard, expected, dues.toleranceFen);
      }
      closeRun();
    }
  },
};

function checkPaidAmount(
  ctx: RuleContext,
  rec: LedgerRecord,
  cell: RepeatCell,
  standard: number | null,
  expected: ReturnType<typeof expectationFor>,
  toleranceFen: number,
): void {
  const paid = cell.value as number;
  if (standard !== null) {
    if (Math.abs(paid - standard) <= toleranceFen) return;
    // Paying a few months at once (quarterly, 第十二条) needs the branch's consent: a warning, not an error.
    const months = Math.round(paid / standard);
    if (standard > 0 && months >= 2 && months <= 12 && Math.abs(paid - months * standard) <= toleranceFen * months) {
      ctx.atColumnIndex(rec.row, cell.col, "months", "dues.lumpPayment", "warning", { value: fenToYuanText(paid), months });
      return;
    }
    ctx.atColumnIndex(rec.row, cell.col, "months", "dues.paidMismatch", "error", { value: fenToYuanText(paid), expected: fenToYuanText(standard) }, fenToYuanText(standard));
    return;
  }
  if (expected && !duesAmountMatches(paid, expected, toleranceFen)) {
    ctx.atColumnIndex(rec.row, cell.col, "months", "dues.paidMismatch", "error", { value: fenToYuanText(paid), expected: describeExpectation(expected) }, describeExpectation(expected));
  }
}

function reportUnpaidRun(ctx: RuleContext, rec: LedgerRecord, run: RepeatCell[], year: number): void {
  const { unpaidWarningMonths, unpaidErrorMonths } = ctx.ruleSet.dues;
  if (run.length < unpaidWarningMonths) return;
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const severity = run.length >= unpaidErrorMonths ? "error" : "warning";
  const code = severity === "error" ? "dues.unpaidLapse" : "dues.unpaid";
  ctx.atColumnIndex(rec.row, first.col, "months", code, severity, {
    months: run.length,
    from: monthIndexToPeriod(year * 12 + first.period - 1),
    to: monthIndexToPeriod(year * 12 + last.period - 1),
  });
}
