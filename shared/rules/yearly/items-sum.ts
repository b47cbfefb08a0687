import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/**
 * What a 百分制 row's items add up to: the items, plus its 加分 and less its 扣分 (written 2 or −2)
 * where the sheet has them. Null when the sheet has no items or the row leaves one blank: a total
 * is then all there is to go by.
 */
export function itemsSum(ctx: RuleContext, rec: LedgerRecord): number | null {
  const columns = ctx.set.repeatColumns;
  if (!ctx.has("items") || columns.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < columns.length; i++) {
    const v = rec.repeat[i];
    if (typeof v !== "number") return null;
    sum += v;
  }
  return sum + (ctx.num(rec, "bonus") ?? 0) - Math.abs(ctx.num(rec, "deduction") ?? 0);
}

/** Float sums of half points (18.5 + 24) are exact; this only absorbs binary noise. */
export const POINTS_EPSILON = 1e-6;
