export { readWorkbook } from "./read-workbook.js";
export { LedgerReadError, isLedgerReadError, type ReadErrorCode } from "./errors.js";
export { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits.js";
