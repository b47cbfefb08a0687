export { readWorkbookFile, type ReadFileOptions } from "./read-file.js";
export { READABLE_EXTENSIONS, PICKER_ACCEPT, UPLOAD_MEDIA_TYPES, isReadableName, skipReasonFor, type SkipReason } from "./file-kinds.js";
export { describeSource } from "./describe-source.js";
export { inflateAhead } from "./inflate-ahead.js";
export { LedgerReadError, isLedgerReadError, type ReadErrorCode } from "../xlsx/errors.js";
export { DEFAULT_READ_LIMITS, type ReadLimits } from "../xlsx/limits.js";
export type { InflateRaw } from "../xlsx/inflate-raw.js";
