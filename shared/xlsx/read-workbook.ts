import type { SheetGrid, WorkbookGrid } from "../grid/types.js";
import { cellsToGrid } from "./cells-to-grid.js";
import { readErrors } from "./errors.js";
import { resolveGridValidations } from "./grid-validations.js";
import type { ReadLimits } from "./limits.js";
import { readPackageLayout } from "./package-parts.js";
import { SharedStringsParser, type SharedString } from "./shared-strings.js";
import { SheetXmlParser } from "./sheet-parser.js";
import { readCellFormats } from "./styles-formats.js";
import { findListValidations, type RawListValidation } from "./validations-xml.js";
import type { ZipArchive } from "./zip-archive.js";

/**
 * An .xlsx (or .xlsm, .xltx) package into the engine's grid, read by this project's own streaming
 * reader: the shared strings and each sheet are parsed as they are inflated, straight into the
 * grid (values, number formats, merges, drop-down lists), so no sheet's XML and no per-cell
 * object of a general-purpose library ever sits in memory. Rows and cells are counted as they
 * come, against the same caps as before. Throws `LedgerReadError` for anything it will not read.
 */
export function readXlsxArchive(zip: ZipArchive, lim: ReadLimits): WorkbookGrid {
  const layout = readPackageLayout(zip);
  const formats = readCellFormats(layout.stylesPath ? zip.text(layout.stylesPath) : null);
  const strings = readSharedStrings(zip, layout.sharedStringsPath, lim.maxCellChars);
  const grids = new Map<string, SheetGrid>();
  const raw = new Map<string, RawListValidation[]>();
  const read: { grid: SheetGrid; index: number }[] = [];
  let cells = 0;
  layout.sheets.forEach((sheet, index) => {
    if (!sheet.path || !zip.entry(sheet.path)) return;
    const parser = new SheetXmlParser(sheet.path, {
      sheetName: sheet.name,
      strings,
      formats,
      date1904: layout.date1904,
      maxRows: lim.maxRows,
      maxCellsPerSheet: lim.maxCellsPerSheet,
      cellsBefore: cells,
      maxCells: lim.maxCells,
      maxCellChars: lim.maxCellChars,
    });
    zip.stream(sheet.path, (chunk) => parser.push(chunk));
    parser.finish();
    const found = parser.result();
    cells += found.cellCount;
    const grid = cellsToGrid(sheet.name, found, sheet.hidden);
    raw.set(sheet.name, findListValidations(found.tail));
    grids.set(sheet.name, grid);
    read.push({ grid, index });
  });
  // Lists last: a list may read the cells of a sheet that comes after it.
  for (const { grid, index } of read) {
    grid.validations = resolveGridValidations(raw.get(grid.name) ?? [], {
      sheetName: grid.name,
      sheetIndex: index,
      definedNames: layout.definedNames,
      grids,
      maxValues: lim.maxListValues,
    });
  }
  const sheets = read.map((r) => r.grid);
  if (!sheets.some((s) => s.values.some((row) => row.some((v) => v !== null)))) throw readErrors.emptyWorkbook();
  return { sheets, source: { format: "xlsx" } };
}

function readSharedStrings(zip: ZipArchive, path: string | null, maxChars: number): SharedString[] {
  if (!path || !zip.entry(path)) return [];
  const parser = new SharedStringsParser(maxChars);
  zip.stream(path, (chunk) => parser.push(chunk));
  parser.finish();
  return parser.strings;
}
