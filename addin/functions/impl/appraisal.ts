import { appraisalScore, gradeForScore } from "../../../shared/scoring/appraisal.js";
import { isBlank, toCount, toNumber } from "../args.js";
import type { DjContext } from "../context.js";
import { withRuleSet } from "../context.js";

/** =DJ.APPRAISAL and =DJ.GRADE over shared/scoring/appraisal.ts. */

export function appraisal(
  ctx: DjContext,
  excellent: unknown,
  competent: unknown,
  basic: unknown,
  incompetent: unknown,
  ruleSet: unknown,
): number | Promise<number> {
  return withRuleSet(ctx, ruleSet, (rs) => {
    const votes = {
      excellent: toCount(excellent, "优秀票数", ctx.fail),
      competent: toCount(competent, "称职票数", ctx.fail),
      basic: toCount(basic, "基本称职票数", ctx.fail),
      incompetent: toCount(incompetent, "不称职票数", ctx.fail),
    };
    const score = appraisalScore(votes, rs.appraisal);
    if (score === null) throw ctx.fail("invalidValue", "有效票为0，无法计算得分 / no valid votes");
    return score;
  });
}

export function grade(ctx: DjContext, score: unknown, incompetentShare: unknown, ruleSet: unknown): string | Promise<string> {
  return withRuleSet(ctx, ruleSet, (rs) => {
    const value = toNumber(score, "得分", ctx.fail);
    const share = isBlank(incompetentShare) ? 0 : toNumber(incompetentShare, "不称职票比例", ctx.fail);
    if (share < 0 || share > 1) throw ctx.fail("invalidValue", `不称职票比例应在0到1之间（如 35%），收到${share} / share must be 0..1`);
    return gradeForScore(value, rs.appraisal, share);
  });
}
