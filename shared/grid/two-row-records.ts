import { a1, columnLetters, parseA1 } from "./a1.js";
import { SheetView } from "./sheet-view.js";
import type { CellRange, CellValue, SheetGrid } from "./types.js";

/**
 * A register kept with one member over two rows: 序号 and 姓名 merged down both rows, the first row
 * holding the member's main fields and the second their phone, remarks or approval dates, often
 * under a second header row that names the second row's fields. Read a row at a time, every second
 * row would be taken for another member. Folded, each member is one record: the second row's
 * cells become more columns of the first, named by the second header row, and each cell of the
 * folded sheet knows where it stands on the sheet as written.
 */
export interface FoldedRecords {
  grid: SheetGrid;
  /** A cell of the folded sheet → the cell of the sheet as written. */
  placeOf: Map<string, string>;
  /** A 0-based row of the folded sheet → the row as written (a record's first row). */
  rowOf: Map<number, number>;
  /** A column letter of the folded sheet → the column as written (a second row's field → its column there). */
  columnOf: Map<string, string>;
  /** 0-based row of the (folded) header, the same on both. */
  headerRow: number;
  /** How the sheet was read: members over two rows each, or one member's card of label–value pairs. */
  reading: "twoRowRecords" | "memberCard";
  /** How many members were folded. */
  records: number;
}

/** The key columns (序号, 姓名, 身份证号) stand among the sheet's first few columns. */
const KEY_COLUMNS = 4;
/** The fewest members over two rows before the sheet is read so. */
const MIN_RECORDS = 2;
/** A second row holds fewer fields than a first (a phone, a remark): at most this share of a first row's cells on average. */
const MAX_SECOND_ROW_SHARE = 0.75;
/** Below the header, this share of rows at least must be members' pairs (a 合计 or a note may follow). */
const MIN_PAIRED_SHARE = 0.8;

const filled = (v: CellValue) => v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
const NUMBER_OR_DATE = /^\s*\d+(?:[.\-/年月]\d*)*\s*日?\s*$/;
/** A month over its column (1月, 12月份) names the column: a header's word, not a member's date. */
const MONTH_HEADING = /^\s*\d{1,2}\s*月份?\s*$/;

/** Merges of one column over exactly two rows, by their top row. */
function twoRowMerges(merges: CellRange[], col: number): Set<number> {
  const tops = new Set<number>();
  for (const m of merges) if (m.c0 === col && m.c1 === col && m.r1 === m.r0 + 1) tops.add(m.r0);
  return tops;
}

/** The longest run of pairs one under the other (r, r+2, r+4 …) among the tops. */
function longestRun(tops: Set<number>): number[] {
  let best: number[] = [];
  for (const t of [...tops].sort((a, b) => a - b)) {
    if (tops.has(t - 2)) continue;
    const run: number[] = [];
    for (let r = t; tops.has(r); r += 2) run.push(r);
    if (run.length > best.length) best = run;
  }
  return best;
}

/** A header row: several texts and no figure or date (a member's row has a 序号, a date, a count). */
function headerLike(view: SheetView, row: number): boolean {
  let texts = 0;
  for (let c = view.firstCol; c < view.colCount; c++) {
    const v = view.value(row, c);
    if (!filled(v)) continue;
    if (typeof v !== "string" || (NUMBER_OR_DATE.test(v) && !MONTH_HEADING.test(v))) return false;
    texts++;
  }
  return texts >= 3;
}

/** The columns of a second row that hold a field of their own: not under a merge from the row above, not inside one of their own row. */
function secondRowColumns(view: SheetView, rows: number[]): number[] {
  const cols: number[] = [];
  for (let c = view.firstCol; c < view.colCount; c++) {
    const own = rows.some((r) => !view.coveringMerge(r, c) && filled(view.value(r, c)));
    const free = rows.every((r) => {
      const m = view.coveringMerge(r, c);
      return !m || (m.r0 === r && m.c0 === c);
    });
    if (own && free) cols.push(c);
  }
  return cols;
}

/**
 * A column that names each row's part of the record (项目: 金额 on every first row, 缴纳日期 on every
 * second): the second rows are then the same members' other facts, however many cells they fill.
 */
function namesRowParts(view: SheetView, pairs: number[]): boolean {
  const text = (r: number, c: number) => {
    const v = view.value(r, c);
    return typeof v === "string" ? v.trim() : "";
  };
  for (let c = view.firstCol; c < view.colCount; c++) {
    const first = text(pairs[0]!, c);
    const second = text(pairs[0]! + 1, c);
    if (first === "" || second === "" || first === second || !NOT_A_FIGURE.test(first) || !NOT_A_FIGURE.test(second)) continue;
    if (pairs.every((r) => text(r, c) === first && text(r + 1, c) === second)) return true;
  }
  return false;
}
const NOT_A_FIGURE = /^[^\d]+$/;

