import { expectedDues, resolveDuesCategory } from "../../../shared/scoring/dues.js";
import { fenToYuan, yuanToFen } from "../../../shared/scoring/money.js";
import type { RuleSet } from "../../../shared/ruleset/schema.js";
import { isBlank, toNonNegative, toText } from "../args.js";
import type { DjContext } from "../context.js";
import { withRuleSet } from "../context.js";

/** =DJ.DUES and =DJ.DUESRATE: thin wrappers over shared/scoring/dues.ts. */

const MAX_MONTHLY_BASE_YUAN = 100_000_000;

function categoryOf(ctx: DjContext, rs: RuleSet, category: unknown): string {
  const text = toText(category);
  const key = resolveDuesCategory(text, rs.dues);
  if (key === null) {
    const known = Object.keys(rs.dues.categories).join("、");
    throw ctx.fail("invalidValue", `未知党费类别「${text}」，可用：${known} / unknown dues category`);
  }
  return key;
}

function baseFen(ctx: DjContext, income: unknown): number {
  const yuan = toNonNegative(income, "月收入（计算基数）", ctx.fail);
  // Beyond this, fen × basis points leaves exact integer range; no monthly base is that large.
  if (yuan > MAX_MONTHLY_BASE_YUAN) throw ctx.fail("invalidValue", `月收入${yuan}超出可计算范围 / income out of range`);
  return yuanToFen(yuan)!;
}

export function dues(ctx: DjContext, income: unknown, category: unknown, ruleSet: unknown): number | Promise<number> {
  return withRuleSet(ctx, ruleSet, (rs) => {
    const key = categoryOf(ctx, rs, category);
    const kind = rs.dues.categories[key]!.kind;
    // Fixed, range and exempt categories do not depend on income, so an empty cell is fine.
    const fen = kind === "brackets" || !isBlank(income) ? baseFen(ctx, income) : 0;
    const expected = expectedDues(fen, key, rs.dues)!;
    if (expected.kind === "amount") return fenToYuan(expected.fen);
    if (expected.kind === "exempt") return 0;
    throw ctx.fail(
      "notAvailable",
      `「${key}」每月 ${fenToYuan(expected.minFen).toFixed(2)}–${fenToYuan(expected.maxFen).toFixed(2)} 元，具体金额由省级党委确定 / ${key}: a range, no single amount`,
    );
  });
}

/** The rate as a fraction (0.015 shows as 1.5% in a percent-formatted cell). */
export function duesRate(ctx: DjContext, income: unknown, category: unknown, ruleSet: unknown): number | Promise<number> {
  return withRuleSet(ctx, ruleSet, (rs) => {
    const key = categoryOf(ctx, rs, category);
    const expected = expectedDues(baseFen(ctx, income), key, rs.dues)!;
    if (expected.kind === "amount" && expected.rateBasisPoints !== null) return expected.rateBasisPoints / 10_000;
    throw ctx.fail("notAvailable", `「${key}」按固定金额或范围交纳，没有比例 / ${key} pays a fixed amount, not a rate`);
  });
}
