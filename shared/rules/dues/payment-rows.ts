import { monthIndexToPeriod } from "../../calendar/periods.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { Rule } from "../context.js";
import { describeExpectation, expectationFor } from "./standard-amount.js";
import { duesAmountMatches } from "../../scoring/dues.js";

/**
 * One row per payment (党费补缴 style): the months covered run forwards, a back-payment
 * covers at most 6 months (第十二条, D8), the amount agrees with base × rate × months
 * where the base is given, and 1000 yuan or more at once is 大额党费 (D11).
 */
export const duesPaymentRowsRule: Rule = {
  needs: ["fromMonth"],
  run(ctx) {
    const dues = ctx.ruleSet.dues;
    const largeFen = Math.round(dues.largePaymentYuan * 100);
    for (const rec of ctx.records) {
      const from = ctx.num(rec, "fromMonth");
      // One month column (交纳月份): the payment is for that month.
      const to = ctx.has("toMonth") ? ctx.num(rec, "toMonth") : from;
      const amount = ctx.num(rec, "amount");
      if (from !== null && to !== null) {
        if (to < from) {
          ctx.atCell(rec, "toMonth", "dues.monthRange", "error", { from: monthIndexToPeriod(from), to: monthIndexToPeriod(to) });
          continue;
        }
        const months = to - from + 1;
        const type = ctx.str(rec, "payType") ?? "";
        if (months > dues.backPayMaxMonths && /补/.test(type)) {
          ctx.atCell(rec, "toMonth", "dues.backPayTooLong", "warning", { months, max: dues.backPayMaxMonths });
        }
        const expected = amount !== null ? expectationFor(ctx, rec) : null;
        if (amount !== null && expected && expected.kind === "amount" && ctx.num(rec, "base") !== null) {
          const total = { ...expected, fen: expected.fen * months };
          if (!duesAmountMatches(amount, total, dues.toleranceFen * months)) {
            ctx.atCell(rec, "amount", "dues.paymentMismatch", "error", { value: fenToYuanText(amount), months, expected: describeExpectation(total) }, describeExpectation(total));
          }
        }
      }
      if (amount !== null && amount >= largeFen) ctx.atCell(rec, "amount", "dues.largePayment", "info", { value: fenToYuanText(amount) });
    }
  },
};