/** The sheet folded to one record per member when its members stand over two rows each; null when they do not. */
export function foldTwoRowRecords(sheet: SheetGrid): FoldedRecords | null {
  const merges = sheet.merges ?? [];
  if (merges.length < MIN_RECORDS + 1) return null;
  const view = new SheetView(sheet);
  let run: number[] = [];
  for (let c = view.firstCol; c < Math.min(view.colCount, view.firstCol + KEY_COLUMNS); c++) {
    const r = longestRun(twoRowMerges(merges, c));
    if (r.length > run.length) run = r;
  }
  if (run.length < MIN_RECORDS) return null;
  // The first pair is the header when it reads as one (its second row names the second row's fields).
  const headerPair = headerLike(view, run[0]!);
  const pairs = headerPair ? run.slice(1) : run;
  const headerRow = headerPair ? run[0]! : run[0]! - 1;
  if (pairs.length < MIN_RECORDS || headerRow < view.firstRow || !headerLike(view, headerRow)) return null;
  const end = pairs[pairs.length - 1]! + 2;
  let below = 0;
  for (let r = end; r < view.rowCount; r++) if (view.rowValues(r).some(filled)) below++;
  if ((pairs.length * 2) / (pairs.length * 2 + below) < MIN_PAIRED_SHARE) return null;
  const seconds = pairs.map((r) => r + 1);
  // Rows of one group under a merged label (a 党小组, a 季度) are each a full record: not a member's two rows.
  const filledCount = (r: number) => {
    let n = 0;
    for (let c = view.firstCol; c < view.colCount; c++) if (!view.coveringMerge(r, c) && filled(view.value(r, c))) n++;
    return n;
  };
  const firstCells = pairs.reduce((s, r) => s + filledCount(r), 0);
  const secondCells = seconds.reduce((s, r) => s + filledCount(r), 0);
  if (secondCells > firstCells * MAX_SECOND_ROW_SHARE && !namesRowParts(view, pairs)) return null;
  const extra = secondRowColumns(view, headerPair ? [headerRow + 1, ...seconds] : seconds);
  if (extra.length === 0) return null;

  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const placeOf = new Map<string, string>();
  const rowOf = new Map<number, number>();
  const width = view.colCount - view.firstCol;
  const columnOf = new Map<string, string>();
  for (let c = view.firstCol; c < view.colCount; c++) columnOf.set(columnLetters(c), columnLetters(c));
  for (const [i, c] of extra.entries()) columnOf.set(columnLetters(view.firstCol + width + i), columnLetters(c));
  const put = (first: number, second: number | null, unnamed?: (c: number) => string) => {
    const at = view.firstRow + values.length;
    const row: CellValue[] = [];
    const fmt: (string | null)[] = [];
    for (let c = view.firstCol; c < view.colCount; c++) {
      row.push(view.value(first, c));
      fmt.push(view.format(first, c));
      placeOf.set(a1(at, c), a1(first, c));
    }
    for (const [i, c] of extra.entries()) {
      const to = view.firstCol + width + i;
      row.push(second === null ? (unnamed?.(c) ?? null) : view.value(second, c));
      fmt.push(second === null ? null : view.format(second, c));
      if (second !== null) placeOf.set(a1(at, to), a1(second, c));
    }
    values.push(row);
    formats.push(fmt);
    rowOf.set(at, first);
  };
  for (let r = view.firstRow; r < headerRow; r++) put(r, null);
  // With no second header row the second row's fields have no names: named for their place, so that
  // the report lists them (read by their content, or shown as not checked), never left out unseen.
  put(headerRow, headerPair ? headerRow + 1 : null, (c) => `第二行${columnLetters(c)}列`);
  for (const r of pairs) put(r, r + 1);
  for (let r = end; r < view.rowCount; r++) put(r, null);

  const out: SheetGrid = {
    name: sheet.name,
    values,
    origin: { row: view.firstRow, col: view.firstCol },
    // The title lines above the header keep their merges; below, each record is now one row.
    merges: merges.filter((m) => m.r1 < headerRow),
  };
  if (sheet.numberFormats) out.numberFormats = formats;
  if (sheet.hidden) out.hidden = sheet.hidden;
  return { grid: out, placeOf, rowOf, columnOf, headerRow, reading: "twoRowRecords", records: pairs.length };
}

/** A finding's place on the sheet as written, from its place on the folded records. */
export function placeOnFolded<T extends { cell: string | null; row: number | null; column: string | null }>(f: T, folded: Pick<FoldedRecords, "placeOf" | "rowOf">): T {
  if (f.cell === null) {
    const row = f.row === null ? undefined : folded.rowOf.get(f.row - 1);
    return row === undefined ? f : { ...f, row: row + 1 };
  }
  const to = folded.placeOf.get(f.cell);
  const at = to ? parseA1(to) : null;
  if (!at) return { ...f, cell: null, row: null };
  return { ...f, cell: to!, row: at.row + 1, column: columnLetters(at.col) };
}

/** A column of the folded header as written: a first row's column keeps its letter, a second row's is named for its cell there. */
export function foldedColumn(column: string, folded: Pick<FoldedRecords, "columnOf">): string {
  return folded.columnOf.get(column) ?? column;
}
