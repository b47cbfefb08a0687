import { normaliseCell } from "../../normalise/value.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { FieldParsed } from "../../template/schema.js";
import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";
import { saysContinued, type ContinuedFrom } from "../../book/continuation.js";

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

export function checkDerivedRows(ctx: RuleContext): void {
  const { set } = ctx;
  if (set.derived.length === 0) return;
  const continued = ctx.book?.continued;
  const columns: SummedColumn[] = [];
  set.fields.forEach((field, f) => {
    const col = set.colOf[f]!;
    if (col >= 0 && !field.repeat && additive(field)) columns.push({ col, field, pick: (r) => r.values[f], earlier: earlierSum(continued, f, null) });
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
    for (const { col, field, pick, earlier } of columns) {
      const stated = normaliseCell(ctx.view.value(d.row, col), field.type).value;
      if (typeof stated !== "number") continue;
      const sum = sumOf(set.records, d.first, d.last, pick);
      const tolerance = field.type === "money" ? 0 : 1e-6;
      if (Math.abs(stated - sum) <= tolerance) continue;
      if (total && continued) {
        const across = sum + earlier;
        if (Math.abs(stated - across) <= tolerance) continue;
        if (continued.declared) {
          const sheets = continued.sheets.map((s) => `「${s.sheet}」`).join("、");
          ctx.atColumnIndex(d.row, col, field.name, "derived.totalAcrossMismatch", "error", { value: display(field, stated), expected: display(field, across), rows: d.last - d.first + 1 + earlierRows, sheets }, display(field, across));
          continue;
        }
      }
      ctx.atColumnIndex(d.row, col, field.name, "derived.totalMismatch", "error", { value: display(field, stated), expected: display(field, sum), rows: d.last - d.first + 1, label: total ? "合计" : "小计" }, display(field, sum));
    }
  }
}
