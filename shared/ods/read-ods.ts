import type { WorkbookGrid } from "../grid/types.js";
import { bookToSheets } from "../xlsx/book-to-grid.js";
import { readErrors } from "../xlsx/errors.js";
import type { ReadLimits } from "../xlsx/limits.js";
import { getPart } from "../xlsx/package-parts.js";
import { parseWithSheetJs } from "../xlsx/sheetjs-parse.js";
import type { RawListValidation } from "../xlsx/validations-xml.js";
import type { ZipArchive } from "../xlsx/zip-archive.js";
import { scanOdsContent } from "./ods-scan.js";

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

/** The OpenDocument type a package declares in its `mimetype` part, or null when it has none. */
export function odfMimeType(parts: Map<string, Uint8Array>): string | null {
  const m = getPart(parts, "mimetype");
  return m ? new TextDecoder().decode(m).trim() : getPart(parts, "content.xml") ? ODS_MIME : null;
}

/** The same, asked of a zip without inflating more than its `mimetype` part. */
export function odfMimeTypeOf(zip: ZipArchive): string | null {
  const m = zip.read("mimetype");
  return m ? new TextDecoder().decode(m).trim() : zip.entry("content.xml") ? ODS_MIME : null;
}

/**
 * An .ods package, already unzipped under the caps by shared/reader, into the grid. Its
 * tables are counted with every repeat spelt out before SheetJS expands them.
 */
export function readOdsParts(parts: Map<string, Uint8Array>, lim: ReadLimits): WorkbookGrid {
  const mime = odfMimeType(parts);
  if (mime !== ODS_MIME && !mime?.startsWith(`${ODS_MIME}-template`)) {
    const what = mime?.includes("text") ? { zh: " OpenDocument 文本文档（.odt）", en: "an OpenDocument text (.odt)" } : { zh: "非表格的 OpenDocument 文件", en: "an OpenDocument file that is not a spreadsheet" };
    throw readErrors.unsupportedFormat(what);
  }
  const content = getPart(parts, "content.xml");
  if (!content) throw readErrors.corrupt("content.xml is missing");
  const scan = scanOdsContent(new TextDecoder().decode(content));
  let cells = 0;
  for (const t of scan.tables) {
    if (t.lastRow > lim.maxRows) throw readErrors.tooManyRows(t.name, t.lastRow, lim.maxRows);
    if (t.cells > lim.maxCellsPerSheet) throw readErrors.tooManyCells(t.name, t.cells, lim.maxCellsPerSheet);
    cells += t.cells;
  }
  if (cells > lim.maxCells) throw readErrors.tooManyCellsTotal(cells, lim.maxCells);

  const wb = parseWithSheetJs(parts, lim.maxRows + 1);
  parts.clear();
  // SheetJS names the tables in document order, as the scan does.
  const validations = new Map<string, RawListValidation[]>(wb.SheetNames.map((n, i) => [n, scan.tables[i]?.validations ?? []]));
  const sheets = bookToSheets(wb, {
    validations,
    definedNames: scan.definedNames,
    hidden: (index) => scan.tables[index]?.hidden ?? false,
    maxListValues: lim.maxListValues,
    maxCellChars: lim.maxCellChars,
  });
  return { sheets, source: { format: "ods" } };
}
