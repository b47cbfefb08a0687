import { bandOf } from "../../notes/score-bands.js";
import { statedWhere } from "../note-texts.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { statedBands } from "../yearly/stated-bands.js";
import { rateDisagrees, statedPercent } from "../derived/stated-rate.js";
import { formulaParts, statedFormulaFor, type StatedFormula } from "../derived/stated-formula.js";
import { ballotsDisagree, VOTE_FIELDS } from "./votes.js";

const PARTS = [
  { count: "satisfied", rate: "satisfiedRate" },
  { count: "basicSatisfied", rate: "basicSatisfiedRate" },
  { count: "dissatisfied", rate: "dissatisfiedRate" },
] as const;

/**
 * A 民主测评 written as satisfaction (满意 / 基本满意 / 不满意): each of those taking part gives one of the three, so
 * the counts add up to 参评人数; each rate is its count over them, to the decimals written (33.3% three times is
 * 99.9%, a rounding); rates with no counts add up to 100%; and where the sheet states its bands (90%以上为优秀 …),
 * the 等次 follows its 综合满意度.
 */
export const satisfactionRule: Rule = {
  needs: [],
  run(ctx) {
    if (!PARTS.some((p) => ctx.has(p.count) || ctx.has(p.rate))) return;
    // The ballots are the vote rule's where the sheet has its columns; a tally of satisfaction alone, here.
    const ballotsHere = !VOTE_FIELDS.every((f) => ctx.has(f));
    const formulas = PARTS.map((p) => statedFormulaFor(ctx, p.rate));
    for (const rec of ctx.records) {
      if (ballotsHere && ballotsDisagree(ctx, rec, false)) continue;
      if (!countsAgree(ctx, rec)) continue;
      checkRates(ctx, rec, formulas);
    }
    checkBands(ctx);
  },
};

/** False when the counts do not add up to those taking part (said at 参评人数): the rates are then not judged. */
function countsAgree(ctx: RuleContext, rec: LedgerRecord): boolean {
  const counts = PARTS.map((p) => ctx.num(rec, p.count));
  const total = ctx.num(rec, "voters");
  if (total === null || counts.some((c) => c === null)) return true;
  const sum = counts.reduce<number>((a, c) => a + c!, 0);
  if (sum === total) return true;
  ctx.atCell(rec, "voters", "assessment.satisfactionTotal", "error", { total, sum });
  return false;
}

function checkRates(ctx: RuleContext, rec: LedgerRecord, formulas: (StatedFormula | null)[]): void {
  const counts = PARTS.map((p) => ctx.num(rec, p.count));
  const of = ctx.num(rec, "voters") ?? (counts.every((c) => c !== null) ? counts.reduce<number>((a, c) => a + c!, 0) : null);
  const rates = PARTS.map((p) => (ctx.has(p.rate) ? statedPercent(ctx, rec, p.rate) : null));
  // A rate the sheet defines is judged by its definition only.
  PARTS.forEach((p, i) => {
    const formula = formulas[i];
    const stated = rates[i];
    if (!formula || !stated) return;
    const parts = formulaParts(ctx, rec, formula);
    const want = parts ? rateDisagrees(stated, parts.count, parts.of) : null;
    if (want !== null) ctx.atCell(rec, p.rate, "assessment.statedFormulaRate", "error", { value: stated.text, formula: formula.text, expected: want }, want);
  });
  if (of !== null && of > 0) {
    PARTS.forEach((p, i) => {
      const stated = rates[i];
      if (formulas[i]) return;
      const count = counts[i];
      if (!stated || count === null || count === undefined) return;
      const want = rateDisagrees(stated, count, of);
      if (want !== null) ctx.atCell(rec, p.rate, "assessment.satisfactionRate", "error", { value: stated.text, count, of, expected: want }, want);
    });
    return;
  }
  // No counts to judge by: the three rates of one count add up to 100%, give or take each one's rounding.
  if (rates.some((r) => r === null) || formulas.some((f) => f !== null)) return;
  const sum = rates.reduce((a, r) => a + r!.percent, 0);
  const slack = rates.reduce((a, r) => a + 0.5 / 10 ** r!.decimals, 0) + 1e-9;
  if (Math.abs(sum - 100) > slack) ctx.atCell(rec, PARTS[2].rate, "assessment.satisfactionRatesSum", "error", { sum: `${Math.round(sum * 100) / 100}%` });
}

/** The 等次 by the 综合满意度 and the bands the sheet states (LOCAL: its own footnote); none stated, not judged. */
function checkBands(ctx: RuleContext): void {
  if (!ctx.has("composite") || !ctx.has("grade")) return;
  // The grades the template knows for the column and the ones the sheet uses: a band may name one no row was given.
  const known = ctx.template.fields[ctx.field("grade")]!.content?.values ?? [];
  const grades = [...new Set([...known, ...ctx.records.map((r) => ctx.str(r, "grade")?.trim() ?? "").filter((g) => g !== "")])];
  const stated = statedBands(ctx, grades);
  if (!stated) return;
  const source = statedWhere(ctx.lang, stated);
  for (const rec of ctx.records) {
    const grade = ctx.str(rec, "grade")?.trim() ?? "";
    const composite = statedPercent(ctx, rec, "composite");
    if (grade === "" || composite === null || !stated.bands.some((b) => b.grade === grade)) continue;
    const expected = bandOf(stated.bands, composite.percent);
    if (expected !== null && expected !== grade) ctx.atCell(rec, "grade", "assessment.satisfactionBand", "error", { value: grade, composite: composite.text, expected, source }, expected);
  }
}
