import type { Finding } from "../../findings/types.js";
import type { RuleContext } from "../context.js";

/**
 * A file that was converted badly, told apart from a ledger kept badly. Runs after every
 * other rule of a sheet, on the findings they made:
 * - an ID column whose IDs are mostly numbers (a CSV opened in Excel, say) gets one finding
 *   for the column instead of one per row; the ID rules have already judged the rows whose
 *   IDs are still text, and those findings stay;
 * - a code column of fixed length (the template's minLength = maxLength, or a drop-down of
 *   codes all of one length) whose codes lost their leading zeros (020100 → 20100) gets one
 *   finding for the column, in place of the per-cell "not in the list" or "too short" ones
 *   those codes caused.
 */
export function checkConvertedColumns(ctx: RuleContext): void {
  collapseIdColumnsStoredAsNumbers(ctx);
  findCodesWithoutLeadingZeros(ctx);
}

/** Removes the findings `drop` says so, keeping the array (the context owns it). */
function removeFindings(ctx: RuleContext, drop: (f: Finding) => boolean): void {
  const keep = ctx.findings.filter((f) => !drop(f));
  ctx.findings.length = 0;
  // One by one: spreading a sheet's worth of findings into push() overflows the call stack.
  for (const f of keep) ctx.findings.push(f);
}

function filledCells(ctx: RuleContext, col: number): number {
  let n = 0;
  for (const rec of ctx.records) {
    const v = ctx.view.merged(rec.row, col);
    if (v !== null && !(typeof v === "string" && v.trim() === "")) n++;
  }
  return n;
}

function collapseIdColumnsStoredAsNumbers(ctx: RuleContext): void {
  const { idColumnNumberShare, idColumnMinRows } = ctx.ruleSet.conversion;
  ctx.set.fields.forEach((field, f) => {
    if (field.type !== "idNumber" || field.repeat || ctx.field(field.name) < 0) return;
    const asNumbers = ctx.findings.filter((x) => x.code === "id.asNumber" && x.field === field.name);
    if (asNumbers.length < idColumnMinRows) return;
    if (asNumbers.length < filledCells(ctx, ctx.set.colOf[f]!) * idColumnNumberShare) return;
    const cells = new Set(asNumbers);
    removeFindings(ctx, (x) => cells.has(x));
    ctx.atColumn(field.name, "id.columnAsNumber", "error", { count: asNumbers.length });
  });
}

/** Codes whose digits have one length, by the template or the sheet's own drop-down list. */
function fixedLength(ctx: RuleContext, f: number): { length: number; list: Set<string> | null } | null {
  const c = ctx.set.fields[f]!.constraints ?? {};
  const list = ctx.set.listOf[f] ?? null;
  if (c.minLength !== undefined && c.minLength === c.maxLength && c.minLength >= 2) return { length: c.minLength, list };
  if (!list || list.size === 0) return null;
  const lengths = new Set([...list].map((v) => (/^\d+$/.test(v) ? v.length : -1)));
  const [only] = [...lengths];
  return lengths.size === 1 && only !== undefined && only >= 2 ? { length: only, list } : null;
}

/** The digits a cell holds, as written or as the number a spreadsheet made of them. */
function digitsOf(v: ReturnType<RuleContext["view"]["merged"]>): string | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? String(v) : null;
  if (typeof v === "string") return /^\d+$/.test(v.trim()) ? v.trim() : null;
  return null;
}

const CAUSED_BY_LOST_ZEROS = new Set(["value.notInList", "value.tooShort", "value.pattern"]);

function findCodesWithoutLeadingZeros(ctx: RuleContext): void {
  ctx.set.fields.forEach((field, f) => {
    if (field.type !== "string" || field.repeat || ctx.field(field.name) < 0) return;
    const fixed = fixedLength(ctx, f);
    if (!fixed) return;
    const col = ctx.set.colOf[f]!;
    const rows = new Set<number>();
    let example: { value: string; padded: string } | null = null;
    for (const rec of ctx.records) {
      const digits = digitsOf(ctx.view.merged(rec.row, col));
      if (digits === null || digits.length >= fixed.length) continue;
      const padded = digits.padStart(fixed.length, "0");
      if (fixed.list && !fixed.list.has(padded)) continue; // short, but not a code that lost its zeros
      rows.add(rec.row + 1);
      example ??= { value: digits, padded };
    }
    if (!example) return;
    removeFindings(ctx, (x) => x.field === field.name && x.row !== null && rows.has(x.row) && CAUSED_BY_LOST_ZEROS.has(x.code));
    ctx.atColumn(field.name, "code.leadingZerosLost", "error", { count: rows.size, length: fixed.length, value: example.value, example: example.padded });
  });
}
