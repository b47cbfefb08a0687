import { a1, columnLetters } from "./a1.js";
import { SheetView } from "./sheet-view.js";
import type { CellValue, SheetGrid } from "./types.js";
import type { FoldedRecords } from "./two-row-records.js";

/**
 * A card of one member (党员信息采集表, 党员基本信息卡): labels beside their values, several pairs to a
 * row (姓名 | 罗文博 | 性别 | 男 | 出生日期 | 1980-05-05), a long value merged across the rest of its
 * row. Read as a table of one record: the labels are its header, the values its row, and each cell
 * of that table knows the card's cell it came from. The lines above the first pair (the card's title,
 * 所在党支部：…) stay above it as title lines.
 */

/** A label is a short word (姓名, 申请入党日期, 工作单位及职务, 确定为入党积极分子时间): no figures, no sentence. */
const LABEL = /^[\p{Script=Han}A-Za-z（）()/、\s]{1,12}$/u;
/** The fewest label–value pairs and rows of them that make a card. */
const MIN_PAIRS = 6;
const MIN_PAIR_ROWS = 3;
/** Rows with several pairs: a card puts more than one field on a row at least this often. */
const MIN_MULTI_PAIR_ROWS = 2;

const text = (v: CellValue) => (typeof v === "string" ? v.trim() : "");
const filled = (v: CellValue) => v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");

/**
 * The cells of a row as a clerk sees them: each merge once, at its first cell, from the first filled
 * one (a card need not start in column A).
 */
function visibleCells(view: SheetView, row: number): number[] {
  const cols: number[] = [];
  for (let c = view.firstCol; c < view.colCount; c++) if (!view.coveringMerge(row, c)) cols.push(c);
  while (cols.length > 0 && !filled(view.value(row, cols[cols.length - 1]!))) cols.pop();
  while (cols.length > 0 && !filled(view.value(row, cols[0]!))) cols.shift();
  return cols;
}

/** A row's label–value pairs (label column, value column), or null when the row is not such a row. */
function pairsOf(view: SheetView, row: number): { label: number; value: number | null }[] | null {
  const cols = visibleCells(view, row);
  if (cols.length === 0) return null;
  const pairs: { label: number; value: number | null }[] = [];
  for (let i = 0; i < cols.length; i += 2) {
    const label = text(view.value(row, cols[i]!));
    if (!LABEL.test(label)) return null;
    const value = cols[i + 1];
    pairs.push({ label: cols[i]!, value: value ?? (view.mergeAt(row, cols[i]!) ? null : cols[i]! + 1 < view.colCount ? cols[i]! + 1 : null) });
  }
  return pairs;
}

/**
 * The card read as a table of one record; null when the sheet is no card of label–value pairs.
 * `signOff` tells the lines a card may end with (填表人：… 审核人：… 填表日期：…), which are no part of it.
 */
export function readMemberCard(sheet: SheetGrid, signOff?: (view: SheetView, row: number) => boolean): FoldedRecords | null {
  const view = new SheetView(sheet);
  const rows: { row: number; pairs: { label: number; value: number | null }[] }[] = [];
  let start = -1;
  let signedOff = false;
  for (let r = view.firstRow; r < view.rowCount; r++) {
    if (!view.rowValues(r).some(filled)) continue;
    // A card is pairs to its end, its sign-off lines aside: a table or a text below is another sheet.
    if (start >= 0 && signOff?.(view, r)) {
      signedOff = true;
      continue;
    }
    const pairs = signedOff ? null : pairsOf(view, r);
    if (pairs && (start >= 0 || pairs.length > 1)) {
      if (start < 0) start = r;
      rows.push({ row: r, pairs });
    } else if (start >= 0) return null;
  }
  const count = rows.reduce((n, r) => n + r.pairs.length, 0);
  if (count < MIN_PAIRS || rows.length < MIN_PAIR_ROWS || rows.filter((r) => r.pairs.length > 1).length < MIN_MULTI_PAIR_ROWS) return null;
  const labels = rows.flatMap((r) => r.pairs.map((p) => text(view.value(r.row, p.label))));
  if (new Set(labels).size !== labels.length) return null;

  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const placeOf = new Map<string, string>();
  const rowOf = new Map<number, number>();
  const columnOf = new Map<string, string>();
  for (let r = view.firstRow; r < start; r++) {
    const line = view.rowValues(r).map(text).filter((t) => t !== "");
    if (line.length === 0) continue;
    rowOf.set(values.length, r);
    values.push([line.join(" ")]);
    formats.push([null]);
  }
  const headerRow = values.length;
  const header: CellValue[] = [];
  const record: CellValue[] = [];
  const recordFormats: (string | null)[] = [];
  for (const { row, pairs } of rows) {
    for (const p of pairs) {
      const col = header.length;
      header.push(view.value(row, p.label));
      record.push(p.value === null ? null : view.value(row, p.value));
      recordFormats.push(p.value === null ? null : view.format(row, p.value));
      placeOf.set(a1(headerRow, col), a1(row, p.label));
      if (p.value !== null) placeOf.set(a1(headerRow + 1, col), a1(row, p.value));
      columnOf.set(columnLetters(col), columnLetters(p.value ?? p.label));
    }
  }
  values.push(header, record);
  formats.push(header.map(() => null), recordFormats);
  rowOf.set(headerRow, rows[0]!.row);
  rowOf.set(headerRow + 1, rows[0]!.row);
  const out: SheetGrid = { name: sheet.name, values };
  if (sheet.numberFormats) out.numberFormats = formats;
  if (sheet.hidden) out.hidden = sheet.hidden;
  return { grid: out, placeOf, rowOf, columnOf, headerRow, reading: "memberCard", records: 1 };
}
