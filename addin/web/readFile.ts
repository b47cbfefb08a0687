import type { WorkbookGrid } from "../../shared/grid/types.js";
import { readLedgerFile } from "../engine/index.js";

/**
 * Read a ledger file the user picked (.xlsx, .xls, WPS .et, .ods, .csv: whatever shared/reader
 * reads). The read runs in the pane's ledger worker (addin/engine/ledger.worker.ts), which keeps the
 * sheets for checking; the grid comes back a thousand rows a message, so the page keeps painting.
 */
export async function readFile(file: File): Promise<WorkbookGrid> {
  return readLedgerFile(file, file.name);
}
