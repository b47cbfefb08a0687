import { ApiError } from "./errors.js";
import type { Bindings } from "../env.js";
import { DEFAULT_READ_LIMITS } from "../../shared/xlsx/limits.js";
import { a1 } from "../../shared/grid/a1.js";

/**
 * One cap on the cells of a submission, whether it arrives as grid JSON or as an .xlsx:
 * the engine's time grows with the cells, and one oversized request must not slow every
 * other tenant's. Counted before the grid is validated or read.
 */
export const DEFAULT_MAX_CELLS = 1_000_000;

export const maxCells = (env: Bindings) => Number(env.MAX_CELLS) > 0 ? Number(env.MAX_CELLS) : DEFAULT_MAX_CELLS;

export interface GridSize {
  cells: number;
  /** The longest text of one cell, and where it is. */
  longest: { chars: number; sheet: string; cell: string } | null;
}

/** Cells of a grid-shaped value and its longest text, without trusting its shape (it is not validated yet). */
export function gridSize(grid: unknown): GridSize {
  const out: GridSize = { cells: 0, longest: null };
  const sheets = (grid as { sheets?: unknown } | null)?.sheets;
  if (!Array.isArray(sheets)) return out;
  for (const s of sheets) {
    const values = (s as { values?: unknown } | null)?.values;
    if (!Array.isArray(values)) continue;
    values.forEach((row: unknown, r) => {
      if (!Array.isArray(row)) return;
      out.cells += row.length;
      row.forEach((v: unknown, c) => {
        if (typeof v === "string" && v.length > (out.longest?.chars ?? 0)) out.longest = { chars: v.length, sheet: String((s as { name?: unknown }).name), cell: a1(r, c) };
      });
    });
  }
  return out;
}

export function tooManyCells(cells: number, cap: number) {
  return new ApiError(
    413,
    "too_many_cells",
    `台账共有 ${cells} 个单元格，超过每次报送 ${cap} 个的上限，请拆分后再报送`,
    `The ledger has ${cells} cells, over the limit of ${cap} per submission; split it and submit again`,
    { cells, maxCells: cap },
  );
}

/** The same limit on one cell's text as the xlsx reader's (Excel's own 32,767 characters). */
export const MAX_CELL_CHARS = DEFAULT_READ_LIMITS.maxCellChars;

export function assertGridSize(size: GridSize, cap: number): void {
  if (size.cells > cap) throw tooManyCells(size.cells, cap);
  const l = size.longest;
  if (l && l.chars > MAX_CELL_CHARS) {
    throw new ApiError(
      413,
      "cell_too_long",
      `工作表"${l.sheet}"的单元格 ${l.cell} 有 ${l.chars} 个字符，超过每个单元格 ${MAX_CELL_CHARS} 个字符的上限，请删减后再报送`,
      `Cell ${l.cell} of sheet "${l.sheet}" holds ${l.chars} characters, over the limit of ${MAX_CELL_CHARS} per cell; shorten it and submit again`,
      { sheet: l.sheet, cell: l.cell, chars: l.chars, maxChars: MAX_CELL_CHARS },
    );
  }
}
