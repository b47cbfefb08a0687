import type * as XLSX from "@e965/xlsx";
import type { ListValidation } from "../grid/types.js";
import type { DefinedName } from "./package-parts.js";
import { resolveListValidationsWith } from "./resolve-lists.js";
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

/** The same, range sources read from a parsed SheetJS workbook. */
export function resolveListValidations(raw: RawListValidation[], ctx: ListContext): ListValidation[] {
  return resolveListValidationsWith(raw, {
    ...ctx,
    rangeValues: (sheet, range, limit) => {
      const ws = ctx.sheets[sheet];
      return ws ? rangeCells(ws, range, ctx.date1904, limit) : null;
    },
  });
}
