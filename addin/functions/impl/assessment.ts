import type { RuleSet } from "../../../shared/ruleset/schema.js";
import { deductScore, type DeductionItem } from "../../../shared/scoring/deduct.js";
import { weightedScore, type AssessmentScheme } from "../../../shared/scoring/weighted.js";
import { isBlank, toCount, toNonNegative, toNumber, toText } from "../args.js";
import type { DjContext } from "../context.js";
import { withRuleSet } from "../context.js";
import { cellsOf, isVector, labelledPairs, rowsOf } from "../ranges.js";

/** =DJ.SCORE (five-part weighted total) and =DJ.DEDUCT (百分制 deductions). */

interface Entry {
  label: string | null;
  value: number;
}

/** A plain vector of numbers, or a (label, number) table. Blank cells in a vector are skipped. */
function entriesOf(ctx: DjContext, range: unknown, what: string): Entry[] {
  const pairs = isVector(range) ? null : labelledPairs(range);
  if (pairs) return pairs.map((p) => ({ label: p.label, value: toNumber(p.value, `${what}「${p.label}」`, ctx.fail) }));
  if (!isVector(range)) throw ctx.fail("invalidValue", `${what}应为一行、一列，或“名称+数值”两列 / ${what}: a row, a column or a two-column table`);
  return cellsOf(range)
    .filter((c) => !isBlank(c))
    .map((c, i) => ({ label: null, value: toNumber(c, `${what}第${i + 1}项`, ctx.fail) }));
}

function partKeyFor(label: string, scheme: AssessmentScheme): string | null {
  const part = scheme.parts.find((p) => p.key === label || p.label === label || p.labelEn.toLowerCase() === label.toLowerCase() || p.forms.some((f) => f === label));
  return part?.key ?? null;
}

/** Scores keyed by part; positional entries follow the scheme's order. */
function scoresByPart(ctx: DjContext, entries: Entry[], scheme: AssessmentScheme): Record<string, number> {
  const out: Record<string, number> = {};
  if (entries.every((e) => e.label === null)) {
    if (entries.length !== scheme.parts.length) {
      const names = scheme.parts.map((p) => p.label).join("、");
      throw ctx.fail("invalidValue", `需要${scheme.parts.length}个环节得分（${names}），收到${entries.length}个 / expected ${scheme.parts.length} part scores`);
    }
    scheme.parts.forEach((p, i) => (out[p.key] = entries[i]!.value));
    return out;
  }
  for (const e of entries) {
    const key = e.label === null ? null : partKeyFor(e.label, scheme);
    if (key === null) throw ctx.fail("invalidValue", `未知考核环节「${e.label ?? ""}」 / unknown assessment part`);
    out[key] = e.value;
  }
  return out;
}

/** Weights given in the sheet replace the rule set's (same order or same labels as the scores). */
function schemeWith(ctx: DjContext, base: AssessmentScheme, weights: Entry[]): AssessmentScheme {
  if (weights.some((w) => w.value < 0)) throw ctx.fail("invalidValue", "权重不能为负数 / weights must not be negative");
  const parts = weights.map((w, i) => {
    const known = w.label === null ? base.parts[i] : base.parts.find((p) => p.key === partKeyFor(w.label!, base));
    const key = known?.key ?? w.label ?? `part${i + 1}`;
    return { key, label: known?.label ?? key, labelEn: known?.labelEn ?? key, weight: w.value, forms: known?.forms ?? [] };
  });
  if (!parts.some((p) => p.weight > 0)) throw ctx.fail("invalidValue", "权重不能全为0 / at least one weight must be positive");
  return { ...base, parts };
}

export function score(ctx: DjContext, partScores: unknown, scheme: unknown, ruleSet: unknown): number | Promise<number> {
  return withRuleSet(ctx, ruleSet, (rs) => {
    const entries = entriesOf(ctx, partScores, "环节得分");
    const hasScheme = !(isBlank(scheme) || (Array.isArray(scheme) && cellsOf(scheme).every(isBlank)));
    const effective = hasScheme ? schemeWith(ctx, rs.assessment, entriesOf(ctx, scheme, "权重")) : rs.assessment;
    const result = weightedScore(scoresByPart(ctx, entries, effective), effective);
    if (result.ok) return result.score;
    const part = effective.parts.find((p) => p.key === result.part)?.label ?? result.part;
    if (result.problem === "missingPart") throw ctx.fail("invalidValue", `缺少环节「${part}」的得分 / missing score for ${part}`);
    throw ctx.fail("invalidValue", `环节「${part}」得分应在0–${effective.maxPartScore}之间 / score out of range`);
  });
}

function deductionItemFor(label: string, items: readonly DeductionItem[]): DeductionItem | null {
  return items.find((d) => d.key === label || d.label === label || d.labelEn.toLowerCase() === label.toLowerCase()) ?? null;
}

/** Items as names of the rule set's items, or rows of [name?, points, cap]. */
function itemsOf(ctx: DjContext, range: unknown, rs: RuleSet): DeductionItem[] {
  const rows = rowsOf(range).filter((r) => !r.every(isBlank));
  const numericCells = (r: unknown[]) => r.filter((c) => typeof c === "number");
  if (rows.length > 0 && rows.every((r) => numericCells(r).length >= 2)) {
    return rows.map((r, i) => {
      const nums = numericCells(r);
      const label = toText(r.find((c) => typeof c === "string")) ?? `item${i + 1}`;
      const points = toNonNegative(nums[nums.length - 2], `扣分项「${label}」每次扣分`, ctx.fail);
      const cap = toNonNegative(nums[nums.length - 1], `扣分项「${label}」上限`, ctx.fail);
      return { key: `${i}:${label}`, label, labelEn: label, points, cap };
    });
  }
  return cellsOf(range)
    .filter((c) => !isBlank(c))
    .map((c) => {
      const label = toText(c) ?? "";
      const item = deductionItemFor(label, rs.deductions.items);
      if (!item) {
        const known = rs.deductions.items.map((d) => d.key).join(", ");
        throw ctx.fail("invalidValue", `未知扣分项「${label}」，可用：${known} / unknown deduction item`);
      }
      return item;
    });
}

export function deduct(ctx: DjContext, counts: unknown, items: unknown, ruleSet: unknown): number | Promise<number> {
  return withRuleSet(ctx, ruleSet, (rs) => {
    const list = itemsOf(ctx, items, rs);
    const values = cellsOf(counts).filter((c) => !isBlank(c));
    if (values.length !== list.length) {
      throw ctx.fail("invalidValue", `次数有${values.length}个，扣分项有${list.length}个，应一一对应 / counts and items differ in number`);
    }
    const byKey: Record<string, number> = {};
    list.forEach((item, i) => (byKey[item.key] = (byKey[item.key] ?? 0) + toCount(values[i], `「${item.label}」次数`, ctx.fail)));
    const unique = [...new Map(list.map((d) => [d.key, d])).values()];
    return deductScore(byKey, unique, rs.deductions.base).score;
  });
}
