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
type ParseZip = (zip: CfbContainer, opts: XLSX.ParsingOptions) => XLSX.WorkBook;

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
 * `parse_zip` (what `read` calls after unzipping). SheetJS never sees the raw zip, so it
 * cannot inflate a lying entry, and nothing is inflated twice.
 */
export function parseWithSheetJs(parts: Map<string, Uint8Array>, sheetRows: number): XLSX.WorkBook {
  const lib = XLSX as unknown as { CFB: { utils: CfbUtils }; parse_zip: ParseZip };
  const zip = lib.CFB.utils.cfb_new();
  for (const [name, data] of parts) lib.CFB.utils.cfb_add(zip, name, data, { unsafe: true });
  try {
    return lib.parse_zip(zip, { ...READ_OPTIONS, sheetRows });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(msg)) throw readErrors.encrypted();
    throw readErrors.corrupt(msg.slice(0, 120));
  }
}
