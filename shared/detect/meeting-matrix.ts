import { a1, columnLetters, parseA1 } from "../grid/a1.js";
import { SheetView } from "../grid/sheet-view.js";
import { isCellError, type CellValue, type SheetGrid } from "../grid/types.js";
import { readDateText } from "../normalise/dates.js";
import { isNothingMarker, saysNotHeld } from "../normalise/markers.js";
import { cleanText, toHalfWidth, unspacedHalfWidth } from "../normalise/text.js";
import { titleYear } from "../records/title-year.js";
import { appendAll } from "../util/append-all.js";
import type { RuleSet } from "../ruleset/schema.js";
import { resolveMeetingType } from "../scoring/meetings.js";
import { cellText } from "./header-cells.js";
import { parseMonthHeader } from "./month-header.js";

/**
 * A 三会一课 register kept as a matrix: meeting types (or 党小组) down the first column, the
 * months across, and in each cell what was held that month — the day (a date, 3月5日, two days
 * 7月1日、7月18日), a tick (✓: held, the day not said), a count (2: held twice), words that say no
 * day (月中: held that month), or nothing (empty, —, 未开展). Unfolded, it is a list register, one row per meeting: 会议时间 | 会议类型 |
 * 党小组 | 备注, each row placed back at the matrix cell it came from. A months-down matrix is
 * the same read transposed.
 */
export interface UnfoldedMatrix {
  grid: SheetGrid;
  /** 0-based row of the matrix's month header on the sheet as written. */
  headerRow: number;
  /**
   * The meeting types the matrix has rows for (a 党小组's row is a 党小组会's): what it is judged for.
   * Absent where the sheet lists no types of its own (a register by month rows): judged as a list is.
   */
  types?: Set<string>;
  /** A cell of the unfolded list → the cell of the matrix as written. */
  placeOf: Map<string, string>;
  /** The message that says how the sheet was read. */
  readAs: "sheet.meetingMatrix" | "sheet.monthRows" | "sheet.attendanceMatrix" | "sheet.longForm" | "sheet.pathCells" | "sheet.pathCellsUnread";
  /** The message's arguments, where it has any. */
  readArgs?: Record<string, string | number>;
}

const MAX_HEADER_ROW = 12;
const MIN_MONTHS = 3;
/** A count written in a month's cell: more than this many meetings of one type in one month is not a count. */
const MAX_COUNT = 9;
const HELD_MARK = /^(?:[✓✔√☑●○◎]|是|有|已开展|已召开|已开|已完成|完成|开展)$/;
const COUNT = /^(\d)\s*次?$/;
const DATE_FORMAT = /[ymd]|年|月|日/i;
const PART_SEPARATOR = /[、，,；;\n]+|\s{1,}(?=\d)/;
/** A day without its year (3月5日, 3.5, 3/5): read later in the title's year. */
const YEARLESS_DAY = /^\d{1,2}\s*(?:月\s*\d{1,2}\s*[日号]?|[./]\d{1,2})(?:[（(].*[)）])?$/;
const TOTAL = /合计|小计|总计|全年|次数/;
export const NOTE_HEADER = /备注|说明/;
const GROUP = /党小组|小组$/;
const GROUP_IN_LABEL = /[（(]([^）)]*小组[^）)]*)[）)]/;
const MONTH_IN_NOTE = /(\d{1,2})\s*月/;
/** The type a 党小组's row holds (the rule set's name for it). */
const GROUP_MEETING = "党小组会";

/** One meeting of the unfolded list, with the cells of the sheet it came from. */
export interface UnfoldedRow {
  type: string;
  group: string;
  date: CellValue;
  format: string | null;
  note: string;
  /** Matrix cells of the row's type, date and note. */
  at: [string | null, string | null, string | null];
}

