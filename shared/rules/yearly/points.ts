import { cellText } from "../../normalise/value.js";
import type { Rule, RuleContext } from "../context.js";

/** Float sums of half points (18.5 + 24) are exact; this only absorbs binary noise. */
const EPSILON = 1e-6;

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
      let sum = 0;
      let complete = true;
      columns.forEach((rc, i) => {
        const v = rec.repeat[i];
        if (typeof v !== "number") {
          complete = false;
          return;
        }
        sum += v;
        if (v > rc.period + EPSILON) ctx.atColumnIndex(rec.row, rc.col, "items", "points.aboveMax", "error", { item: items[i]!, value: show(v), max: show(rc.period) });
      });
      if (!hasTotal || !complete) continue;
      // 加分 adds to the items and 扣分 takes off, written 2 or −2.
      sum += (ctx.num(rec, "bonus") ?? 0) - Math.abs(ctx.num(rec, "deduction") ?? 0);
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
