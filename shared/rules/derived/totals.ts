import { normaliseCell } from "../../normalise/value.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { FieldParsed } from "../../template/schema.js";
import type { LedgerRecord, RecordSet } from "../../records/build.js";
import type { RuleContext } from "../context.js";
import { saysContinued, type ContinuedFrom } from "../../book/continuation.js";
import { a1 } from "../../grid/a1.js";

/**
 * Derived rows are checked like data: a 合计 row equals the sum of its column over the data
 * rows above it, a 小计 row the sum since the last 小计 or section. Only additive columns
 * are summed (money, monthly payments, counts a template marks additive); a derived cell
 * that is empty or holds text is not judged. A 合计 on a sheet that continues earlier ones (续表)
 * may cover them all: it is right when it equals this sheet's rows or all the sheets' rows, and
 * compared with all of them when the sheet says it continues; on a continuation checked without
 * the sheets it continues, it is not compared at all.
 */
function additive(field: FieldParsed): boolean {
  return field.additive ?? field.type === "money";
}

function sumOf(records: LedgerRecord[], first: number, last: number, pick: (r: LedgerRecord) => unknown): number {
  let sum = 0;
  for (let i = first; i <= last; i++) {
    const v = pick(records[i]!);
    if (typeof v === "number") sum += v;
  }
  return sum;
}

function display(field: FieldParsed, v: number): string {
  return field.type === "money" ? fenToYuanText(v) : String(Math.round(v * 1e6) / 1e6);
}

interface SummedColumn {
  col: number;
  field: FieldParsed;
  pick: (r: LedgerRecord) => unknown;
  /** The same column's sum over the earlier sheets of a continued ledger. */
  earlier: number;
  /**
   * For a column that totals each row's months (全年合计): each member's months summed. A 合计 that
   * equals these is right where a member's own 全年合计 is wrong — that row says so itself.
   */
  rowTotal?: { pick: (r: LedgerRecord) => number; earlier: number };
}

/** Each record's repeating cells (its months) summed. */
function monthsOf(set: RecordSet): (r: LedgerRecord) => number {
  const counted = set.repeatColumns.map((rc) => additive(set.fields[rc.fieldIndex]!));
  return (r) => {
    let sum = 0;
    for (let i = 0; i < r.repeat.length; i++) {
      const v = r.repeat[i];
      if (counted[i] && typeof v === "number") sum += v;
    }
    return sum;
  };
}

/** Most rows that fill this column fill it with their months' sum: the column is the rows' total. */
const ROW_TOTAL_SHARE = 0.8;
function totalsItsRows(set: RecordSet, f: number, months: (r: LedgerRecord) => number): boolean {
  if (set.repeatColumns.length < 2) return false;
  let filled = 0;
  let equal = 0;
  for (const r of set.records) {
    const v = r.values[f];
    if (typeof v !== "number") continue;
    filled++;
    if (v === months(r)) equal++;
  }
  return filled >= 2 && equal >= ROW_TOTAL_SHARE * filled;
}

/** A column's sum over the sheets a continuation continues: the same field, and for a month the same month. */
function earlierSum(from: ContinuedFrom | undefined, fieldIndex: number, repeat: { period: number; year?: number } | null): number {
  let sum = 0;
  for (const { set } of from?.sheets ?? []) {
    if (repeat === null) {
      if (set.colOf[fieldIndex]! >= 0) sum += sumOf(set.records, 0, set.records.length - 1, (r) => r.values[fieldIndex]);
      continue;
    }
    const i = set.repeatColumns.findIndex((rc) => rc.fieldIndex === fieldIndex && rc.period === repeat.period && rc.year === repeat.year);
    if (i >= 0) sum += sumOf(set.records, 0, set.records.length - 1, (r) => r.repeat[i]);
  }
  return sum;
}

/** The cells of a column between two records that hold a number as text, with the number read (in the field's units). */
function textNumbersIn(ctx: RuleContext, records: LedgerRecord[], first: number, last: number, col: number): { cell: string; value: number }[] {
  const out: { cell: string; value: number }[] = [];
  const f = ctx.set.colOf.indexOf(col);
  for (let i = first; i <= last; i++) {
    const r = records[i]!;
    const raw = ctx.view.value(r.row, col);
    const v = f >= 0 ? r.values[f] : null;
    if (typeof raw === "string" && typeof v === "number") out.push({ cell: a1(r.row, col), value: v });
  }
  return out;
}

