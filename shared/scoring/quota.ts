import type { RuleSet } from "../ruleset/schema.js";

/**
 * The 优秀 quota (domain-rules.md Defaults: at most 20% of those assessed in one sheet).
 * The limit is rounded down: 7 people at 20% allow 1 优秀, not 1.4 rounded to 1 by luck.
 */
export function excellentQuotaLimit(assessed: number, rules: RuleSet["appraisal"]): number {
  // The epsilon keeps 20 × 0.15 = 2.9999999999999996 at 3.
  return Math.floor(assessed * rules.excellentQuotaShare + 1e-9);
}

export interface QuotaCheck {
  assessed: number;
  excellent: number;
  limit: number;
  over: boolean;
}

/** Grades of one sheet (blanks ignored) against the quota; the top band's grade is 优秀. */
export function checkExcellentQuota(grades: readonly (string | null)[], rules: RuleSet["appraisal"]): QuotaCheck {
  const top = rules.bands[0]!.grade;
  const given = grades.filter((g): g is string => g !== null && g.trim() !== "");
  const excellent = given.filter((g) => g.trim() === top).length;
  const limit = excellentQuotaLimit(given.length, rules);
  return { assessed: given.length, excellent, limit, over: excellent > limit };
}
