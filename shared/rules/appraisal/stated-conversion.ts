import { cellText } from "../../normalise/value.js";
import { gradeWordOfHeader, voteWeightsInText } from "../../notes/vote-weights.js";
import type { RuleSet } from "../../ruleset/schema.js";
import type { RuleContext } from "../context.js";

const WEIGHT_KEYS = [
  ["votesExcellent", "excellent"],
  ["votesCompetent", "competent"],
  ["votesBasic", "basic"],
  ["votesIncompetent", "incompetent"],
] as const;

/**
 * The appraisal rules for this sheet: the rule set's, with the points per grade the sheet states in a line above or
 * below its table (测评得分＝（好×100＋较好×80＋一般×60＋差×40）÷收回票数) in place of the rule set's conversion.
 * A stated conversion is local practice written down, and decides (domain rules §4.3).
 */
export function appraisalRulesOf(ctx: RuleContext): RuleSet["appraisal"] {
  const rules = ctx.ruleSet.appraisal;
  const words: Record<string, string> = {};
  for (const [field] of WEIGHT_KEYS) if (ctx.has(field)) words[field] = gradeWordOfHeader(ctx.headerOf(field));
  if (Object.keys(words).length < 2) return rules;
  const recordRows = new Set(ctx.records.map((r) => r.row));
  const { view } = ctx;
  for (let row = view.firstRow; row < view.rowCount; row++) {
    if (recordRows.has(row) || (row >= ctx.headerTop && row <= ctx.headerRow)) continue;
    for (const v of view.rowValues(row)) {
      if (typeof v !== "string") continue;
      const stated = voteWeightsInText(cellText(v), words);
      if (!stated) continue;
      const weights = { ...rules.weights };
      for (const [field, key] of WEIGHT_KEYS) if (stated[field] !== undefined) weights[key] = stated[field];
      return { ...rules, weights };
    }
  }
  return rules;
}