export function checkDerivedRows(ctx: RuleContext): void {
  const { set } = ctx;
  if (set.derived.length === 0) return;
  const continued = ctx.book?.continued;
  const columns: SummedColumn[] = [];
  const months = monthsOf(set);
  set.fields.forEach((field, f) => {
    const col = set.colOf[f]!;
    if (col < 0 || field.repeat || !additive(field)) return;
    const column: SummedColumn = { col, field, pick: (r) => r.values[f], earlier: earlierSum(continued, f, null) };
    if (totalsItsRows(set, f, months)) {
      const earlier = (continued?.sheets ?? []).reduce((n, s) => n + sumOf(s.set.records, 0, s.set.records.length - 1, monthsOf(s.set)), 0);
      column.rowTotal = { pick: months, earlier };
    }
    columns.push(column);
  });
  set.repeatColumns.forEach((rc, i) => {
    const field = set.fields[rc.fieldIndex]!;
    if (additive(field)) columns.push({ col: rc.col, field, pick: (r) => r.repeat[i], earlier: earlierSum(continued, rc.fieldIndex, rc) });
  });
  // A continuation whose earlier sheets are not here: its 合计 may cover them, so it is not compared.
  const unseenEarlier = !continued && saysContinued(ctx.sheet);
  const earlierRows = (continued?.sheets ?? []).reduce((n, s) => n + s.set.records.length, 0);
  for (const d of set.derived) {
    if (d.last < d.first) continue;
    const total = d.kind === "total";
    if (total && unseenEarlier) continue;
    for (const { col, field, pick, earlier, rowTotal } of columns) {
      const stated = normaliseCell(ctx.view.value(d.row, col), field.type).value;
      if (typeof stated !== "number") continue;
      const tolerance = field.type === "money" ? 0 : 1e-6;
      const agrees = (first: number): boolean => {
        const rows = rowTotal ? sumOf(set.records, first, d.last, rowTotal.pick) : null;
        return Math.abs(stated - sumOf(set.records, first, d.last, pick)) <= tolerance || (rows !== null && Math.abs(stated - rows) <= tolerance);
      };
      if (agrees(d.first)) continue;
      // One 合计 per group (a person's four rater rows and their 合计): it closes the rows since the 合计 above.
      if (d.groupFirst !== undefined && agrees(d.groupFirst)) continue;
      // A continued ledger's 合计 is compared with every sheet's rows, not a group's.
      const first = total && continued ? d.first : (d.groupFirst ?? d.first);
      const sum = sumOf(set.records, first, d.last, pick);
      const rowSum = rowTotal ? sumOf(set.records, first, d.last, rowTotal.pick) : null;
      // =SUM skips a number stored as text (实交 '48.71'), as Excel does: the total is what Excel shows. Said, not an error.
      const asText = textNumbersIn(ctx, set.records, first, d.last, col);
      if (asText.length > 0 && Math.abs(stated - (sum - asText.reduce((a, t) => a + t.value, 0))) <= tolerance) {
        ctx.atColumnIndex(d.row, col, field.name, "derived.textNotSummed", "info", { value: display(field, stated), cells: asText.map((t) => t.cell).join("、"), expected: display(field, sum) });
        continue;
      }
      if (total && continued) {
        const across = sum + earlier;
        if (Math.abs(stated - across) <= tolerance) continue;
        if (rowSum !== null && Math.abs(stated - (rowSum + rowTotal!.earlier)) <= tolerance) continue;
        if (continued.declared) {
          const sheets = continued.sheets.map((s) => `「${s.sheet}」`).join("、");
          ctx.atColumnIndex(d.row, col, field.name, "derived.totalAcrossMismatch", "error", { value: display(field, stated), expected: display(field, across), rows: d.last - d.first + 1 + earlierRows, sheets }, display(field, across));
          continue;
        }
      }
      ctx.atColumnIndex(d.row, col, field.name, "derived.totalMismatch", "error", { value: display(field, stated), expected: display(field, sum), rows: d.last - first + 1, label: total ? "合计" : "小计" }, display(field, sum));
    }
  }
}
