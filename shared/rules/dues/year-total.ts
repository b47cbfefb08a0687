import { fenToYuanText } from "../../scoring/money.js";
import type { Rule } from "../context.js";

/** A 全年合计 column equals the sum of the row's monthly payments (免交 and empty months count nothing). */
export const duesYearTotalRule: Rule = {
  needs: ["yearTotal", "months"],
  run(ctx) {
    for (const rec of ctx.records) {
      const stated = ctx.num(rec, "yearTotal");
      if (stated === null) continue;
      let sum = 0;
      for (const v of rec.repeat) if (typeof v === "number") sum += v;
      if (stated !== sum) {
        ctx.atCell(rec, "yearTotal", "dues.yearTotalMismatch", "error", { value: fenToYuanText(stated), expected: fenToYuanText(sum) }, fenToYuanText(sum));
      }
    }
  },
};
