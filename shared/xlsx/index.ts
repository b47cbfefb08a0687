export { readWorkbook, type ReadOptions } from "./read-workbook.js";
export type { InflateRaw } from "./inflate-raw.js";
export { LedgerReadError, isLedgerReadError, type ReadErrorCode } from "./errors.js";
export { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits.js";
