import { a1, columnLetters, parseA1 } from "./a1.js";
import { SheetView } from "./sheet-view.js";
import type { CellValue, SheetGrid } from "./types.js";

/**
 * A sheet kept the other way round: the field names down column A and one member per column, or the
 * months down and the members across. Read transposed, it is an ordinary table; what is found on it is
 * said at the cell of the sheet as written.
 */
export function transposeGrid(sheet: SheetGrid): SheetGrid {
  const view = new SheetView(sheet);
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let c = view.firstCol; c < view.colCount; c++) {
    const row: CellValue[] = [];
    const fmt: (string | null)[] = [];
    for (let r = view.firstRow; r < view.rowCount; r++) {
      row.push(view.value(r, c));
      fmt.push(view.format(r, c));
    }
    values.push(row);
    formats.push(fmt);
  }
  const out: SheetGrid = {
    name: sheet.name,
    values,
    origin: { row: view.firstCol, col: view.firstRow },
    merges: (sheet.merges ?? []).map((m) => ({ r0: m.c0, c0: m.r0, r1: m.c1, c1: m.r1 })),
  };
  if (sheet.numberFormats) out.numberFormats = formats;
  if (sheet.hidden) out.hidden = sheet.hidden;
  return out;
}

/** A finding's place (cell, row, column) on the sheet as written, from its place on the transposed one. */
export function untransposePlace<T extends { cell: string | null; row: number | null; column: string | null }>(f: T): T {
  if (f.cell === null) return f;
  const at = parseA1(f.cell);
  if (!at) return f;
  return { ...f, cell: a1(at.col, at.row), row: at.col + 1, column: columnLetters(at.row) };
}

/** A cell of the transposed sheet (a note read in a row) as it is on the sheet as written. */
export function untransposeCell(cell: string): { cell: string; row: number } | null {
  const at = parseA1(cell);
  return at ? { cell: a1(at.col, at.row), row: at.col + 1 } : null;
}
