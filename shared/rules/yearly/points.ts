import { cellText } from "../../normalise/value.js";
import type { Rule, RuleContext } from "../context.js";
import { itemsSum, POINTS_EPSILON as EPSILON } from "./items-sum.js";

/**
 * A 百分制 assessment (domain rules §5): each item scores at most the full marks its header
 * gives it (三会一课（25分）), and the total the sheet states (总分) is the sum of its items, plus
 * its 加分 and less its 扣分 where the sheet has them.
 */
export const pointsRule: Rule = {
  needs: ["items"],
  run(ctx) {
    const columns = ctx.set.repeatColumns;
    const items = columns.map((rc) => itemName(ctx, rc.col));
    const hasTotal = ctx.has("score");
    for (const rec of ctx.records) {
      columns.forEach((rc, i) => {
        const v = rec.repeat[i];
        if (typeof v === "number" && v > rc.period + EPSILON) ctx.atColumnIndex(rec.row, rc.col, "items", "points.aboveMax", "error", { item: items[i]!, value: show(v), max: show(rc.period) });
      });
      const sum = hasTotal ? itemsSum(ctx, rec) : null;
      if (sum === null) continue;
      const total = ctx.num(rec, "score");
      if (total !== null && Math.abs(total - sum) > EPSILON) ctx.atCell(rec, "score", "points.totalMismatch", "error", { value: show(total), expected: show(sum) }, show(sum));
    }
  },
};

/** The item as its header names it, without its points: 三会一课（25分） → 三会一课; 三会一课 over （25分） → 三会一课. */
function itemName(ctx: RuleContext, col: number): string {
  let first = "";
  for (let row = ctx.headerRow; row >= ctx.headerTop; row--) {
    const header = cellText(ctx.view.merged(row, col)).replace(/\s+/g, "");
    first ||= header;
    const name = header.replace(/[（(][^（(]*$/, "").replace(/(满分)?\d+(\.\d+)?分$/, "");
    if (name !== "") return name;
  }
  return first;
}

function show(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}
