import { partContexts, partOfYear } from "../../book/register-parts.js";
import { monthIndex } from "../../calendar/periods.js";
import { toHalfWidth } from "../../normalise/text.js";
import { isValueMarker } from "../../normalise/markers.js";
import type { LedgerRecord } from "../../records/build.js";
import { titleYear } from "../../records/title-year.js";
import type { RuleContext } from "../context.js";
import { reportUnpaidMonths } from "./unpaid-run.js";

/**
 * A dues sheet of one month (a year kept as twelve sheets 1月 … 12月, or one sheet titled
 * 2025年3月党费收缴登记表): its rows name no month, the sheet does. Every row is that month's
 * payment, and a row with nothing paid is that month unpaid. The month is the sheet name's (in the
 * title's year), else the one month the title names; null where neither names exactly one.
 */
const TITLE_MONTH = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])/g;
/** A title naming a span (1—3月, 第一季度) or a filing line (填报时间：2025年3月) names no one month of the sheet. */
const SPAN_OR_LINE = /\d\s*月?\s*[-—–~～至到]\s*\d{1,2}\s*月|季度|[:：]/;

export function sheetMonthOf(ctx: RuleContext): number | null {
  const part = partOfYear(ctx.view.name);
  if (part && part.fromMonth === part.toMonth) {
    const year = titleYear(ctx.view, ctx.headerRow);
    return year === null ? null : year * 12 + part.fromMonth - 1;
  }
  if (part) return null;
  const months = new Set<number>();
  for (const title of ctx.sheet.titles) {
    const t = toHalfWidth(title);
    if (SPAN_OR_LINE.test(t)) continue;
    for (const m of t.matchAll(TITLE_MONTH)) {
      const month = Number(m[2]);
      if (month >= 1 && month <= 12) months.add(Number(m[1]) * 12 + month - 1);
    }
  }
  return months.size === 1 ? [...months][0]! : null;
}

interface MemberMonth {
  ctx: RuleContext;
  rec: LedgerRecord;
  paid: boolean;
}

/** Nothing paid on the row: no amount (or 0), and no waiver written in the cell or the notes. */
function paidOn(ctx: RuleContext, rec: LedgerRecord): boolean {
  const v = ctx.get(rec, "amount");
  if (isValueMarker(v)) return true;
  if (ctx.facts(rec, "exempt").length > 0 || ctx.facts(rec, "paysElsewhere").length > 0) return true;
  return typeof v === "number" && v > 0;
}

/**
 * D6, D7 over the sheets of one month each: a member's consecutive months with nothing paid, across
 * the sheets of the workbook (1月 … 12月), said once by the sheet of the run's first month, at that
 * month's row. A month with no sheet, or after the as-of month or a transfer out, ends a run.
 */
export function checkSheetMonthRuns(ctx: RuleContext, ownMonth: number): void {
  const key = ctx.has("idNumber") ? "idNumber" : ctx.has("memberId") ? "memberId" : ctx.has("name") ? "name" : null;
  if (key === null) return;
  const asOfMonth = monthIndex(ctx.asOf);
  const members = new Map<string, Map<number, MemberMonth>>();
  const lastDue = new Map<string, number>();
  for (const part of partContexts(ctx)) {
    const month = part === ctx ? ownMonth : sheetMonthOf(part);
    if (month === null || month > asOfMonth || !part.has(key)) continue;
    for (const rec of part.records) {
      const who = part.str(rec, key);
      if (who === null) continue;
      let months = members.get(who);
      if (!months) members.set(who, (months = new Map()));
      if (!months.has(month)) months.set(month, { ctx: part, rec, paid: paidOn(part, rec) });
      for (const f of part.facts(rec, "transferOut")) if (f.day !== undefined) lastDue.set(who, Math.min(lastDue.get(who) ?? Infinity, monthIndex(f.day)));
    }
  }
  for (const [who, months] of members) {
    const due = lastDue.get(who) ?? Infinity;
    const sorted = [...months.keys()].sort((a, b) => a - b);
    let i = 0;
    while (i < sorted.length) {
      const first = sorted[i]!;
      if (months.get(first)!.paid || first > due) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1 && !months.get(sorted[j + 1]!)!.paid && sorted[j + 1]! <= due) j++;
      const at = months.get(first)!;
      if (at.ctx === ctx) {
        const field = ctx.has("amount") ? "amount" : key;
        reportUnpaidMonths(ctx, at.rec.row, ctx.set.colOf[ctx.field(field)]!, field, sorted[j]! - first + 1, first, sorted[j]!);
      }
      i = j + 1;
    }
  }
}
