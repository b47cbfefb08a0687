import { monthIndexToPeriod } from "../../calendar/periods.js";
import { duesAmountMatches, duesForMonths, type DuesExpectation } from "../../scoring/dues.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { describeExpectation, expectationFor } from "./standard-amount.js";

/**
 * One row per payment (党费补缴 style): the months covered run forwards; a 补交 covers at most
 * 6 months (第十二条, D8); several months paid at once otherwise need the branch's consent
 * (第十二条, D12: a 经支部同意 column, or the words in 缴费说明 / 备注); the amount agrees with
 * what the category owes for those months — the monthly amount where the row states it (a receipt
 * book's 月交纳额, times its 月数), base × rate where the base is given, the fixed
 * amount of students and others (D4), the range of farmers — and 1000 yuan or more at once
 * is 大额党费 (D11).
 */
const BACK_PAY = /补(?:交|缴)/;
const CONSENT = /(?:经|已经|已)?(?:党)?支部(?:委员会|支委会|大会)?(?:研究)?(?:同意|批准)/;

function says(ctx: RuleContext, rec: LedgerRecord, re: RegExp): boolean {
  return ["payType", "explanation", "note"].some((f) => re.test(ctx.str(rec, f) ?? ""));
}

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
        // A 月数 column says how many months the payment is for; where it disagrees with the period, it is checked too.
        const spanMonths = to - from + 1;
        const counted = ctx.num(rec, "monthCount");
        if (counted !== null && ctx.has("toMonth") && counted !== spanMonths) {
          ctx.atCell(rec, "monthCount", "dues.monthCount", "error", { value: counted, from: monthIndexToPeriod(from), to: monthIndexToPeriod(to), months: spanMonths }, String(spanMonths));
        }
        const months = counted ?? spanMonths;
        const backPay = says(ctx, rec, BACK_PAY) || ctx.facts(rec, "backPay").length > 0;
        const consent = ctx.get(rec, "consent") === true || says(ctx, rec, CONSENT) || ctx.facts(rec, "duesConsent").length > 0;
        if (backPay && months > dues.backPayMaxMonths) {
          ctx.atCell(rec, "toMonth", "dues.backPayTooLong", "warning", { months, max: dues.backPayMaxMonths });
        } else if (!backPay && months > 1 && !consent) {
          ctx.atCell(rec, "amount", "dues.lumpPayment", "warning", { value: amount === null ? "?" : fenToYuanText(amount), months });
        }
        // The monthly amount the row states (月交纳额), else what the category and base owe.
        const standard = ctx.num(rec, "standard");
        const expected: DuesExpectation | null = amount === null ? null : standard !== null ? { kind: "amount", fen: standard, rateBasisPoints: null } : expectationFor(ctx, rec);
        if (amount !== null && expected && expected.kind !== "exempt") {
          const total = duesForMonths(expected, months);
          if (!duesAmountMatches(amount, total, dues.toleranceFen * months)) {
            const want = describeExpectation(total);
            if (standard !== null) ctx.atCell(rec, "amount", "dues.paymentMismatchMonthly", "error", { value: fenToYuanText(amount), months, monthly: fenToYuanText(standard), expected: want }, want);
            else ctx.atCell(rec, "amount", "dues.paymentMismatch", "error", { value: fenToYuanText(amount), months, expected: want }, want);
          }
        }
      }
      if (amount !== null && amount >= largeFen) ctx.atCell(rec, "amount", "dues.largePayment", "info", { value: fenToYuanText(amount) });
    }
  },
};