/** The matrix's rows of meetings, or null when the sheet is not such a matrix. */
export function unfoldMeetingMatrix(sheet: SheetGrid, rules: RuleSet["meetings"]): UnfoldedMatrix | null {
  const view = new SheetView(sheet);
  const header = monthHeaderRow(view);
  if (!header) return null;
  const { row: headerRow, months, noteCol } = header;
  const labelCol = labelColumn(view, headerRow, months[0]!.col, rules);
  if (labelCol === null || months.some((m) => m.col <= labelCol)) return null;
  // Turned round, a title written in the first column stands beside the header, left of the labels.
  const beside = besideHeader(view, headerRow, labelCol);
  const year = titleYear(view, headerRow) ?? yearIn(beside);
  const rows: UnfoldedRow[] = [];
  const types = new Set<string>();
  let labelled = 0;
  let held = 0;
  for (let r = headerRow + 1; r < view.rowCount; r++) {
    const label = cellText(view, r, labelCol);
    if (label === "" || TOTAL.test(label)) continue;
    const type = resolveMeetingType(label, rules)?.type ?? null;
    const group = GROUP_IN_LABEL.exec(label)?.[1] ?? (GROUP.test(label) && type === null ? label : "");
    if (type === null && group === "") continue;
    labelled++;
    types.add(type ?? GROUP_MEETING);
    const note = noteCol === null ? "" : cellText(view, r, noteCol);
    const own: UnfoldedRow[] = [];
    for (const m of months) {
      const cells = meetingsInCell(view.value(r, m.col), view.format(r, m.col), m.year ?? year, m.month);
      if (cells === null) return null;
      for (const c of cells) own.push({ type: type ?? "", group, date: c.date, format: c.format, note: c.note ?? "", at: [a1(r, labelCol), a1(r, m.col), c.note ? a1(r, m.col) : null] });
    }
    held += own.length;
    if (note !== "") placeNote(own, note, a1(r, noteCol!), type ?? "", group, a1(r, labelCol), months);
    appendAll(rows, own);
  }
  if (labelled < 2 || held === 0) return null;
  return { ...unfolded(view, headerRow, rows, beside), headerRow, types, readAs: "sheet.meetingMatrix" };
}

/** The column left of the months whose rows name the most meeting types or groups. */
function labelColumn(view: SheetView, headerRow: number, firstMonthCol: number, rules: RuleSet["meetings"]): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (let c = view.firstCol; c < firstMonthCol; c++) {
    let count = 0;
    for (let r = headerRow + 1; r < view.rowCount; r++) {
      const t = cellText(view, r, c);
      if (t !== "" && (resolveMeetingType(t, rules) !== null || GROUP.test(t))) count++;
    }
    if (count > bestCount) [best, bestCount] = [c, count];
  }
  return best;
}

function besideHeader(view: SheetView, headerRow: number, labelCol: number): string[] {
  const out: string[] = [];
  for (let c = view.firstCol; c < labelCol; c++) {
    const t = cellText(view, headerRow, c);
    if (t !== "") out.push(t);
  }
  return out;
}

function yearIn(texts: string[]): number | null {
  for (const t of texts) {
    const m = /((?:19|20)\d{2})(?=\s*年)/.exec(toHalfWidth(t));
    if (m) return Number(m[1]);
  }
  return null;
}

/** How many rows down a months-down matrix holds its months (a title, the header, twelve months). */
const MONTHS_DOWN_ROWS = 20;

/**
 * Whether one of the sheet's first columns names three months down its first rows: only such a sheet
 * is worth turning round to read as a months-down matrix (a large sheet is not copied for nothing).
 */
export function monthsDownFirstColumns(sheet: SheetGrid): boolean {
  const view = new SheetView(sheet);
  const lastRow = Math.min(view.rowCount, view.firstRow + MONTHS_DOWN_ROWS);
  for (let c = view.firstCol; c < Math.min(view.colCount, view.firstCol + MAX_HEADER_ROW); c++) {
    let months = 0;
    for (let r = view.firstRow; r < lastRow && months < MIN_MONTHS; r++) {
      const m = parseMonthHeader(cellText(view, r, c));
      if (m && m.span === undefined) months++;
    }
    if (months >= MIN_MONTHS) return true;
  }
  return false;
}

interface MonthColumn {
  col: number;
  month: number;
  year?: number;
}

/** The first row naming at least three single months: the matrix's header. */
function monthHeaderRow(view: SheetView): { row: number; months: MonthColumn[]; noteCol: number | null } | null {
  const last = Math.min(view.rowCount, view.firstRow + MAX_HEADER_ROW);
  for (let r = view.firstRow; r < last; r++) {
    const months: MonthColumn[] = [];
    let noteCol: number | null = null;
    for (let c = view.firstCol; c < view.colCount; c++) {
      const t = cellText(view, r, c);
      if (t === "") continue;
      const m = parseMonthHeader(t);
      if (m && m.span === undefined) months.push({ col: c, month: m.month, ...(m.year !== undefined ? { year: m.year } : {}) });
      else if (NOTE_HEADER.test(unspacedHalfWidth(t))) noteCol = c;
    }
    if (months.length >= MIN_MONTHS) return { row: r, months, noteCol };
  }
  return null;
}

/**
 * The meetings one cell records: each a date cell of the list (a serial with its format, a day's
 * text, or the month itself where only a tick or a count says it was held). Null when the cell holds
 * something that is neither (a money amount: not a meetings matrix).
 */
