import type { Rule } from "../context.js";

/**
 * A committee's size where a sheet states it (委员人数 in a 换届情况 table; 支部工作条例 第六章):
 * more than the rule set's maximum (7) is an error; more than the usual 3 to 5, or fewer
 * than 3, a warning.
 */
export const committeeSizeRule: Rule = {
  needs: ["committeeSize"],
  run(ctx) {
    const b = ctx.ruleSet.branch;
    const args = (size: number) => ({ size, min: b.committeeMinSize, normal: b.committeeNormalMaxSize, max: b.committeeMaxSize });
    for (const rec of ctx.records) {
      const size = ctx.num(rec, "committeeSize");
      if (size === null || size === 0) continue;
      if (size > b.committeeMaxSize) ctx.atCell(rec, "committeeSize", "committee.size", "error", args(size));
      else if (size > b.committeeNormalMaxSize) ctx.atCell(rec, "committeeSize", "committee.sizeAboveNormal", "warning", args(size));
      else if (size < b.committeeMinSize) ctx.atCell(rec, "committeeSize", "committee.size", "warning", args(size));
    }
  },
};
