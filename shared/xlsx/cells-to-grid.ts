import type { CellRange, CellValue, SheetGrid } from "../grid/types.js";
import type { SheetCells } from "./sheet-parser.js";
import { findElements } from "./xml-text.js";

/**
 * A sheet's cells → SheetGrid, the shape every reader hands the engine: the grid starts at the
 * first row and column that hold a value (`origin`), each row ends at its last value, and a row
 * whose values all show as General gets an empty formats row. Rows are reused, not copied,
 * unless the sheet starts right of column A.
 */
export function cellsToGrid(name: string, cells: SheetCells, hidden: boolean): SheetGrid {
  const { rows, formats } = cells;
  let r0 = -1;
  let r1 = -1;
  let c0 = Infinity;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const first = firstValue(row);
    if (first < 0) continue;
    if (r0 < 0) r0 = r;
    r1 = r;
    if (first < c0) c0 = first;
  }
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = r0; r0 >= 0 && r <= r1; r++) {
    let row = rows[r] ?? [];
    rows[r] = undefined;
    let last = row.length - 1;
    while (last >= 0 && row[last] === null) last--;
    row.length = last + 1;
    const f = formats[r];
    formats[r] = undefined;
    let fmts: (string | null)[] = [];
    if (f && last >= c0) {
      for (let c = c0; c <= last && c < f.length; c++) {
        if (f[c] === null || f[c] === undefined || row[c] === null) continue;
        if (fmts.length === 0) fmts = new Array<string | null>(last - c0 + 1).fill(null);
        fmts[c - c0] = f[c]!;
      }
    }
    if (c0 > 0) row = row.length > c0 ? row.slice(c0) : [];
    values.push(row);
    numberFormats.push(fmts);
  }
  return {
    name,
    values,
    origin: { row: Math.max(r0, 0), col: Number.isFinite(c0) ? c0 : 0 },
    numberFormats,
    merges: mergesOf(cells.tail),
    validations: [],
    hidden,
    ...(cells.hiddenRows.length ? { hiddenRows: cells.hiddenRows } : {}),
    ...(cells.hiddenCols.length ? { hiddenCols: cells.hiddenCols } : {}),
  };
}

function firstValue(row: CellValue[]): number {
  for (let c = 0; c < row.length; c++) if (row[c] !== null) return c;
  return -1;
}

/** `<mergeCell ref="A1:C1"/>` after the cells → 0-based ranges, in file order. */
function mergesOf(tail: string): CellRange[] {
  if (!tail.includes("mergeCell")) return [];
  const out: CellRange[] = [];
  for (const m of findElements(tail, "mergeCell")) {
    const ref = m.attrs.ref;
    if (!ref || !/^[A-Z0-9:]+$/.test(ref)) continue;
    const [from = "", to = from] = ref.split(":");
    const s = cellRef(from);
    const e = cellRef(to);
    out.push({ r0: s.r, c0: s.c, r1: e.r, c1: e.c });
  }
  return out;
}

/** "C7" → 0-based row and column (letters and digits read wherever they are, as SheetJS does). */
function cellRef(ref: string): { r: number; c: number } {
  let r = 0;
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 48 && ch <= 57) r = r * 10 + (ch - 48);
    else if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
  }
  return { r: r - 1, c: c - 1 };
}
