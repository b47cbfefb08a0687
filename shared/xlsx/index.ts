import type { WorkbookGrid } from "../grid/types.js";
import { readWorkbookFile, type ReadFileOptions } from "../reader/read-file.js";
import type { ReadLimits } from "./limits.js";

export type { InflateRaw } from "./inflate-raw.js";
export { LedgerReadError, isLedgerReadError, type ReadErrorCode } from "./errors.js";
export { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits.js";

export type ReadOptions = Omit<ReadFileOptions, "limits">;

/** Any workbook or CSV file into the grid, by content; kept for callers that pass limits first. Prefer shared/reader's readWorkbookFile. */
export function readWorkbook(bytes: Uint8Array, limits?: Partial<ReadLimits>, options: ReadOptions = {}): WorkbookGrid {
  return readWorkbookFile(bytes, { ...options, ...(limits ? { limits } : {}) });
}
