import { normaliseCell } from "../../normalise/value.js";
import { a1 } from "../../grid/a1.js";
import type { Rule } from "../context.js";
import { statedWeightedParts } from "./weighted-parts.js";

/** Decimals a number is written with: its format's (0.0 → 1) where it has one, else its own digits. */
function decimalsOf(value: number, format: string | null): number {
  const f = format ? /0\.(0+)/.exec(format) : null;
  const own = (String(value).split(".")[1] ?? "").length;
  return Math.max(f ? f[1]!.length : 0, own);
}

/**
 * 综合得分 by the rater groups' weights the sheet states (上级 40%、同级 30%、下级 30%; 上级领导（30%）… 服务对象（20%）):
 * Σ score × weight, to the decimals the cell is written with (domain rules §4.3: weights are local and stated).
 * A plain mean, or the usual 40/30/30 where the sheet states other weights, is said at the score's cell.
 */
export const weightedScoreRule: Rule = {
  needs: [],
  run(ctx) {
    const { statedWeightsTotal, weightedMinParts } = ctx.ruleSet.assessment;
    const stated = statedWeightedParts(ctx, statedWeightsTotal, weightedMinParts);
    if (!stated) return;
    const { scoreCol, parts } = stated;
    for (const rec of ctx.records) {
      const given = normaliseCell(ctx.view.value(rec.row, scoreCol), "number").value;
      if (typeof given !== "number") continue;
      let points = 0;
      let complete = true;
      for (const p of parts) {
        const v = normaliseCell(ctx.view.value(rec.row, p.col), "number").value;
        if (typeof v !== "number" || v < 0 || v > 100) complete = false;
        else points += (v * p.weight) / statedWeightsTotal;
      }
      if (!complete) continue;
      const decimals = decimalsOf(given, ctx.view.format(rec.row, scoreCol));
      if (Math.abs(given - points) <= 0.5 / 10 ** decimals + 1e-9) continue;
      const expected = String(Math.round(points * 1e4) / 1e4);
      const formula = parts.map((p) => `${a1(rec.row, p.col)}×${p.weight}%`).join(" + ");
      ctx.atColumnIndex(rec.row, scoreCol, "score", "assessment.weightedScore", "error", { value: String(given), expected, formula }, expected);
    }
  },
};
