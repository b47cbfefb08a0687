import type { CellRange, CellValue, ListValidation } from "../grid/types.js";
import { cellText } from "./cell-text.js";
import { parseSqref, resolveListSource } from "./list-source.js";
import type { DefinedName } from "./package-parts.js";
import type { RawListValidation } from "./validations-xml.js";

/** What resolving a sheet's lists needs, whichever reader built the cells a range source names. */
export interface ListSourceContext {
  sheetName: string;
  sheetIndex: number;
  definedNames: DefinedName[];
  maxValues: number;
  /** The filled cells of `range` on the sheet named, row by row, at most `limit`; null for no such sheet. */
  rangeValues(sheet: string, range: CellRange, limit: number): CellValue[] | null;
}

/**
 * A sheet's raw list validations → their allowed values: inline lists as written, range sources
 * (another sheet's cells, a defined name) read through `rangeValues`. Sources no reader can
 * evaluate without a formula engine (INDIRECT, other workbooks) are left out rather than guessed.
 */
export function resolveListValidationsWith(raw: RawListValidation[], ctx: ListSourceContext): ListValidation[] {
  const out: ListValidation[] = [];
  for (const v of raw) {
    const ranges = parseSqref(v.sqref);
    if (ranges.length === 0) continue;
    const source = resolveListSource(v.formula1, ctx.sheetName, ctx.sheetIndex, ctx.definedNames);
    if (!source) continue;
    let values: string[];
    if (source.kind === "inline") values = source.values;
    else {
      const cells = ctx.rangeValues(source.sheet, source.range, ctx.maxValues);
      if (!cells) continue;
      values = [...new Set(cells.map(cellText).filter((t): t is string => t !== null))];
    }
    out.push({ ranges, values: values.slice(0, ctx.maxValues) });
  }
  return out;
}
