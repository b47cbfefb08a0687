import type { WorkbookGrid } from "../grid/types.js";
import { readCsv } from "../csv/read-csv.js";
import { odfMimeTypeOf, readOdsParts } from "../ods/read-ods.js";
import { readXls } from "../xls/read-xls.js";
import { isLedgerReadError, readErrors, type LedgerReadError, type SpreadsheetApp } from "../xlsx/errors.js";
import type { InflateRaw } from "../xlsx/inflate-raw.js";
import { resolveLimits, type ReadLimits } from "../xlsx/limits.js";
import { readXlsxArchive } from "../xlsx/read-workbook.js";
import { ZipArchive } from "../xlsx/zip-archive.js";
import { appFor, baseNameOf, extensionOf, TEXT_EXTENSIONS } from "./file-kinds.js";
import { sniffContainer } from "./sniff-format.js";

export interface ReadFileOptions {
  /** The file's name as the clerk has it: names a CSV's sheet, words messages for WPS files. */
  fileName?: string;
  limits?: Partial<ReadLimits>;
  /** The host's raw-deflate inflater (e.g. Node's zlib in the CLI); fflate when absent. Caps apply either way. */
  inflateRaw?: InflateRaw;
}

/**
 * The one way in for every file a clerk has: .xlsx/.xlsm, .xls (BIFF8, BIFF5), WPS .et,
 * .ods, .csv/.txt. The container is told from the bytes, every format passes its own
 * caps before a parser allocates anything, and every format ends in the same grid, with
 * `source` saying what was read. Throws `LedgerReadError` (in WPS's words for WPS files)
 * for anything it will not read. A faster reader for one format slots in behind this.
 */
export function readWorkbookFile(bytes: Uint8Array, options: ReadFileOptions = {}): WorkbookGrid {
  const app = appFor(options.fileName);
  try {
    return readByContent(bytes, options, app);
  } catch (e) {
    throw isLedgerReadError(e) ? e.forApp(app) : e;
  }
}

function readByContent(bytes: Uint8Array, options: ReadFileOptions, app: SpreadsheetApp): WorkbookGrid {
  const lim = resolveLimits(options.limits);
  if (bytes.length === 0) throw readErrors.emptyFile();
  if (bytes.length > lim.maxFileBytes) throw readErrors.tooLarge(bytes.length, lim.maxFileBytes);
  const ext = extensionOf(options.fileName);
  const grid = readContainer(bytes, lim, options, ext, app);
  // Say so when the name promised another format than the bytes hold (a CSV saved under .xls).
  const named = ext.slice(1);
  const agrees: Record<string, string[]> = { xlsx: ["xlsx", "xlsm", "xltx", "xltm"], xls: ["xls", "xlt"], et: ["et", "ett"], ods: ["ods", "ots"], csv: ["csv", "txt"] };
  if (named && grid.source && !agrees[grid.source.format]?.includes(named)) grid.source.namedAs = ext;
  return grid;
}

function readContainer(bytes: Uint8Array, lim: ReadLimits, options: ReadFileOptions, ext: string, app: SpreadsheetApp): WorkbookGrid {
  switch (sniffContainer(bytes)) {
    case "zip": {
      const zip = ZipArchive.open(bytes, lim, options.inflateRaw);
      // .ods goes to SheetJS whole; .xlsx is read part by part by shared/xlsx's streaming reader.
      return odfMimeTypeOf(zip) ? readOdsParts(zip.readAll(), lim) : readXlsxArchive(zip, lim);
    }
    case "ole2":
      return readXls(bytes, lim, app === "wps" ? "et" : "xls");
    case "biff-old":
      throw readErrors.xlsBiff();
    case "html":
      throw readErrors.unsupportedFormat({ zh: "网页（HTML）或 XML 格式的表格", en: "a table saved as a web page (HTML) or XML" });
    case "pdf":
      throw readErrors.unsupportedFormat({ zh: " PDF 文件", en: "a PDF file" });
    case "other":
      return readText(bytes, lim, options, ext, app);
  }
}

/** Not a workbook container: a text file, read as CSV, or something we name plainly. */
function readText(bytes: Uint8Array, lim: ReadLimits, options: ReadFileOptions, ext: string, app: SpreadsheetApp): WorkbookGrid {
  try {
    return readCsv(bytes, lim, baseNameOf(options.fileName) || "CSV", app);
  } catch (e) {
    // Bytes that are not text, unless the name promised text, are a damaged or foreign file.
    if (!TEXT_EXTENSIONS.includes(ext) && isLedgerReadError(e) && (e as LedgerReadError).code === "not-text") throw readErrors.notXlsx();
    throw e;
  }
}
