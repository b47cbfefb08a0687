/** Caps that keep a hostile or oversized file from exhausting memory (see validation-notes §5.4). */
export interface ReadLimits {
  /** Largest accepted file, compressed. */
  maxFileBytes: number;
  /** Most parts (zip entries) a workbook may hold. */
  maxEntries: number;
  /** Largest single part once inflated (declared and actual). */
  maxEntryBytes: number;
  /** Largest sum of all parts once inflated. */
  maxTotalBytes: number;
  /** Highest inflated/compressed ratio accepted for parts bigger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Last sheet row (1-based) that may hold a cell. Excel's own maximum is 1,048,576. */
  maxRows: number;
  /** Most cells in one sheet. */
  maxCellsPerSheet: number;
  /** Most cells in the whole workbook, all sheets together (a host's memory budget). */
  maxCells: number;
  /** Most values a drop-down list read from a range may contribute. */
  maxListValues: number;
  /** Longest text of one cell, in characters: Excel's own limit (a longer one is not a ledger's). */
  maxCellChars: number;
}

const MB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 100 * MB,
  maxEntries: 10_000,
  maxEntryBytes: 100 * MB,
  maxTotalBytes: 250 * MB,
  maxRatio: 250,
  ratioFloorBytes: 8 * MB,
  maxRows: 300_000,
  maxCellsPerSheet: 5_000_000,
  maxCells: 20_000_000,
  maxListValues: 5_000,
  maxCellChars: 32_767,
});

export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...limits };
}
