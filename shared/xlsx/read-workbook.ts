import type { WorkbookGrid } from "../grid/types.js";
import { readErrors } from "./errors.js";
import type { ReadLimits } from "./limits.js";
import { bookToSheets } from "./book-to-grid.js";
import { getPart, readPackageLayout } from "./package-parts.js";
import { scanSheetXml } from "./sheet-scan.js";
import { parseWithSheetJs } from "./sheetjs-parse.js";
import { findListValidations, type RawListValidation } from "./validations-xml.js";

const decoder = new TextDecoder();

/**
 * An .xlsx (or .xlsm, .xltx) package, already unzipped under the caps by shared/reader,
 * into the engine's grid. Rows and cells per sheet are counted on the XML before SheetJS
 * allocates anything. Throws `LedgerReadError` for anything it will not read.
 */
export function readXlsxParts(parts: Map<string, Uint8Array>, lim: ReadLimits): WorkbookGrid {
  const layout = readPackageLayout(parts);

  // Size up each sheet from its XML and keep only the tail that holds validations.
  const rawValidations = new Map<string, RawListValidation[]>();
  for (const [name, path] of layout.sheetParts) {
    const xml = getPart(parts, path);
    if (!xml) continue;
    const scan = scanSheetXml(xml);
    if (scan.lastRowWithCells > lim.maxRows) throw readErrors.tooManyRows(name, scan.lastRowWithCells, lim.maxRows);
    if (scan.cellCount > lim.maxCellsPerSheet) throw readErrors.tooManyCells(name, scan.cellCount, lim.maxCellsPerSheet);
    rawValidations.set(name, findListValidations(decoder.decode(xml.subarray(scan.afterSheetData))));
  }

  const wb = parseWithSheetJs(parts, lim.maxRows + 1);
  parts.clear();
  const sheetMeta = wb.Workbook?.Sheets ?? [];
  const sheets = bookToSheets(wb, {
    validations: rawValidations,
    definedNames: layout.definedNames,
    hidden: (index) => Boolean(sheetMeta[index]?.Hidden),
    maxListValues: lim.maxListValues,
    maxCellChars: lim.maxCellChars,
  });
  return { sheets, source: { format: "xlsx" } };
}