function meetingsInCell(v: CellValue, format: string | null, year: number | null, month: number): { date: CellValue; format: string | null; note?: string }[] | null {
  if (v === null || isCellError(v)) return [];
  const monthOnly = () => (year === null ? null : { date: `${year}年${month}月`, format: null });
  if (typeof v === "number") {
    if ((format && DATE_FORMAT.test(format) && !/^general$/i.test(format)) || v > 20_000) return [{ date: v, format }];
    if (!Number.isInteger(v) || v < 0 || v > MAX_COUNT) return null;
    const one = monthOnly();
    return one === null ? null : Array.from({ length: v }, () => one);
  }
  if (typeof v === "boolean") return v ? [monthOnly()].filter((x) => x !== null) : [];
  const t = cleanText(v);
  if (t === "" || isNothingMarker(t) || /^[×✗✘xX0]$/.test(t)) return [];
  if (saysNotHeld(t)) return [];
  const half = toHalfWidth(t);
  if (HELD_MARK.test(half)) {
    const one = monthOnly();
    return one === null ? null : [one];
  }
  const count = COUNT.exec(half);
  if (count) {
    const one = monthOnly();
    return one === null ? null : Array.from({ length: Number(count[1]) }, () => one);
  }
  const parts = half.split(PART_SEPARATOR).map((p) => p.trim()).filter((p) => p !== "");
  if (parts.every((p) => YEARLESS_DAY.test(p) || readDateText(p) !== null)) return parts.map((p) => ({ date: p, format: null }));
  // Words that are no day (月中, 已开展（线上）): held that month, the words kept beside it.
  const one = monthOnly();
  return one === null ? null : [{ ...one, note: t }];
}

/**
 * A row's 备注 goes with the meeting of the month it names (3月由支部书记讲党课), else with the
 * row's first meeting. One naming a month with no meeting that says why (2月春节…未召开) is that
 * month's not-held row: the list shows it, no meeting is counted.
 */
function placeNote(own: UnfoldedRow[], note: string, noteAt: string, type: string, group: string, labelAt: string, months: MonthColumn[]): void {
  const named = MONTH_IN_NOTE.exec(toHalfWidth(note));
  const month = named ? Number(named[1]) : null;
  const col = month === null ? undefined : months.find((m) => m.month === month)?.col;
  const target = col === undefined ? own[0] : own.find((o) => o.at[1] !== null && parseA1(o.at[1])!.col === col);
  if (target) {
    target.note = note;
    target.at[2] = noteAt;
  } else if (saysNotHeld(note)) {
    own.push({ type, group, date: null, format: null, note, at: [labelAt, null, noteAt] });
  }
}

/** The day first: a row that opens with 第一党小组 would read as that group's heading. */
const HEADERS = ["会议时间", "会议类型", "党小组", "备注"];

/**
 * The lines above a table read another way (a matrix, an attendance register, a long-form record),
 * kept above the list it becomes, each as one cell: they name the branch, the year and the register.
 */
export function keepTitleLines(view: SheetView, beforeRow: number, values: CellValue[][], formats: (string | null)[][]): void {
  for (let r = view.firstRow; r < beforeRow; r++) {
    const texts = view.rowValues(r).filter((v): v is string => typeof v === "string" && v.trim() !== "");
    if (texts.length === 0) continue;
    values.push([texts.join(" ")]);
    formats.push([null]);
  }
}

export function unfolded(view: SheetView, headerRow: number, rows: UnfoldedRow[], beside: string[]): Pick<UnfoldedMatrix, "grid" | "placeOf"> {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const placeOf = new Map<string, string>();
  if (beside.length > 0) {
    values.push([beside.join(" ")]);
    formats.push([null]);
  }
  keepTitleLines(view, headerRow, values, formats);
  values.push([...HEADERS]);
  formats.push(HEADERS.map(() => null));
  for (const row of rows) {
    const r = values.length;
    values.push([row.date, row.type === "" ? null : row.type, row.group === "" ? null : row.group, row.note === "" ? null : row.note]);
    formats.push([row.format, null, null, null]);
    const [label, date, note] = row.at;
    if (date !== null) placeOf.set(a1(r, 0), date);
    if (label !== null) for (const c of [1, 2]) placeOf.set(a1(r, c), label);
    if (note !== null) placeOf.set(a1(r, 3), note);
  }
  return { grid: { name: view.name, values, numberFormats: formats }, placeOf };
}

/** A finding's place on the matrix as written, from its place on the unfolded list. */
export function placeOnMatrix<T extends { cell: string | null; row: number | null; column: string | null }>(f: T, placeOf: Map<string, string>): T {
  if (f.cell === null) return f;
  const to = placeOf.get(f.cell);
  const at = to ? parseA1(to) : null;
  if (!at) return { ...f, cell: null, row: null };
  return { ...f, cell: to!, row: at.row + 1, column: columnLetters(at.col) };
}
