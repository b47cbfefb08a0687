import type * as XLSX from "@e965/xlsx";
import type { GridSource, WorkbookGrid } from "../grid/types.js";
import { bookToSheets } from "../xlsx/book-to-grid.js";
import { readErrors, type SpreadsheetApp } from "../xlsx/errors.js";
import type { ReadLimits } from "../xlsx/limits.js";
import { parseBiffWithSheetJs } from "../xlsx/sheetjs-parse.js";
import type { RawListValidation } from "../xlsx/validations-xml.js";
import { scanBiff, type BiffScan } from "./biff-scan.js";
import { openCompoundFile } from "./compound-file.js";

/** Windows code pages BIFF5 files carry, by the label TextDecoder knows them under. */
const CODEPAGE_LABELS: Record<number, string> = {
  874: "windows-874",
  932: "shift_jis",
  936: "gbk",
  949: "euc-kr",
  950: "big5",
  1250: "windows-1250",
  1251: "windows-1251",
  1252: "windows-1252",
  1253: "windows-1253",
  1254: "windows-1254",
  1255: "windows-1255",
  1256: "windows-1256",
  1257: "windows-1257",
  1258: "windows-1258",
  10000: "macintosh",
};

function decoderFor(codepage: number | null): (bytes: Uint8Array) => string {
  const label = CODEPAGE_LABELS[codepage ?? 1252] ?? "windows-1252";
  const decoder = new TextDecoder(label);
  return (bytes) => decoder.decode(bytes);
}

/** What an OLE2 file is when it holds no workbook stream. */
function notAWorkbook(names: string[], app: SpreadsheetApp) {
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has("EncryptionInfo") || has("EncryptedPackage")) return readErrors.encrypted(app);
  if (has("WordDocument")) return readErrors.unsupportedFormat({ zh: " Word 文档（.doc）", en: "a Word document (.doc)" }, app);
  if (has("PowerPoint Document")) return readErrors.unsupportedFormat({ zh: " PowerPoint 演示文稿（.ppt）", en: "a PowerPoint presentation (.ppt)" }, app);
  return readErrors.notXlsx(app);
}

/**
 * An .xls (BIFF8, Excel 97–2003; BIFF5, Excel 5.0/95) or WPS .et workbook into the grid:
 * the compound file is checked and the Workbook stream copied out (shared/xls), its
 * records counted against the caps and its drop-down lists read, and only then does
 * SheetJS parse that one stream.
 */
export function readXls(bytes: Uint8Array, lim: ReadLimits, format: "xls" | "et"): WorkbookGrid {
  const app: SpreadsheetApp = format === "et" ? "wps" : "excel";
  const cfb = openCompoundFile(bytes);
  const streamName = ["Workbook", "Book"].find((n) => cfb.streamNames.some((x) => x.toLowerCase() === n.toLowerCase()));
  if (!streamName || cfb.streamNames.some((n) => n === "EncryptionInfo")) throw notAWorkbook(cfb.streamNames, app);
  const stream = cfb.stream(streamName)!;

  const scan = scanBiff(stream, decoderFor);
  if (scan.encrypted) throw readErrors.encrypted(app);
  let cells = 0;
  for (const s of scan.sheets) {
    if (s.lastRow > lim.maxRows) throw readErrors.tooManyRows(s.name, s.lastRow, lim.maxRows);
    if (s.cells > lim.maxCellsPerSheet) throw readErrors.tooManyCells(s.name, s.cells, lim.maxCellsPerSheet);
    cells += s.cells;
  }
  if (cells > lim.maxCells) throw readErrors.tooManyCellsTotal(cells, lim.maxCells);

  const wb = parseBiffWithSheetJs(stream, lim.maxRows + 1);
  if (scan.version === 5) recodeBiff5Text(wb, scan);
  const byName = new Map(scan.sheets.map((s) => [s.name, s]));
  const validations = new Map<string, RawListValidation[]>(scan.sheets.map((s) => [s.name, s.validations]));
  const sheets = bookToSheets(wb, {
    validations,
    definedNames: scan.definedNames,
    hidden: (_index, name) => byName.get(name)?.hidden ?? false,
    maxListValues: lim.maxListValues,
    maxCellChars: lim.maxCellChars,
  });
  const source: GridSource = { format, biff: scan.version };
  return { sheets, source };
}

/**
 * Without code-page tables SheetJS reads BIFF5's 8-bit text one byte per character; those
 * bytes are decoded again in the workbook's own code page (GBK for a Chinese Excel 95 file).
 */
/** Text whose every character is one byte, as SheetJS leaves 8-bit BIFF5 text. */
function isByteText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

function recodeBiff5Text(wb: XLSX.WorkBook, scan: BiffScan): void {
  const decode = decoderFor(scan.codepage);
  const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const names: string[] = [];
  const sheets: Record<string, XLSX.WorkSheet> = {};
  wb.SheetNames.forEach((old) => {
    const name = scan.sheets.find((s) => s.sheetJsName === old)?.name ?? old;
    const ws = wb.Sheets[old]!;
    for (const row of ((ws as XLSX.DenseSheet)["!data"] ?? []) as (XLSX.CellObject[] | undefined)[]) {
      for (const cell of row ?? []) {
        if (cell?.t === "s" && typeof cell.v === "string" && isByteText(cell.v)) cell.v = decode(bytesOf(cell.v));
      }
    }
    names.push(name);
    sheets[name] = ws;
  });
  wb.SheetNames = names;
  wb.Sheets = sheets;
}
