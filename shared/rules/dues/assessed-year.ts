import { fenToYuanText } from "../../scoring/money.js";
import type { Rule } from "../context.js";

/** Months in a ledger's year: what a 全年 row is paid for. */
const MONTHS_OF_YEAR = 12;

/**
 * A year's dues kept one row a member, with no month columns (月缴纳额 · 缴纳月数 · 全年合计): the year's
 * total is the monthly amount times the months paid; fewer months than the year, with nothing in 备注
 * to say why (入党, 转入, 免交 …), leaves months unpaid — a warning from the rule set's
 * `unpaidWarningMonths`, since the row does not say which months, nor whether they ran together.
 */
export const duesAssessedYearRule: Rule = {
  needs: ["standard", "monthCount"],
  run(ctx) {
    const dues = ctx.ruleSet.dues;
    for (const rec of ctx.records) {
      const standard = ctx.num(rec, "standard");
      const months = ctx.num(rec, "monthCount");
      if (standard === null || months === null || months < 0 || months > MONTHS_OF_YEAR) continue;
      const total = ctx.num(rec, "yearTotal");
      const expected = standard * months;
      if (total !== null && Math.abs(total - expected) > dues.toleranceFen) {
        const want = fenToYuanText(expected);
        ctx.atCell(rec, "yearTotal", "dues.yearTotalOfMonths", "error", { value: fenToYuanText(total), standard: fenToYuanText(standard), months, expected: want }, want);
      }
      const unpaid = MONTHS_OF_YEAR - months;
      if (unpaid >= dues.unpaidWarningMonths && ctx.str(rec, "note") === null && ctx.get(rec, "joinDate") === null) {
        ctx.atCell(rec, "monthCount", "dues.monthsShort", "warning", { paid: months, months: unpaid });
      }
    }
  },
};
