import type { CellRange, CellValue, ListValidation, SheetGrid } from "../grid/types.js";
import { resolveListValidationsWith } from "./resolve-lists.js";
import type { DefinedName } from "./package-parts.js";
import type { RawListValidation } from "./validations-xml.js";

/**
 * A sheet's drop-down lists with their allowed values, read from the grids already built (a
 * list may name another sheet's cells, or a defined name). Sources no reader can evaluate
 * without a formula engine (INDIRECT, other workbooks) are left out rather than guessed.
 */
export function resolveGridValidations(
  raw: RawListValidation[],
  ctx: { sheetName: string; sheetIndex: number; definedNames: DefinedName[]; grids: Map<string, SheetGrid>; maxValues: number },
): ListValidation[] {
  return resolveListValidationsWith(raw, {
    ...ctx,
    rangeValues: (sheet, range, limit) => {
      const grid = ctx.grids.get(sheet);
      return grid ? gridRangeValues(grid, range, limit) : null;
    },
  });
}

/** The values of a range (sheet coordinates), row by row, skipping empty cells, at most `limit`. */
function gridRangeValues(grid: SheetGrid, range: CellRange, limit: number): CellValue[] {
  const out: CellValue[] = [];
  const r0 = grid.origin?.row ?? 0;
  const c0 = grid.origin?.col ?? 0;
  const lastRow = Math.min(range.r1, r0 + grid.values.length - 1);
  for (let r = Math.max(range.r0, r0); r <= lastRow && out.length < limit; r++) {
    const row = grid.values[r - r0]!;
    const lastCol = Math.min(range.c1, c0 + row.length - 1);
    for (let c = Math.max(range.c0, c0); c <= lastCol && out.length < limit; c++) {
      const v = row[c - c0];
      if (v !== null && v !== undefined) out.push(v);
    }
  }
  return out;
}
