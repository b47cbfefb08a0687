import type { WorkbookGrid } from "../grid/types.js";
import { readErrors } from "./errors.js";
import type { InflateRaw } from "./inflate-raw.js";
import { resolveLimits, type ReadLimits } from "./limits.js";
import { resolveListValidations } from "./list-validations.js";
import { oleRefusal } from "./ole.js";
import { getPart, readPackageLayout } from "./package-parts.js";
import { scanSheetXml } from "./sheet-scan.js";
import { parseWithSheetJs } from "./sheetjs-parse.js";
import { sniffContainer } from "./sniff.js";
import { toSheetGrid } from "./to-grid.js";
import { unzipGuarded } from "./unzip-guarded.js";
import { findListValidations, type RawListValidation } from "./validations-xml.js";

const decoder = new TextDecoder();

export interface ReadOptions {
  /** The host's raw-deflate inflater (e.g. Node's zlib in the CLI); fflate when absent. Caps apply either way. */
  inflateRaw?: InflateRaw;
}

/**
 * Reads an .xlsx file into the engine's grid. Every check that can refuse a file runs
 * before SheetJS allocates anything for it: file type, zip structure, inflated sizes,
 * rows and cells per sheet. Throws `LedgerReadError` for anything it will not read.
 */
export function readWorkbook(bytes: Uint8Array, limits?: Partial<ReadLimits>, options: ReadOptions = {}): WorkbookGrid {
  const lim = resolveLimits(limits);
  if (bytes.length === 0) throw readErrors.emptyFile();
  if (bytes.length > lim.maxFileBytes) throw readErrors.tooLarge(bytes.length, lim.maxFileBytes);

  const kind = sniffContainer(bytes);
  if (kind === "ole2") throw oleRefusal(bytes);
  if (kind !== "zip") throw readErrors.notXlsx();

  const parts = unzipGuarded(bytes, lim, options.inflateRaw);
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
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheetMeta = wb.Workbook?.Sheets ?? [];

  // Validations first (a list may read another sheet's cells), then each sheet becomes a
  // grid and SheetJS's copy of it is let go, so two full copies never pile up.
  const validations = wb.SheetNames.map((name, index) =>
    resolveListValidations(rawValidations.get(name) ?? [], {
      sheetName: name,
      sheetIndex: index,
      definedNames: layout.definedNames,
      sheets: wb.Sheets,
      date1904,
      maxValues: lim.maxListValues,
    }),
  );
  const sheets = wb.SheetNames.flatMap((name, index) => {
    const ws = wb.Sheets[name];
    if (!ws) return [];
    delete wb.Sheets[name];
    const grid = toSheetGrid(name, ws, Boolean(sheetMeta[index]?.Hidden), date1904, lim.maxCellChars);
    grid.validations = validations[index]!;
    return [grid];
  });

  if (!sheets.some((s) => s.values.some((row) => row.some((v) => v !== null)))) throw readErrors.emptyWorkbook();
  return { sheets };
}
