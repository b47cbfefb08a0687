import { cellText } from "../../normalise/value.js";
import { toHalfWidth } from "../../normalise/text.js";
import type { RuleContext } from "../context.js";

/** A column of one rater group's score (上级评价得分, 同级（25%）) and the weight the sheet gives it, in percent. */
export interface WeightedPart {
  col: number;
  weight: number;
}

const SHARE_IN_HEADER = /[(（]\s*(\d{1,3}(?:\.\d+)?)\s*%\s*[)）]|(\d{1,3}(?:\.\d+)?)\s*%$/;
const SHARE_CELL = /^(\d{1,3}(?:\.\d+)?)\s*%$/;
/** How many rows under the header a row of weights may sit (权重 | 40% | 30% | 30%). */
const WEIGHT_ROWS = 2;

/** A share as written in a cell of a weights row: "40%", 40 under a % format, 0.4 formatted as a percentage. */
function shareOf(v: unknown, format: string | null): number | null {
  if (typeof v === "string") {
    const m = SHARE_CELL.exec(toHalfWidth(v).trim());
    return m ? Number(m[1]) : null;
  }
  if (typeof v !== "number" || !(v > 0)) return null;
  if (format !== null && format.includes("%")) return v * 100;
  return v <= 100 ? v : null;
}

/**
 * The rater groups' columns a weighted score is made of and their weights as the sheet states them: in each column's
 * header (上级领导（30%）) or in a row of weights just under the header (权重 | 40% | 30% | 30% | 100%). Every column but
 * the overall score's (综合得分) with a weight is a part; null unless there are at least two and the weights make the whole.
 */
/** The header of the overall score a weighted sheet works out (综合得分, 总得分, 加权得分), not one group's 测评得分. */
const OVERALL = /综合得分|总得分|综合评价得分|加权得分|最终得分|综合成绩|总分/;

function headerPath(ctx: RuleContext, col: number): string {
  const parts: string[] = [];
  for (let r = ctx.headerTop; r <= ctx.headerRow; r++) parts.push(cellText(ctx.view.merged(r, col)).trim());
  return toHalfWidth(parts.join(" "));
}

/** The overall score's column: the score field's where its header names an overall score, else another column's that does. */
function overallColumn(ctx: RuleContext): number {
  const f = ctx.field("score");
  if (f >= 0 && OVERALL.test(headerPath(ctx, ctx.set.colOf[f]!))) return ctx.set.colOf[f]!;
  const { view } = ctx;
  for (let col = view.firstCol; col < view.firstCol + view.colCount; col++) if (!ctx.set.colOf.includes(col) && OVERALL.test(headerPath(ctx, col))) return col;
  return -1;
}

export function statedWeightedParts(ctx: RuleContext, total: number, minParts: number): { scoreCol: number; parts: WeightedPart[] } | null {
  const scoreCol = overallColumn(ctx);
  if (scoreCol < 0) return null;
  const { view } = ctx;
  const firstRecord = ctx.records[0]?.row ?? view.rowCount;
  const parts: WeightedPart[] = [];
  for (let col = view.firstCol; col < view.firstCol + view.colCount; col++) {
    if (col === scoreCol) continue;
    let weight: number | null = null;
    for (let r = ctx.headerTop; r <= ctx.headerRow && weight === null; r++) {
      // A merged group heading (测评得分 over four groups) states no one group's weight.
      const merge = view.coveringMerge(r, col);
      if (merge && merge.c1 > merge.c0) continue;
      const m = SHARE_IN_HEADER.exec(toHalfWidth(cellText(view.value(r, col))).trim());
      if (m) weight = Number(m[1] ?? m[2]);
    }
    for (let r = ctx.headerRow + 1; weight === null && r < Math.min(firstRecord, ctx.headerRow + 1 + WEIGHT_ROWS); r++) weight = shareOf(view.value(r, col), view.format(r, col));
    if (weight !== null && weight > 0) parts.push({ col, weight });
  }
  if (parts.length < minParts) return null;
  const sum = parts.reduce((a, p) => a + p.weight, 0);
  return Math.abs(sum - total) <= 1e-6 ? { scoreCol, parts } : null;
}
