import type { RuleSet } from "../ruleset/schema.js";

/**
 * 百分制 deductions (§5): each item takes points × count off, but never more than its own
 * cap, and the score never drops below 0. Points are multiples of 0.01, so the sums are
 * done in hundredths to keep 0.5 + 0.5 + … exact.
 */
export type DeductionItem = RuleSet["deductions"]["items"][number];

export interface DeductionLine {
  key: string;
  count: number;
  deducted: number;
  capped: boolean;
}

export interface DeductionResult {
  score: number;
  totalDeducted: number;
  lines: DeductionLine[];
}

const hundredths = (x: number) => Math.round(x * 100);

/** `counts` maps an item key to how many units are missing (months, quarters, times); absent = 0. */
export function deductScore(
  counts: Readonly<Record<string, number>>,
  items: readonly DeductionItem[],
  base = 100,
): DeductionResult {
  let total = 0;
  const lines: DeductionLine[] = [];
  for (const item of items) {
    const count = counts[item.key] ?? 0;
    const raw = count * hundredths(item.points);
    const cap = hundredths(item.cap);
    const deducted = Math.min(raw, cap);
    total += deducted;
    lines.push({ key: item.key, count, deducted: deducted / 100, capped: raw > cap });
  }
  return { score: Math.max(0, hundredths(base) - total) / 100, totalDeducted: total / 100, lines };
}
