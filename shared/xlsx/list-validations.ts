import type * as XLSX from "@e965/xlsx";
import type { ListValidation } from "../grid/types.js";
import { cellText } from "./cell-value.js";
import { parseSqref, resolveListSource } from "./list-source.js";
import type { DefinedName } from "./package-parts.js";
import { rangeCells } from "./to-grid.js";
import type { RawListValidation } from "./validations-xml.js";

export interface ListContext {
  sheetName: string;
  sheetIndex: number;
  definedNames: DefinedName[];
  sheets: Record<string, XLSX.WorkSheet>;
  date1904: boolean;
  maxValues: number;
}

/**
 * Turns the sheet's raw list validations into allowed values, reading range sources from
 * the parsed workbook. Sources we cannot evaluate (INDIRECT, other workbooks) are left out
 * rather than guessed.
 */
export function resolveListValidations(raw: RawListValidation[], ctx: ListContext): ListValidation[] {
  const out: ListValidation[] = [];
  for (const v of raw) {
    const ranges = parseSqref(v.sqref);
    if (ranges.length === 0) continue;
    const source = resolveListSource(v.formula1, ctx.sheetName, ctx.sheetIndex, ctx.definedNames);
    if (!source) continue;
    let values: string[];
    if (source.kind === "inline") values = source.values;
    else {
      const ws = ctx.sheets[source.sheet];
      if (!ws) continue;
      const texts = rangeCells(ws, source.range, ctx.date1904, ctx.maxValues).map(cellText);
      values = [...new Set(texts.filter((t): t is string => t !== null))];
    }
    out.push({ ranges, values: values.slice(0, ctx.maxValues) });
  }
  return out;
}
