import { basesByMonth, readBaseChanges } from "../../notes/base-changes.js";
import { duesAmountMatches } from "../../scoring/dues.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { LedgerRecord, RepeatColumn } from "../../records/build.js";
import type { RuleContext } from "../context.js";
import { describeExpectation, expectationFor } from "./standard-amount.js";

/**
 * A base change 备注 dates (7月起基数调整为5600.00; 1—6月基数4600.00; 2008规定第十条): the months on
 * either side of it are judged by their own base, not by the one base the row's column gives.
 */
export interface NoteBases {
  /** Per month of the year (1–12): the base by the note, or null where no one wrote it. */
  byMonth: (number | null)[];
  rowBase: number | null;
  /** The month the change is dated from, for the message on months that cannot be judged. */
  changeFrom: number | null;
  /** Months left unjudged for want of their base, said once per row. */
  unknown: number[];
}

export function noteBasesOf(ctx: RuleContext, rec: LedgerRecord): NoteBases | null {
  const note = ctx.str(rec, "note");
  if (note === null) return null;
  const changes = readBaseChanges(note);
  if (changes === null) return null;
  const rowBase = ctx.num(rec, "base");
  return { byMonth: basesByMonth(changes, rowBase), rowBase, changeFrom: changes.changeFrom ?? changes.spans[0]!.from, unknown: [] };
}

/**
 * Judges a month whose base the note sets apart from the row's column: true when it did (the caller
 * then leaves the month), false when the month's base is the row's own and the usual check applies.
 */
export function checkNoteBaseMonth(ctx: RuleContext, rec: LedgerRecord, column: RepeatColumn, paid: number, bases: NoteBases, toleranceFen: number): boolean {
  if ((column.span ?? 1) !== 1 || column.period < 1 || column.period > 12) return false;
  const base = bases.byMonth[column.period]!;
  if (base === bases.rowBase) return false;
  if (base === null) {
    bases.unknown.push(column.period);
    return true;
  }
  const expected = expectationFor(ctx, rec, base);
  if (expected && !duesAmountMatches(paid, expected, toleranceFen)) {
    const want = describeExpectation(expected);
    ctx.atColumnIndex(rec.row, column.col, "months", "dues.paidMismatchNoteBase", "error", { value: fenToYuanText(paid), base: fenToYuanText(base), expected: want }, want);
  }
  return true;
}

/** Months whose base the note leaves unsaid (7月起基数调整为5600, the base column 5600 too): said once, never passed over. */
export function reportUnknownBases(ctx: RuleContext, rec: LedgerRecord, bases: NoteBases): void {
  if (bases.unknown.length === 0) return;
  const months = bases.unknown.map((m) => `${m}月`).join("、");
  ctx.atCell(rec, "note", "dues.baseBeforeChangeUnknown", "info", { from: bases.changeFrom ?? bases.unknown[0]!, months });
}
