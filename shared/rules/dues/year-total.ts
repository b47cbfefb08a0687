import { partOfYear } from "../../book/register-parts.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { Rule } from "../context.js";
import { markedMonthCount } from "./marked-months.js";

/**
 * A 全年合计 column equals the sum of the row's monthly payments (免交 and empty months count nothing).
 * A month marked paid with no amount (√, 补交1-4月) counts the member's stated standard for each month
 * it stands for; with no standard written the total cannot be checked (the monthly rule says so).
 * A whole year's total may also count a 补缴 column. A column that totals part of the year (四季度合计, 上半年合计) sums the months of that part only.
 */
export const duesYearTotalRule: Rule = {
  needs: ["yearTotal", "months"],
  run(ctx) {
    const part = partOfYear(ctx.headerOf("yearTotal"));
    const counted = ctx.set.repeatColumns.map((rc) => part === null || (rc.period >= part.fromMonth && rc.period <= part.toMonth));
    for (const rec of ctx.records) {
      const stated = ctx.num(rec, "yearTotal");
      if (stated === null) continue;
      let sum = 0;
      rec.repeat.forEach((v, i) => {
        if (counted[i] && typeof v === "number") sum += v;
      });
      const marked = markedMonthCount(ctx, rec, counted);
      if (marked > 0) {
        const standard = ctx.num(rec, "standard");
        if (standard === null) continue;
        sum += marked * standard;
      }
      // A whole year's total may add the 补缴 column's late payments (合计 = the months + 补缴).
      const late = part === null ? ctx.num(rec, "backPaid") : null;
      if (stated !== sum && !(late !== null && stated === sum + late)) {
        ctx.atCell(rec, "yearTotal", "dues.yearTotalMismatch", "error", { value: fenToYuanText(stated), expected: fenToYuanText(sum) }, fenToYuanText(sum));
      }
    }
  },
};
