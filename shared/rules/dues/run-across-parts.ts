import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/**
 * Dues kept one sheet per quarter or half-year (一季度 … 四季度, 1-6月 | 7-12月) are one ledger in parts: a
 * member's unpaid run that reaches the end of one part and goes on in the next is one run. The later part says
 * it whole, from its first month on the earlier sheets; the earlier part leaves it to the later one.
 */
const unpaid = (v: unknown) => v === null || v === undefined || v === 0;

/** The same member's row on a part: by name, when the name is on exactly one row. */
function rowOf(part: RuleContext, name: string): LedgerRecord | null {
  const rows = part.records.filter((r) => part.str(r, "name")?.trim() === name);
  return rows.length === 1 ? rows[0]! : null;
}

/** A part of month columns: a quarter column's empty cell is three months, not counted here. */
const monthly = (part: RuleContext) => part.set.repeatColumns.every((c) => (c.span ?? 1) === 1);

function neighbour(ctx: RuleContext, step: -1 | 1): RuleContext | null {
  const register = ctx.book?.register;
  if (!register) return null;
  const own = register.own;
  const next = register.parts.find((p) => (step === -1 ? p.toMonth + 1 === own.fromMonth : p.fromMonth === own.toMonth + 1));
  return next && next.ctx !== ctx ? next.ctx : null;
}

/** Unpaid months just before this part, on the earlier parts, for a run that starts at this part's first month. */
export function unpaidMonthsBefore(ctx: RuleContext, rec: LedgerRecord): number {
  const name = ctx.str(rec, "name")?.trim();
  if (!name) return 0;
  let months = 0;
  for (let part = neighbour(ctx, -1); part; part = neighbour(part, -1)) {
    const row = rowOf(part, name);
    if (!row || row.repeat.length === 0 || !monthly(part)) break;
    let k = row.repeat.length - 1;
    while (k >= 0 && unpaid(row.repeat[k])) k--;
    months += row.repeat.length - 1 - k;
    if (k >= 0) break;
  }
  return months;
}

/** Whether a run reaching this part's last month goes on in the next part's first month (said there). */
export function unpaidRunGoesOn(ctx: RuleContext, rec: LedgerRecord): boolean {
  const name = ctx.str(rec, "name")?.trim();
  const next = name ? neighbour(ctx, 1) : null;
  const row = next && name ? rowOf(next, name) : null;
  return row !== null && row.repeat.length > 0 && monthly(next!) && unpaid(row.repeat[0]);
}
