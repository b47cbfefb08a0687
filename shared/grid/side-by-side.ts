import { columnLetters } from "./a1.js";
import { SheetView } from "./sheet-view.js";
import type { CellRange, CellValue, SheetGrid } from "./types.js";
import { headerKey } from "../normalise/text.js";

/**
 * Two tables of the same kind kept side by side on one sheet (在职 | 离退休 dues, 第一党小组 | 第二党小组
 * registers, 班子成员 | 中层正职 tallies): an empty column runs down between them from where they begin,
 * and the right one repeats the left one's header. Each is a table of its own; read together, the right
 * one's columns would be taken for more of the left one's. The title lines above both belong to each.
 */
export interface SheetBlock {
  grid: SheetGrid;
  /** The columns of this block, as Excel names them (A–I), when the sheet held several. */
  columns?: string;
}

/** How many rows below where the blocks begin their repeated header may stand. */
const HEADER_SEARCH_ROWS = 4;
/** The fewest header words the right block must repeat from the left one, and the share of its own. */
const MIN_SHARED_HEADERS = 2;
const MIN_SHARED_SHARE = 0.5;
/** The fewest columns a block has. */
const MIN_BLOCK_COLUMNS = 2;

const filled = (v: CellValue) => v !== null && !(typeof v === "string" && v.trim() === "");

function blankColumn(view: SheetView, col: number, fromRow: number, toRow: number): boolean {
  for (let r = fromRow; r <= toRow; r++) if (filled(view.value(r, col)) || view.coveringMerge(r, col) || view.mergeAt(r, col)) return false;
  return true;
}

function firstRowWith(view: SheetView, c0: number, c1: number): number {
  for (let r = view.firstRow; r < view.rowCount; r++) for (let c = c0; c <= c1; c++) if (filled(view.value(r, c))) return r;
  return view.rowCount;
}

function texts(view: SheetView, row: number, c0: number, c1: number): string[] {
  const out: string[] = [];
  for (let c = c0; c <= c1; c++) {
    const v = view.value(row, c);
    if (typeof v === "string" && v.trim() !== "") out.push(headerKey(v));
  }
  return out;
}

/** Whether the right block repeats the left one's header within a few rows of where both begin. */
function repeatsHeader(view: SheetView, top: number, leftEnd: number, rightStart: number): boolean {
  for (let r = top; r < Math.min(view.rowCount, top + HEADER_SEARCH_ROWS); r++) {
    const left = new Set(texts(view, r, view.firstCol, leftEnd));
    const right = texts(view, r, rightStart, view.colCount - 1);
    const shared = right.filter((t) => left.has(t)).length;
    if (shared >= MIN_SHARED_HEADERS && shared >= right.length * MIN_SHARED_SHARE) return true;
  }
  return false;
}

/** A line at the foot of the sheet (填表人：… 审核人：…), which may run across both blocks. */
export type FootLine = (view: SheetView, row: number) => boolean;

/** The last row above the sheet's foot lines. */
function lastBodyRow(view: SheetView, footLine: FootLine | undefined): number {
  let r = view.rowCount - 1;
  while (r > view.firstRow && (!view.rowValues(r).some(filled) || footLine?.(view, r))) r--;
  return r;
}

/** Where the sheet splits into a left and a right block: the empty column's index and the row both begin on. */
function findSplit(view: SheetView, footLine: FootLine | undefined): { gap: number; rightStart: number; top: number } | null {
  const bottom = lastBodyRow(view, footLine);
  for (let gap = view.firstCol + MIN_BLOCK_COLUMNS; gap <= view.colCount - 1 - MIN_BLOCK_COLUMNS; gap++) {
    const top = firstRowWith(view, gap + 1, view.colCount - 1);
    if (top >= view.rowCount || !blankColumn(view, gap, top, bottom)) continue;
    let rightStart = gap + 1;
    while (rightStart < view.colCount && blankColumn(view, rightStart, top, bottom)) rightStart++;
    if (view.colCount - rightStart < MIN_BLOCK_COLUMNS) return null;
    if (repeatsHeader(view, top, gap - 1, rightStart)) return { gap, rightStart, top };
  }
  return null;
}

/** The columns c0..c1 of the sheet as a sheet of their own, at their own addresses; title lines above `top` carried in. */
function slice(view: SheetView, c0: number, c1: number, top: number): SheetGrid {
  const grid = view.grid;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = view.firstRow; r < view.rowCount; r++) {
    const row: CellValue[] = [];
    const fmt: (string | null)[] = [];
    for (let c = c0; c <= c1; c++) {
      row.push(view.value(r, c));
      fmt.push(view.format(r, c));
    }
    // A title or cover line above both blocks, written at the left edge, heads this block too.
    if (r < top && !row.some(filled)) {
      for (let c = view.firstCol; c < c0; c++) {
        if (filled(view.value(r, c))) {
          row[0] = view.value(r, c);
          fmt[0] = view.format(r, c);
          break;
        }
      }
    }
    values.push(row);
    formats.push(fmt);
  }
  const merges: CellRange[] = [];
  for (const m of grid.merges ?? []) {
    if (m.c1 < c0 || m.c0 > c1) continue;
    merges.push({ r0: m.r0, r1: m.r1, c0: Math.max(m.c0, c0), c1: Math.min(m.c1, c1) });
  }
  const out: SheetGrid = { name: grid.name, values, origin: { row: view.firstRow, col: c0 }, merges };
  if (grid.numberFormats) out.numberFormats = formats;
  if (grid.validations) out.validations = grid.validations;
  if (grid.hidden) out.hidden = grid.hidden;
  return out;
}

/**
 * The sheet's blocks, left to right: the sheet itself when it holds one table. `footLine` tells the
 * sign-off lines under the tables, which may cross the empty column between them.
 */
export function sideBySideBlocks(sheet: SheetGrid, footLine?: FootLine): SheetBlock[] {
  const view = new SheetView(sheet);
  const split = findSplit(view, footLine);
  if (!split) return [{ grid: sheet }];
  const left = slice(view, view.firstCol, split.gap - 1, split.top);
  const right = sideBySideBlocks(slice(view, split.rightStart, view.colCount - 1, split.top), footLine);
  const label = (g: SheetGrid) => {
    const v = new SheetView(g);
    return `${columnLetters(v.firstCol)}–${columnLetters(v.colCount - 1)}`;
  };
  return [left, ...right.map((b) => b.grid)].map((grid) => ({ grid, columns: label(grid) }));
}
