import type { RuleSet, DuesCategory } from "../ruleset/schema.js";
import { percentToBasisPoints, yuanToFen, type Fen } from "./money.js";
import { unspacedHalfWidth } from "../normalise/text.js";

/**
 * Party dues (中组发〔2008〕3号 第二、五、六条): one rate applied to the whole base
 * (全额累进, not marginal). 5100 → 76.50 and 4900 → 49.00.
 */

export type DuesRounding = RuleSet["dues"]["rounding"];

export type DuesExpectation =
  | { kind: "amount"; fen: Fen; rateBasisPoints: number | null }
  | { kind: "range"; minFen: Fen; maxFen: Fen }
  | { kind: "exempt" };

/** Category text as clerks write it → the rule set's category key, or null when unknown. */
export function resolveDuesCategory(text: string | null | undefined, rules: RuleSet["dues"]): string | null {
  if (text === null || text === undefined || text.trim() === "") return rules.defaultCategory;
  // 在 职, 退 休: a word spaced out to its column's width is the same word.
  const key = unspacedHalfWidth(text);
  if (key in rules.categories) return key;
  const alias = rules.categoryAliases[key];
  if (alias !== undefined) return alias;
  for (const name of Object.keys(rules.categories)) if (key.includes(name)) return name;
  for (const [aliasText, name] of Object.entries(rules.categoryAliases)) if (key.includes(aliasText)) return name;
  return null;
}

/** Rate in basis points for a monthly base in fen, or null when the category has no brackets. */
export function duesRateBasisPoints(baseFen: Fen, category: DuesCategory): number | null {
  if (category.kind !== "brackets") return null;
  for (const b of category.brackets) {
    if (b.upTo === null || baseFen <= Math.round(b.upTo * 100)) return percentToBasisPoints(b.ratePercent);
  }
  return percentToBasisPoints(category.brackets[category.brackets.length - 1]!.ratePercent);
}

/** base × rate, rounded as the rule set says, all in integers (fen × basis points / 10 000). */
export function roundDues(baseFen: Fen, basisPoints: number, mode: DuesRounding): Fen {
  const scaled = baseFen * basisPoints; // exact: well inside 2^53 for any real salary
  if (mode === "half-up-fen") return Math.floor((scaled + 5_000) / 10_000);
  if (mode === "ceil-jiao") return Math.ceil(scaled / 100_000) * 10;
  return Math.ceil(scaled / 1_000_000) * 100;
}

export function expectedDues(baseFen: Fen, categoryKey: string, rules: RuleSet["dues"]): DuesExpectation | null {
  const category = rules.categories[categoryKey];
  if (!category) return null;
  switch (category.kind) {
    case "brackets": {
      const bp = duesRateBasisPoints(baseFen, category)!;
      return { kind: "amount", fen: roundDues(baseFen, bp, rules.rounding), rateBasisPoints: bp };
    }
    case "fixed":
      return { kind: "amount", fen: yuanToFen(category.amountYuan)!, rateBasisPoints: null };
    case "range":
      return { kind: "range", minFen: yuanToFen(category.minYuan)!, maxFen: yuanToFen(category.maxYuan)! };
    case "exempt":
      return { kind: "exempt" };
  }
}

/** What several months owe together (a quarter, a receipt of 3 months): the month's expectation times the months. */
export function duesForMonths(e: DuesExpectation, months: number): DuesExpectation {
  if (e.kind === "amount") return { ...e, fen: e.fen * months };
  if (e.kind === "range") return { kind: "range", minFen: e.minFen * months, maxFen: e.maxFen * months };
  return e;
}

/** Does a paid amount agree with the expectation, within the rule set's tolerance? */
export function duesAmountMatches(paidFen: Fen, expected: DuesExpectation, toleranceFen: number): boolean {
  if (expected.kind === "exempt") return true;
  if (expected.kind === "range") return paidFen >= expected.minFen - toleranceFen && paidFen <= expected.maxFen + toleranceFen;
  return Math.abs(paidFen - expected.fen) <= toleranceFen;
}
