import { expectedDues, resolveDuesCategory, duesAmountMatches, type DuesExpectation } from "../../scoring/dues.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { contextTexts } from "../../detect/sheet-context.js";
import { categoryOfNote, changedCategoryOfNote } from "./note-category.js";

/**
 * D1–D4: the monthly amount a member owes, from the base and category under the rule
 * set's brackets (全额累进) and rounding; D9: more than the monthly cap is unusual. A row that
 * names no category takes the one its 备注 says (退休), else its base column's header (离退休费: 离退休), else the default.
 */
/** The category the base column's header says (离退休费 → 离退休), for rows that name none. */
function categoryOfBaseHeader(ctx: RuleContext): string | null {
  // The whole header: 离退休费 may stand over a unit row （元/月）.
  const header = ctx.headerPathOf("base");
  if (header === "") return null;
  return ctx.ruleSet.dues.baseHeaderCategories.find((b) => b.headerContains.some((w) => header.includes(w)))?.category ?? null;
}

/** The category every member of the branch pays at, when the sheet's title names such a branch (离休干部第二党支部). */
function categoryOfBranchTitle(ctx: RuleContext): string | null {
  const texts = contextTexts(ctx.sheet).map((t) => t.replace(/\s+/g, "").replace(/第[一二三四五六七八九十\d]+(?=党支部)/g, ""));
  return ctx.ruleSet.dues.branchTitleCategories.find((b) => b.titleContains.some((w) => texts.some((t) => t.includes(w))))?.category ?? null;
}

/** What the member owes a month, from the row's base (or `baseFen`, a month's base a note states) and category. */
export function expectationFor(ctx: RuleContext, rec: LedgerRecord, baseFen?: number): DuesExpectation | null {
  const dues = ctx.ruleSet.dues;
  const categoryText = ctx.str(rec, "category");
  const key = changedCategoryOfNote(ctx, rec) ?? (categoryText === null ? (categoryOfNote(ctx, rec) ?? categoryOfBaseHeader(ctx) ?? categoryOfBranchTitle(ctx) ?? resolveDuesCategory(null, dues)) : resolveDuesCategory(categoryText, dues));
  if (key === null) return null;
  const base = baseFen ?? ctx.num(rec, "base");
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

/**
 * A stated 交纳比例 agrees with the rate the rule set gives for the base. Clerks write it as
 * 1.5%, 1.5 or 0.015 (a percent-formatted cell); all three mean one and a half percent.
 */
function checkStatedRate(ctx: RuleContext, rec: LedgerRecord, expected: DuesExpectation | null): void {
  const stated = ctx.num(rec, "rate");
  if (stated === null || expected?.kind !== "amount" || expected.rateBasisPoints === null) return;
  const i = ctx.field("rate");
  const format = i >= 0 ? (ctx.view.format(rec.row, ctx.set.colOf[i]!) ?? "") : "";
  const percent = format.includes("%") || stated < 0.05 ? stated * 100 : stated;
  const basisPoints = Math.round(percent * 100);
  if (basisPoints !== expected.rateBasisPoints) {
    const base = ctx.num(rec, "base");
    // The wrong bracket applied throughout (1.5% of 5000 = 75.00 written): one mistake, an error at the amount
    // owed; the rate it came from is marked too, as a warning.
    const severity = base !== null && wrongAmountFromRate(ctx, rec, base, basisPoints, expected) ? "warning" : "error";
    const want = `${expected.rateBasisPoints / 100}%`;
    ctx.atCell(rec, "rate", "dues.rateMismatch", severity, { value: ctx.text(rec, "rate") || `${percent}%`, base: base === null ? "?" : fenToYuanText(base), expected: want }, want);
  }
}

/** The written standard is the base at the stated (wrong) rate, and not what is owed: the standard's finding says it. */
function wrongAmountFromRate(ctx: RuleContext, rec: LedgerRecord, baseFen: number, basisPoints: number, expected: DuesExpectation): boolean {
  const standard = ctx.num(rec, "standard");
  if (standard === null || !ctx.has("standard") || duesAmountMatches(standard, expected, ctx.ruleSet.dues.toleranceFen)) return false;
  return Math.abs(Math.round((baseFen * basisPoints) / 10_000) - standard) <= ctx.ruleSet.dues.toleranceFen;
}

export const duesRateRule: Rule = {
  needs: ["rate", "base"],
  run(ctx) {
    for (const rec of ctx.records) checkStatedRate(ctx, rec, expectationFor(ctx, rec));
  },
};

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
      if (expected && !duesAmountMatches(standard, expected, dues.toleranceFen) && !waivedOrReduced(ctx, rec, standard, expected)) {
        const code = expected.kind === "range" ? "dues.outOfRange" : "dues.amountMismatch";
        ctx.atCell(rec, "standard", code, "error", { value: fenToYuanText(standard), expected: describeExpectation(expected) }, describeExpectation(expected));
      }
      if (standard > capFen && ctx.get(rec, "voluntary") !== true && ctx.facts(rec, "duesConsent").length === 0) {
        ctx.atCell(rec, "standard", "dues.overCap", "warning", { value: fenToYuanText(standard), cap: dues.monthlyCapYuan });
      }
    }
  },
};

/**
 * 第七条: a member in hardship may pay less or nothing, decided by the branch and approved by the
 * committee above. A 备注 that says 免交 makes a standard of 0 right (whether it says the approval is
 * the monthly check's to say); one that says 少交 makes a smaller standard right when approved, and a
 * warning, not a wrong amount, when the approval is not written.
 */
function waivedOrReduced(ctx: RuleContext, rec: LedgerRecord, standard: number, expected: DuesExpectation): boolean {
  if (standard === 0 && ctx.facts(rec, "exempt").length > 0) return true;
  const reduced = ctx.facts(rec, "reduced");
  const owed = expected.kind === "amount" ? expected.fen : expected.kind === "range" ? expected.minFen : 0;
  if (reduced.length === 0 || standard >= owed) return false;
  if (!reduced.some((f) => f.approved)) {
    const want = describeExpectation(expected);
    ctx.atCell(rec, "standard", "dues.reducedNotApproved", "warning", { value: fenToYuanText(standard), expected: want }, want);
  }
  return true;
}
