import type { CellRange, CellValue, ListValidation, SheetGrid } from "../grid/types.js";
import { cellText } from "./cell-text.js";
import { parseSqref, resolveListSource } from "./list-source.js";
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
  const out: ListValidation[] = [];
  for (const v of raw) {
    const ranges = parseSqref(v.sqref);
    if (ranges.length === 0) continue;
    const source = resolveListSource(v.formula1, ctx.sheetName, ctx.sheetIndex, ctx.definedNames);
    if (!source) continue;
    let values: string[];
    if (source.kind === "inline") values = source.values;
    else {
      const grid = ctx.grids.get(source.sheet);
      if (!grid) continue;
      const texts = gridRangeValues(grid, source.range, ctx.maxValues).map(cellText);
      values = [...new Set(texts.filter((t): t is string => t !== null))];
    }
    out.push({ ranges, values: values.slice(0, ctx.maxValues) });
  }
  return out;
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
