import type * as XLSX from "@e965/xlsx";
import type { CellRange, CellValue, SheetGrid } from "../grid/types.js";
import { toCellValue } from "./cell-value.js";
import { readErrors } from "./errors.js";
import { a1 } from "../grid/a1.js";

function denseRows(ws: XLSX.WorkSheet): (XLSX.CellObject[] | undefined)[] {
  return ((ws as XLSX.DenseSheet)["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
}

function hasValue(c: XLSX.CellObject | undefined): c is XLSX.CellObject {
  return c !== undefined && c !== null && c.t !== "z" && c.v !== undefined && c.v !== "";
}

/** A cell's number format, when it says more than "General" (which is what most cells carry). */
function formatOf(cell: XLSX.CellObject): string | null {
  return typeof cell.z === "string" && cell.z !== "General" ? cell.z : null;
}

/**
 * SheetJS dense sheet → SheetGrid. The grid starts at the first row and column that hold
 * a value (recorded in `origin`), rows are trimmed at their last value, and nothing is
 * sized from `!ref`: only cells that exist take memory. A row whose cells all show as
 * General gets an empty formats row. Consumes the sheet: each SheetJS row is let go once
 * converted, so the two copies of a large sheet do not coexist.
 */
export function toSheetGrid(name: string, ws: XLSX.WorkSheet, hidden: boolean, date1904: boolean, maxCellChars = Infinity): SheetGrid {
  const rows = denseRows(ws);
  let r0 = -1;
  let r1 = -1;
  let c0 = Infinity;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (!hasValue(row[c])) continue;
      if (r0 < 0) r0 = r;
      r1 = r;
      if (c < c0) c0 = c;
      break; // later cells of the row cannot lower c0
    }
  }

  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  if (r0 >= 0) {
    for (let r = r0; r <= r1; r++) {
      const row = rows[r] ?? [];
      rows[r] = undefined;
      let last = row.length - 1;
      while (last >= c0 && !hasValue(row[last])) last--;
      const vals: CellValue[] = [];
      let fmts: (string | null)[] | null = null;
      for (let c = c0; c <= last; c++) {
        const cell = row[c];
        if (!hasValue(cell)) {
          vals.push(null);
          continue;
        }
        const value = toCellValue(cell, date1904);
        // One oversized text would cost the engine thousands of times its size: refused, never cut.
        if (typeof value === "string" && value.length > maxCellChars) throw readErrors.cellTooLong(name, a1(r, c), value.length, maxCellChars);
        vals.push(value);
        const z = formatOf(cell);
        if (z === null) continue;
        fmts ??= new Array<string | null>(last - c0 + 1).fill(null);
        fmts[c - c0] = z;
      }
      values.push(vals);
      numberFormats.push(fmts ?? []);
    }
  }

  const merges: CellRange[] = (ws["!merges"] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
  const grid: SheetGrid = {
    name,
    values,
    origin: { row: Math.max(r0, 0), col: Number.isFinite(c0) ? c0 : 0 },
    numberFormats,
    merges,
    validations: [],
    hidden,
  };
  // Rows and columns the clerk hid, as SheetJS reads them from the file (`!rows`, `!cols`).
  const hiddenRows = hiddenIndexes(ws["!rows"]);
  const hiddenCols = hiddenIndexes(ws["!cols"]);
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  if (hiddenCols.length) grid.hiddenCols = hiddenCols;
  return grid;
}

function hiddenIndexes(info: readonly ({ hidden?: boolean } | undefined)[] | undefined): number[] {
  const out: number[] = [];
  (info ?? []).forEach((x, i) => {
    if (x?.hidden) out.push(i);
  });
  return out;
}

/** The cell values of a range, row by row, skipping rows and columns that do not exist. */
export function rangeCells(ws: XLSX.WorkSheet, range: CellRange, date1904: boolean, limit: number): CellValue[] {
  const out: CellValue[] = [];
  const rows = denseRows(ws);
  const lastRow = Math.min(range.r1, rows.length - 1);
  for (let r = range.r0; r <= lastRow && out.length < limit; r++) {
    const row = rows[r];
    if (!row) continue;
    const lastCol = Math.min(range.c1, row.length - 1);
    for (let c = range.c0; c <= lastCol && out.length < limit; c++) {
      if (hasValue(row[c])) out.push(toCellValue(row[c], date1904));
    }
  }
  return out;
}
