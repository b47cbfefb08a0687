import { a1 } from "../grid/a1.js";
import { SheetView } from "../grid/sheet-view.js";
import type { SheetGrid } from "../grid/types.js";
import { isNothingMarker } from "../normalise/markers.js";
import { cleanText, toHalfWidth, unspacedHalfWidth } from "../normalise/text.js";
import { titleYear } from "../records/title-year.js";
import type { RuleSet } from "../ruleset/schema.js";
import { resolveMeetingType } from "../scoring/meetings.js";
import { cellText } from "./header-cells.js";
import { NOTE_HEADER, unfolded, type UnfoldedMatrix, type UnfoldedRow } from "./meeting-matrix.js";
import { parseMonthHeader } from "./month-header.js";

/**
 * A 三会一课 register kept one row a month (1月 … 12月 down a first column), each cell beside the
 * month saying what was held on which day: `7日 支委会`, `28日 党员大会、党课` (two meetings that day),
 * `15日 党小组会；28日 主题党日` (two days in one cell). Unfolded, it is a list register, one row per
 * meeting (the day in the title's year, its type), each placed back at the cell it came from. A cell
 * that reads as neither a day with its meetings nor nothing means the sheet is no such register.
 */

/** The month labels stand in one of the first columns, among the sheet's first rows. */
const MONTH_COLUMNS = 2;
const MONTH_SEARCH_ROWS = 20;
const MIN_MONTHS = 3;
/** The fewest meetings read before the sheet counts as such a register. */
const MIN_MEETINGS = 3;
/** Days within one cell: `15日 党小组会；28日 主题党日`, or a new day after a space. */
const DAY_SEPARATOR = /[；;\n]+|\s+(?=\d{1,2}\s*[日号])/;
/** `7日 支委会`, `6月7日 支委会`, `7号：党课`. */
const DAY_THEN_TYPES = /^(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号]\s*[:：]?\s*(.+)$/;
/** Meetings held together: `党员大会、党课`, `主题党日暨党员大会`. */
const TYPE_SEPARATOR = /[、，,/／和及暨+＋]+/;

interface MonthRow {
  row: number;
  month: number;
}

/** The column of the first columns naming the most single months down, with those rows. */
function monthColumn(view: SheetView): { col: number; months: MonthRow[] } | null {
  const lastRow = Math.min(view.rowCount, view.firstRow + MONTH_SEARCH_ROWS);
  for (let c = view.firstCol; c < Math.min(view.colCount, view.firstCol + MONTH_COLUMNS); c++) {
    const months: MonthRow[] = [];
    for (let r = view.firstRow; r < view.rowCount; r++) {
      const m = parseMonthHeader(cellText(view, r, c));
      if (m && m.span === undefined && m.year === undefined) months.push({ row: r, month: m.month });
      else if (months.length === 0 && r >= lastRow) break;
    }
    if (months.length >= MIN_MONTHS) return { col: c, months };
  }
  return null;
}

/** The meetings a cell records (day and type each), or null when it holds something else. */
export function meetingsOfDayCell(text: string, month: number, rules: RuleSet["meetings"]): { day: number; type: string }[] | null {
  const t = cleanText(toHalfWidth(text));
  if (t === "" || isNothingMarker(t)) return [];
  const out: { day: number; type: string }[] = [];
  for (const part of t.split(DAY_SEPARATOR)) {
    const p = part.trim();
    if (p === "") continue;
    const m = DAY_THEN_TYPES.exec(p);
    if (!m || (m[1] !== undefined && Number(m[1]) !== month)) return null;
    const types = m[3]!.split(TYPE_SEPARATOR).map((x) => x.trim()).filter((x) => x !== "");
    if (types.length === 0 || types.some((x) => resolveMeetingType(x, rules) === null)) return null;
    for (const type of types) out.push({ day: Number(m[2]), type });
  }
  return out;
}

/** The register's meetings, or null when the sheet is not a register kept by month rows. */
export function unfoldMonthRows(sheet: SheetGrid, rules: RuleSet["meetings"]): UnfoldedMatrix | null {
  const view = new SheetView(sheet);
  const found = monthColumn(view);
  if (!found) return null;
  const { col: monthCol, months } = found;
  const headerRow = Math.max(view.firstRow, months[0]!.row - 1);
  let noteCol: number | null = null;
  for (let c = view.firstCol; c < view.colCount && headerRow < months[0]!.row; c++) if (NOTE_HEADER.test(unspacedHalfWidth(cellText(view, headerRow, c)))) noteCol = c;
  const year = titleYear(view, headerRow);
  const rows: UnfoldedRow[] = [];
  for (const { row: r, month } of months) {
    const own: UnfoldedRow[] = [];
    for (let c = monthCol + 1; c < view.colCount; c++) {
      if (c === noteCol) continue;
      const text = cellText(view, r, c);
      if (text === "") continue;
      const meetings = meetingsOfDayCell(text, month, rules);
      if (meetings === null) return null;
      const at = a1(r, c);
      for (const m of meetings) own.push({ type: m.type, group: "", date: `${year !== null ? `${year}年` : ""}${month}月${m.day}日`, format: null, note: "", at: [at, at, null] });
    }
    const note = noteCol === null ? "" : cellText(view, r, noteCol);
    if (note !== "" && own[0]) {
      own[0].note = note;
      own[0].at[2] = a1(r, noteCol!);
    }
    for (const o of own) rows.push(o);
  }
  if (rows.length < MIN_MEETINGS) return null;
  return { ...unfolded(view, headerRow, rows, []), headerRow, readAs: "sheet.monthRows" };
}
