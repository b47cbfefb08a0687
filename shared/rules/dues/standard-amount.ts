import { expectedDues, resolveDuesCategory, duesAmountMatches, type DuesExpectation } from "../../scoring/dues.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";

/**
 * D1–D4: the monthly amount a member owes, from the base and category under the rule
 * set's brackets (全额累进) and rounding; D9: more than the monthly cap is unusual.
 */
export function expectationFor(ctx: RuleContext, rec: LedgerRecord): DuesExpectation | null {
  const dues = ctx.ruleSet.dues;
  const categoryText = ctx.str(rec, "category");
  const key = resolveDuesCategory(categoryText, dues);
  if (key === null) return null;
  const base = ctx.num(rec, "base");
  const category = dues.categories[key];
  if (!category) return null;
  if (category.kind === "brackets" && base === null) return null;
  return expectedDues(base ?? 0, key, dues);
}

export function describeExpectation(e: DuesExpectation): string {
  if (e.kind === "amount") return fenToYuanText(e.fen);
  if (e.kind === "range") return `${fenToYuanText(e.minFen)}–${fenToYuanText(e.maxFen)}`;
  return "0.00";
}

export const duesStandardRule: Rule = {
  needs: ["standard"],
  run(ctx) {
    const dues = ctx.ruleSet.dues;
    const capFen = Math.round(dues.monthlyCapYuan * 100);
    for (const rec of ctx.records) {
      const standard = ctx.num(rec, "standard");
      if (standard === null) continue;
      const categoryText = ctx.str(rec, "category");
      if (categoryText !== null && resolveDuesCategory(categoryText, dues) === null) {
        ctx.atCell(rec, "category", "dues.unknownCategory", "warning", { value: categoryText, known: Object.keys(dues.categories).join("、") });
        continue;
      }
      const expected = expectationFor(ctx, rec);
      if (expected && !duesAmountMatches(standard, expected, dues.toleranceFen)) {
        const code = expected.kind === "range" ? "dues.outOfRange" : "dues.amountMismatch";
        ctx.atCell(rec, "standard", code, "error", { value: fenToYuanText(standard), expected: describeExpectation(expected) }, describeExpectation(expected));
      }
      if (standard > capFen && ctx.get(rec, "voluntary") !== true) {
        ctx.atCell(rec, "standard", "dues.overCap", "warning", { value: fenToYuanText(standard), cap: dues.monthlyCapYuan });
      }
    }
  },
};
