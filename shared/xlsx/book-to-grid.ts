import type * as XLSX from "@e965/xlsx";
import type { SheetGrid } from "../grid/types.js";
import { readErrors } from "./errors.js";
import { resolveListValidations } from "./list-validations.js";
import type { DefinedName } from "./package-parts.js";
import { toSheetGrid } from "./to-grid.js";
import type { RawListValidation } from "./validations-xml.js";

/** What a format's own scan found beside SheetJS's cells: drop-down lists, names, hidden sheets. */
export interface BookExtras {
  /** Sheet name → its list validations as {sqref, formula1} text. */
  validations: Map<string, RawListValidation[]>;
  definedNames: DefinedName[];
  hidden(sheetIndex: number, name: string): boolean;
  maxListValues: number;
  /** The longest text one cell may hold (Excel's own 32,767): a longer one is refused, never cut. */
  maxCellChars: number;
}

/**
 * A parsed SheetJS workbook → the engine's sheets, for every format SheetJS reads.
 * Validations first (a list may read another sheet's cells), then each sheet becomes a
 * grid and SheetJS's copy of it is let go, so two full copies never pile up.
 */
export function bookToSheets(wb: XLSX.WorkBook, extras: BookExtras): SheetGrid[] {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const validations = wb.SheetNames.map((name, index) =>
    resolveListValidations(extras.validations.get(name) ?? [], {
      sheetName: name,
      sheetIndex: index,
      definedNames: extras.definedNames,
      sheets: wb.Sheets,
      date1904,
      maxValues: extras.maxListValues,
    }),
  );
  const sheets = wb.SheetNames.flatMap((name, index) => {
    const ws = wb.Sheets[name];
    if (!ws) return [];
    delete wb.Sheets[name];
    const grid = toSheetGrid(name, ws, extras.hidden(index, name), date1904, extras.maxCellChars);
    grid.validations = validations[index]!;
    return [grid];
  });
  if (!sheets.some((s) => s.values.some((row) => row.some((v) => v !== null)))) throw readErrors.emptyWorkbook();
  return sheets;
}
