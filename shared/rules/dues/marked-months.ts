import { cellText } from "../../normalise/value.js";
import { isPaidMark } from "../../normalise/paid-marks.js";
import { readNotes } from "../../notes/read-notes.js";
import type { LedgerRecord, RepeatColumn } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/**
 * The months a month cell marked paid without its amount (√, 已交, 补交1-4月) stands for, as months of
 * the year (1–12): its own month, and those a 补交 names (补交1-4月 in April: January to April).
 * Empty for a cell that is not such a mark.
 */
export function markedMonths(ctx: RuleContext, rec: LedgerRecord, index: number, column: RepeatColumn): number[] {
  if (!isPaidMark(rec.repeat[index])) return [];
  const own = column.period;
  const text = cellText(ctx.view.value(rec.row, column.col));
  const late = readNotes(text).find((f) => f.kind === "backPay")?.monthsOfYear ?? [];
  return late.includes(own) ? late : [...late, own].sort((a, b) => a - b);
}

/** How many of the row's months are marked paid with no amount written (each 补交 month counted). */
export function markedMonthCount(ctx: RuleContext, rec: LedgerRecord, counted: readonly boolean[] | null = null): number {
  let months = 0;
  ctx.set.repeatColumns.forEach((c, i) => {
    if (counted === null || counted[i]) months += markedMonths(ctx, rec, i, c).length;
  });
  return months;
}
