import { toHalfWidth } from "../../normalise/text.js";
import type { Rule, RuleContext } from "../context.js";
import { noteTexts, statedWhere } from "../note-texts.js";
import { POINTS_EPSILON } from "./items-sum.js";

/**
 * A 百分制 written as 基础分 + 加分 − 扣分 = 总得分 (domain rules §5, deduction-style checklists): the total is that
 * sum, and the 加分 stays within its cap — the one the sheet states (加分项最高加5分), else the rule set's (LOCAL).
 */
export const baseTotalRule: Rule = {
  needs: ["score"],
  run(ctx) {
    const cap = statedBonusCap(ctx) ?? (ctx.ruleSet.organisationAssessment.bonusCap === null ? null : { cap: ctx.ruleSet.organisationAssessment.bonusCap, at: null });
    for (const rec of ctx.records) {
      const bonus = ctx.num(rec, "bonus");
      if (cap && bonus !== null && bonus > cap.cap + POINTS_EPSILON) {
        const source = statedWhere(ctx.lang, cap.at);
        ctx.atCell(rec, "bonus", "orgAssessment.bonusOverCap", "error", { value: show(bonus), cap: show(cap.cap), source }, show(cap.cap));
      }
      if (!ctx.has("base") || ctx.has("items")) continue;
      const base = ctx.num(rec, "base");
      const total = ctx.num(rec, "score");
      if (base === null || total === null) continue;
      const deduction = Math.abs(ctx.num(rec, "deduction") ?? 0);
      const expected = base + (bonus ?? 0) - deduction;
      if (Math.abs(total - expected) > POINTS_EPSILON) {
        ctx.atCell(rec, "score", "orgAssessment.baseTotalMismatch", "error", { value: show(total), base: show(base), bonus: show(bonus ?? 0), deduction: show(deduction), expected: show(expected) }, show(expected));
      }
    }
  },
};

/** 加分项最高加5分, 加分最多3分, 加分不超过5分: the cap a line above or below the table states. */
const CAP = /加分(?:项|项目)?(?:累计|合计)?(?:最高|最多|不超过|不得超过|封顶)(?:加|为)?\s*(\d+(?:\.\d+)?)\s*分/;

function statedBonusCap(ctx: RuleContext): { cap: number; at: { row: number; col: number } | null } | null {
  for (const { text, row, col } of noteTexts(ctx)) {
    const m = CAP.exec(toHalfWidth(text));
    if (m) return { cap: Number(m[1]), at: { row, col } };
  }
  return null;
}

function show(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}
