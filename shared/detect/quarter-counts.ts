import { SheetView } from "../grid/sheet-view.js";
import type { SheetGrid } from "../grid/types.js";
import { isNothingMarker } from "../normalise/markers.js";
import { cleanText, toHalfWidth } from "../normalise/text.js";
import { titleYear } from "../records/title-year.js";
import type { RuleSet } from "../ruleset/schema.js";
import { resolveMeetingType, type MeetingRequirement } from "../scoring/meetings.js";
import { cellText } from "./header-cells.js";
import { parseMonthHeader } from "./month-header.js";
import { minOf } from "../util/append-all.js";

/**
 * A 三会一课 statistics table of counts: the meeting types down one column, 一季度…四季度 across,
 * in each cell how many were held that quarter (0: none), and often a 全年合计. It names no day,
 * so it is judged by counts only: what a quarter must hold by the rule set, what the year must.
 */
export interface QuarterCountTable {
  headerRow: number;
  labelCol: number;
  /** Quarter columns, in the order written: the quarter's first month (1, 4, 7, 10). */
  quarters: { col: number; month: number }[];
  totalCol: number | null;
  year: number | null;
  rows: QuarterCountRow[];
}

export interface QuarterCountRow {
  row: number;
  req: MeetingRequirement;
  /** Per quarter column: the count, or null where the cell is empty (not said). */
  counts: (number | null)[];
  /** The 全年合计 as written, or null. */
  total: number | null;
}

const MAX_HEADER_ROW = 12;
const QUARTERS = 4;
const MIN_QUARTERS = 3;
const MIN_TYPES = 2;
const TOTAL = /全年|合计|总计|小计/;
const MAX_COUNT = 99;

/** The table, or null when the sheet is not one (no quarter header, fewer than two types, a cell that is no count). */
export function readQuarterCounts(sheet: SheetGrid, rules: RuleSet["meetings"]): QuarterCountTable | null {
  const view = new SheetView(sheet);
  const last = Math.min(view.rowCount, view.firstRow + MAX_HEADER_ROW);
  for (let r = view.firstRow; r < last; r++) {
    const quarters: { col: number; month: number }[] = [];
    let totalCol: number | null = null;
    let months = 0;
    for (let c = view.firstCol; c < view.colCount; c++) {
      const t = cellText(view, r, c);
      if (t === "") continue;
      const m = parseMonthHeader(t);
      if (m?.span === 3 && (m.month - 1) % 3 === 0) quarters.push({ col: c, month: m.month });
      else if (m) months++;
      else if (TOTAL.test(t) && quarters.length > 0 && totalCol === null) totalCol = c;
    }
    // Single months beside the quarters: a monthly table with quarter subtotals, read elsewhere.
    if (quarters.length < MIN_QUARTERS || quarters.length > QUARTERS || months > 0) continue;
    return tableUnder(view, r, quarters, totalCol, rules);
  }
  return null;
}

function tableUnder(view: SheetView, headerRow: number, quarters: { col: number; month: number }[], totalCol: number | null, rules: RuleSet["meetings"]): QuarterCountTable | null {
  const firstQuarter = minOf(quarters.map((q) => q.col));
  let best: { col: number; rows: QuarterCountRow[] } | null = null;
  for (let c = view.firstCol; c < firstQuarter; c++) {
    const rows: QuarterCountRow[] = [];
    for (let r = headerRow + 1; r < view.rowCount; r++) {
      const label = cellText(view, r, c);
      if (label === "" || TOTAL.test(label)) continue;
      const req = resolveMeetingType(label, rules);
      if (!req) continue;
      const counts = quarters.map((q) => countIn(view.value(r, q.col)));
      if (counts.some((x) => x === undefined)) return null;
      const total = totalCol === null ? null : countIn(view.value(r, totalCol));
      if (total === undefined) return null;
      rows.push({ row: r, req, counts: counts as (number | null)[], total });
    }
    if (rows.length >= MIN_TYPES && (!best || rows.length > best.rows.length)) best = { col: c, rows };
  }
  if (!best) return null;
  return { headerRow, labelCol: best.col, quarters, totalCol, year: titleYear(view, headerRow), rows: best.rows };
}

/** A count (2, "2", "2次"), null for an empty cell or a dash, undefined for anything else (a date, words). */
function countIn(v: unknown): number | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v <= MAX_COUNT ? v : undefined;
  if (typeof v !== "string") return undefined;
  const t = cleanText(v);
  if (t === "" || isNothingMarker(t)) return null;
  const m = /^(\d{1,2})\s*次?$/.exec(toHalfWidth(t));
  return m ? Number(m[1]) : undefined;
}
