import * as XLSX from "@e965/xlsx";
import { readErrors } from "./errors.js";

/** The SheetJS zip container shape (a CFB object), which `parse_zip` takes instead of raw bytes. */
interface CfbContainer {
  FileIndex: unknown[];
  FullPaths: string[];
}
interface CfbUtils {
  cfb_new(opts?: { root?: string }): CfbContainer;
  cfb_add(c: CfbContainer, name: string, content: Uint8Array, opts?: { unsafe?: boolean }): unknown;
}
type ParseContainer = (container: CfbContainer, opts: XLSX.ParsingOptions) => XLSX.WorkBook;
interface SheetJsInternals {
  CFB: { utils: CfbUtils };
  parse_zip: ParseContainer;
  parse_xlscfb: (data: CfbContainer | Uint8Array, opts: XLSX.ParsingOptions) => XLSX.WorkBook;
}
const lib = XLSX as unknown as SheetJsInternals;

const READ_OPTIONS: XLSX.ParsingOptions = {
  type: "array",
  dense: true,
  cellDates: false,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellFormula: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false, // macros are never read
  WTF: false,
};

/**
 * Hands SheetJS the parts we already inflated under the caps, through its own
 * `parse_zip` (what `read` calls after unzipping; it reads .xlsx and .ods alike). SheetJS
 * never sees the raw zip, so it cannot inflate a lying entry, and nothing is inflated twice.
 */
export function parseWithSheetJs(parts: Map<string, Uint8Array>, sheetRows: number): XLSX.WorkBook {
  const zip = lib.CFB.utils.cfb_new();
  for (const [name, data] of parts) lib.CFB.utils.cfb_add(zip, name, data, { unsafe: true });
  return guarded(() => lib.parse_zip(zip, { ...READ_OPTIONS, sheetRows }));
}

/**
 * Hands SheetJS one BIFF stream (Workbook or Book) that shared/xls copied out of a
 * compound file it checked: given bare bytes, `parse_xlscfb` reads them as the workbook
 * stream itself, so SheetJS never parses the clerk's compound file.
 */
export function parseBiffWithSheetJs(stream: Uint8Array, sheetRows: number): XLSX.WorkBook {
  // "buffer" keeps the bytes as they are ("array" would copy them into a JS array first).
  return guarded(() => lib.parse_xlscfb(stream, { ...READ_OPTIONS, type: "buffer", sheetRows }));
}

function guarded(parse: () => XLSX.WorkBook): XLSX.WorkBook {
  // SheetJS reports number formats it only half understands (ODS style maps) on
  // console.error; a clerk's terminal or the Worker's log is not the place for them.
  const error = console.error;
  console.error = () => {};
  try {
    return parse();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(msg)) throw readErrors.encrypted();
    throw readErrors.corrupt(msg.slice(0, 120));
  } finally {
    console.error = error;
  }
}
