import * as XLSX from "@e965/xlsx";
import { readErrors, type LedgerReadError } from "./errors.js";

/**
 * An OLE2 (Compound File) container is either a legacy BIFF .xls workbook or, just as
 * often, an xlsx that Excel encrypted with a password: Excel wraps the encrypted package
 * in OLE2 beside an `EncryptionInfo` stream. Either way we refuse it; this says which.
 */
export function oleRefusal(bytes: Uint8Array): LedgerReadError {
  let names: string[];
  try {
    // CFB is SheetJS's pure-JS compound-file reader (untyped in its .d.ts).
    const cfb = (XLSX.CFB as { read(d: Uint8Array, o: { type: string }): { FullPaths: string[] } }).read(bytes, {
      type: "array",
    });
    names = cfb.FullPaths.map((p) => p.replace(/\/$/, "").split("/").pop() ?? "");
  } catch {
    // A container too damaged to list still carries the OLE2 signature: most likely an old .xls.
    return readErrors.xlsBiff();
  }
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has("EncryptionInfo") || has("EncryptedPackage")) return readErrors.encrypted();
  if (has("Workbook") || has("Book")) return readErrors.xlsBiff();
  return readErrors.notXlsx();
}
