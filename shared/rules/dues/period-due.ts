import { monthIndex } from "../../calendar/periods.js";
import { titleYear } from "../../records/title-year.js";
import type { LedgerRecord } from "../../records/build.js";
import { cellText, normaliseCell } from "../../normalise/value.js";
import { cleanText, unspacedHalfWidth } from "../../normalise/text.js";
import { fenToYuanText } from "../../scoring/money.js";
import { toYmd } from "../../calendar/days.js";
import type { Rule, RuleContext } from "../context.js";

/**
 * A column of what is due for a span of months, the months in its header (1—6月应缴, 上半年应交党费,
 * 第三季度应缴): the monthly amount of the row times the months of the span that are due — from the month
 * of admission (2008规定 第八条) or of a transfer in, up to the month of a transfer out or of leaving. A
 * span that starts the month after the admission has left that month out (a warning: 第八条 is read to
 * the day of the 支部大会, and the branch may count it otherwise). A member whose dues are waived or
 * suspended is not judged; nor a column of what was paid (实缴), which may be less than what is due.
 */
const RANGE = /^(?:(\d{1,2})[—\-–－~～至到](\d{1,2})月份?|(上半年|下半年|全年|全年度|本年度)|(?:第?([一二三四1-4])季度))(?:应缴|应交|应缴纳|应交纳)(?:党费)?(?:金额|额|合计|小计)?(?:\(元\)|（元）)?$/;
const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** The header's months, 1-based and inclusive, or null when it names no span due. */
export function periodOfHeader(header: string): { from: number; to: number } | null {
  const m = RANGE.exec(unspacedHalfWidth(cleanText(header)).replace(/[（(]元[)）]$/, ""));
  if (!m) return null;
  if (m[1] !== undefined) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    return from >= 1 && to <= 12 && from <= to ? { from, to } : null;
  }
  if (m[3] !== undefined) return m[3] === "上半年" ? { from: 1, to: 6 } : m[3] === "下半年" ? { from: 7, to: 12 } : { from: 1, to: 12 };
  const q = QUARTER[m[4]!]!;
  return { from: q * 3 - 2, to: q * 3 };
}

function periodColumns(ctx: RuleContext): { col: number; header: string; from: number; to: number }[] {
  const bound = new Set(ctx.set.colOf);
  const out: { col: number; header: string; from: number; to: number }[] = [];
  for (let c = ctx.view.firstCol; c < ctx.view.colCount; c++) {
    if (bound.has(c)) continue;
    const header = cleanText(cellText(ctx.view.merged(ctx.headerRow, c)));
    const span = periodOfHeader(header);
    if (span) out.push({ col: c, header, ...span });
  }
  return out;
}

/** The first and last month due within the span (month indexes), and the month of an admission inside it. */
function dueSpan(ctx: RuleContext, rec: LedgerRecord, first: number, last: number): { first: number; last: number; admitted: number | null } | null {
  if (["exempt", "suspended"].some((k) => ctx.facts(rec, k as "exempt").length > 0)) return null;
  let admitted: number | null = null;
  const joined = ctx.num(rec, "joinDate");
  const admittedOn = joined !== null ? [joined] : ctx.facts(rec, "admitted").flatMap((f) => (f.day === undefined ? [] : [f.day]));
  for (const day of admittedOn) {
    const m = monthIndex(day);
    if (m > first && m <= last) admitted = m;
    first = Math.max(first, m);
  }
  for (const f of ctx.facts(rec, "transferIn")) if (f.day !== undefined) first = Math.max(first, monthIndex(f.day));
  for (const kind of ["transferOut", "left"] as const) {
    for (const f of ctx.facts(rec, kind)) {
      if (f.day === undefined) return null;
      last = Math.min(last, monthIndex(f.day));
    }
  }
  return first <= last ? { first, last, admitted } : null;
}

export const duesPeriodDueRule: Rule = {
  needs: ["standard"],
  run(ctx) {
    const columns = periodColumns(ctx);
    if (columns.length === 0) return;
    const year = titleYear(ctx.view, ctx.headerRow) ?? toYmd(ctx.asOf).y;
    for (const column of columns) {
      for (const rec of ctx.records) {
        const monthly = ctx.num(rec, "standard");
        const stated = normaliseCell(ctx.view.merged(rec.row, column.col), "money").value;
        if (monthly === null || typeof stated !== "number") continue;
        const span = dueSpan(ctx, rec, year * 12 + column.from - 1, year * 12 + column.to - 1);
        if (!span) continue;
        const months = span.last - span.first + 1;
        const expected = monthly * months;
        if (stated === expected) continue;
        const args = { value: fenToYuanText(stated), monthly: fenToYuanText(monthly), months, expected: fenToYuanText(expected) };
        // Counted from the month after the admission: the admission's own month left out (第八条).
        if (span.admitted !== null && stated === monthly * (months - 1)) {
          ctx.atColumnIndex(rec.row, column.col, column.header, "dues.periodDueFromAdmission", "warning", { ...args, month: `${Math.floor(span.admitted / 12)}年${(span.admitted % 12) + 1}月` }, fenToYuanText(expected));
        } else {
          ctx.atColumnIndex(rec.row, column.col, column.header, "dues.periodDueMismatch", "error", args, fenToYuanText(expected));
        }
      }
    }
  },
};
