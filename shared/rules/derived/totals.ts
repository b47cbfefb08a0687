import { normaliseCell } from "../../normalise/value.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { FieldParsed } from "../../template/schema.js";
import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/**
 * Derived rows are checked like data: a 合计 row equals the sum of its column over the data
 * rows above it, a 小计 row the sum since the last 小计 or section. Only additive columns
 * are summed (money, monthly payments, counts a template marks additive); a derived cell
 * that is empty or holds text is not judged.
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

export function checkDerivedRows(ctx: RuleContext): void {
  const { set } = ctx;
  if (set.derived.length === 0) return;
  const columns: { col: number; field: FieldParsed; pick: (r: LedgerRecord) => unknown }[] = [];
  set.fields.forEach((field, f) => {
    const col = set.colOf[f]!;
    if (col >= 0 && !field.repeat && additive(field)) columns.push({ col, field, pick: (r) => r.values[f] });
  });
  set.repeatColumns.forEach((rc, i) => {
    const field = set.fields[rc.fieldIndex]!;
    if (additive(field)) columns.push({ col: rc.col, field, pick: (r) => r.repeat[i] });
  });
  for (const d of set.derived) {
    if (d.last < d.first) continue;
    for (const { col, field, pick } of columns) {
      const stated = normaliseCell(ctx.view.value(d.row, col), field.type).value;
      if (typeof stated !== "number") continue;
      const sum = sumOf(set.records, d.first, d.last, pick);
      const tolerance = field.type === "money" ? 0 : 1e-6;
      if (Math.abs(stated - sum) > tolerance) {
        ctx.atColumnIndex(d.row, col, field.name, "derived.totalMismatch", "error", { value: display(field, stated), expected: display(field, sum), rows: d.last - d.first + 1, label: d.kind === "total" ? "合计" : "小计" }, display(field, sum));
      }
    }
  }
}
