import type { RuleSet } from "../ruleset/schema.js";

/**
 * The 优秀 quota (domain-rules.md Defaults: at most 20% of those assessed in one sheet).
 * The limit is rounded down: 7 people at 20% allow 1 优秀, not 1.4 rounded to 1 by luck.
 */
export function excellentQuotaLimit(assessed: number, rules: RuleSet["appraisal"]): number {
  return quotaLimit(assessed, rules.excellentQuotaShare);
}

/** At most `share` of `assessed`, rounded down. The epsilon keeps 20 × 0.15 = 2.9999999999999996 at 3. */
export function quotaLimit(assessed: number, share: number): number {
  return Math.floor(assessed * share + 1e-9);
}

export interface QuotaCheck {
  assessed: number;
  excellent: number;
  limit: number;
  over: boolean;
}

/** Grades (blanks ignored) against a quota of `share` on the grade `top`. */
export function checkTopGradeQuota(grades: readonly (string | null)[], top: string, share: number): QuotaCheck {
  const given = grades.filter((g): g is string => g !== null && g.trim() !== "");
  const excellent = given.filter((g) => g.trim() === top).length;
  const limit = quotaLimit(given.length, share);
  return { assessed: given.length, excellent, limit, over: excellent > limit };
}

export interface GroupQuota {
  /** The branch the count is of; null for the whole sheet. */
  group: string | null;
  assessed: number;
  excellent: number;
  limit: number;
  /** Indexes (into the grades given) of the top grades past the limit (in sheet order, or the lowest scores): the cells that break it. */
  past: number[];
}

/**
 * The quota counted in each group (a branch of a 党委's sheet) or, with no groups, over the whole sheet.
 * Grades that say no grade was given (不定等次) are not among those assessed. Only groups over the quota are returned.
 */
export function quotaByGroup(
  grades: readonly (string | null)[],
  groups: readonly (string | null)[] | null,
  top: string,
  share: number,
  ungraded: readonly string[] = [],
  /** Where the sheet gives each a score: the 优秀 with the lowest scores are the ones past the limit. */
  scores: readonly (number | null)[] | null = null,
): GroupQuota[] {
  const byGroup = new Map<string | null, number[]>();
  grades.forEach((g, i) => {
    const grade = g?.trim() ?? "";
    if (grade === "" || ungraded.includes(grade)) return;
    const key = groups ? (groups[i]?.trim() || null) : null;
    const list = byGroup.get(key) ?? [];
    list.push(i);
    byGroup.set(key, list);
  });
  const out: GroupQuota[] = [];
  for (const [group, indexes] of byGroup) {
    const tops = indexes.filter((i) => grades[i]!.trim() === top);
    if (scores) tops.sort((a, b) => (scores[b] ?? Infinity) - (scores[a] ?? Infinity) || a - b);
    const limit = quotaLimit(indexes.length, share);
    if (tops.length > limit) out.push({ group, assessed: indexes.length, excellent: tops.length, limit, past: tops.slice(limit) });
  }
  return out;
}
