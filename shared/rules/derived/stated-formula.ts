import { cellText } from "../../normalise/value.js";
import { unspacedHalfWidth } from "../../normalise/text.js";
import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/**
 * A rate the sheet defines in a line of its own (注：满意率＝（满意票＋基本满意票）÷收回票数): the columns
 * added over the column divided by. Where a sheet states how its rate is worked out, that decides, not
 * the engine's own reading of the counts.
 */
export interface StatedFormula {
  /** The formula as the clerk wrote it. */
  text: string;
  row: number;
  col: number;
  /** The columns added above the line. */
  over: number[];
  /** The column divided by. */
  under: number;
}

// 满意率=(满意票+基本满意票)÷收回票数×100%, on the half-width, unspaced text.
const FORMULA = /([^:=(),，。；;、]+?)=\(?([^()=÷/]+?)\)?[÷/]\(?([^()=×*%。；;，,]+?)\)?(?:[×*]100%)?(?=$|[。；;，,])/;

/** A header word without the unit clerks write or leave off (满意票, 满意票数, 满意人数: 满意). */
function stem(word: string): string {
  return unspacedHalfWidth(word).replace(/[（(][^）)]*[）)]$/, "").replace(/(?:票数|人数|张数|票|数|人)$/, "");
}

/** The column whose header, in any header row, is the word; -1 when none or more than one. */
function columnOf(ctx: RuleContext, word: string): number {
  const want = stem(word);
  if (want === "") return -1;
  const found = new Set<number>();
  for (let col = ctx.view.firstCol; col < ctx.view.colCount; col++) {
    for (let r = ctx.headerTop; r <= ctx.headerRow; r++) {
      if (stem(cellText(ctx.view.merged(r, col)).trim()) === want) found.add(col);
    }
  }
  return found.size === 1 ? [...found][0]! : -1;
}

/** The formula the sheet states for the column of `field`, outside its records and header; null when none. */
export function statedFormulaFor(ctx: RuleContext, field: string): StatedFormula | null {
  const i = ctx.field(field);
  if (i < 0) return null;
  const target = ctx.set.colOf[i]!;
  const recordRows = new Set(ctx.records.map((r) => r.row));
  for (let row = ctx.view.firstRow; row < ctx.view.rowCount; row++) {
    if (recordRows.has(row) || (row >= ctx.headerTop && row <= ctx.headerRow)) continue;
    for (let col = ctx.view.firstCol; col < ctx.view.colCount; col++) {
      const v = ctx.view.value(row, col);
      if (typeof v !== "string" || v.length > 300 || !/[=＝]/.test(v)) continue;
      const m = FORMULA.exec(unspacedHalfWidth(v));
      if (!m || columnOf(ctx, m[1]!) !== target) continue;
      const over = m[2]!.split("+").map((w) => columnOf(ctx, w));
      const under = columnOf(ctx, m[3]!);
      if (under < 0 || over.some((c) => c < 0)) continue;
      return { text: m[0], row, col, over, under };
    }
  }
  return null;
}

/** The formula's parts on a row: what is added and what it is divided by; null when a cell is not a number. */
export function formulaParts(ctx: RuleContext, rec: LedgerRecord, formula: StatedFormula): { count: number; of: number } | null {
  let count = 0;
  for (const col of formula.over) {
    const v = ctx.view.value(rec.row, col);
    if (typeof v !== "number") return null;
    count += v;
  }
  const of = ctx.view.value(rec.row, formula.under);
  return typeof of === "number" ? { count, of } : null;
}
