import type { CellValue } from "../../grid/types.js";
import { chineseCount, countWithUnit } from "../../normalise/chinese-count.js";
import { cleanText, unspacedHalfWidth } from "../../normalise/text.js";
import { maxOf } from "../../util/append-all.js";
import type { RuleContext } from "../context.js";
import { countOf, TOTAL_WORDS } from "./stated-counts.js";

/**
 * A 统计 block kept beside the table, past an empty column (党员总数 16, 正式党员 15, 男 11, 女 6: a
 * label and its count in the cell to its right): each count is what the table's rows hold — the
 * total the rows, a value the rows' text columns hold (男 in 性别, 预备党员 in 类别) the rows holding
 * it. A label no column holds is not judged.
 */
const BLOCK_TOTALS = new Set([...TOTAL_WORDS, "党员总数", "总人数", "总数", "人数合计", "党员总人数"]);
/** A block of counts has at least this many label-and-count pairs. */
const MIN_PAIRS = 2;

function filled(ctx: RuleContext, row: number, col: number): boolean {
  const v = ctx.view.value(row, col);
  return v !== null && !(typeof v === "string" && v.trim() === "");
}

/** A count as typed: 16, or text a clerk typed into a text cell (16, 16人, 十六). */
function statedCount(v: CellValue): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? v : null;
  if (typeof v !== "string") return null;
  const t = unspacedHalfWidth(v);
  return chineseCount(t) ?? countWithUnit(t);
}

export function checkBesideCounts(ctx: RuleContext): void {
  const { view, set } = ctx;
  const lastCol = Math.max(-1, maxOf(set.colOf));
  if (lastCol < 0 || set.records.length === 0) return;
  let gap = -1;
  for (let c = lastCol + 1; c < view.colCount - 1 && gap < 0; c++) {
    let blank = true;
    for (let r = ctx.headerTop; r < view.rowCount && blank; r++) if (filled(ctx, r, c)) blank = false;
    if (blank) gap = c;
  }
  if (gap < 0) return;
  const pairs: { row: number; col: number; label: string; count: number }[] = [];
  for (let r = view.firstRow; r < view.rowCount; r++) {
    for (let c = gap + 1; c < view.colCount - 1; c++) {
      const label = view.value(r, c);
      const count = statedCount(view.value(r, c + 1));
      if (typeof label !== "string" || count === null) continue;
      pairs.push({ row: r, col: c + 1, label: cleanText(label).replace(/[:：]$/, ""), count });
    }
  }
  if (pairs.length < MIN_PAIRS) return;
  const rows = set.records;
  for (const p of pairs) {
    const actual = BLOCK_TOTALS.has(p.label) ? rows.length : countOf(ctx, rows, p.label);
    if (actual === null || actual === p.count) continue;
    ctx.atColumnIndex(p.row, p.col, "name", "derived.blockCountMismatch", "error", { what: p.label, value: p.count, expected: actual, rows: rows.length }, String(actual));
  }
}
