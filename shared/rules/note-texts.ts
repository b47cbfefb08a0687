import { a1 } from "../grid/a1.js";
import { cellText } from "../normalise/value.js";
import type { RuleContext } from "./context.js";

/**
 * The texts a sheet writes outside its table's header and records (a note above or under it: 等次划分：…,
 * 加分项最高加5分), row by row, each with its cell. What a sheet states about its own table is read from these.
 */
export function* noteTexts(ctx: RuleContext): Generator<{ text: string; row: number; col: number }> {
  const recordRows = new Set(ctx.records.map((r) => r.row));
  const { view } = ctx;
  for (let row = view.firstRow; row < view.rowCount; row++) {
    if (recordRows.has(row) || (row >= ctx.headerTop && row <= ctx.headerRow)) continue;
    const values = view.rowValues(row);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === "string") yield { text: cellText(v), row, col: view.firstCol + i };
    }
  }
}

/** Where a band, cap or quota a finding applies comes from, in the finding's words: the sheet's note at its cell, else the rule set. */
export function statedWhere(lang: string, at: { row: number; col: number } | null): string {
  if (!at) return lang === "zh" ? "规则集" : "the rule set";
  return lang === "zh" ? `表中说明（${a1(at.row, at.col)}）` : `the note in the sheet (${a1(at.row, at.col)})`;
}
