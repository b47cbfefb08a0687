/**
 * Row blocks for reading a used range: Excel on the web caps a request and a response at
 * 5 MB, and Range.values at 5,000,000 cells. Values plus number formats of an ordinary
 * ledger cell take well under 50 bytes of JSON, so 100,000 cells per block stays under
 * 5 MB; a block that still fails is halved and read again (see read.ts).
 */
export const DEFAULT_CELLS_PER_CHUNK = 100_000;

export interface RowChunk {
  /** 0-based offset from the first row of the used range. */
  start: number;
  count: number;
}

export function rowsPerChunk(columnCount: number, cellsPerChunk = DEFAULT_CELLS_PER_CHUNK): number {
  return Math.max(1, Math.floor(cellsPerChunk / Math.max(1, columnCount)));
}

export function planChunks(rowCount: number, columnCount: number, cellsPerChunk = DEFAULT_CELLS_PER_CHUNK): RowChunk[] {
  const step = rowsPerChunk(columnCount, cellsPerChunk);
  const out: RowChunk[] = [];
  for (let start = 0; start < rowCount; start += step) out.push({ start, count: Math.min(step, rowCount - start) });
  return out;
}

/** Office.js reports an over-size request or response with this code (GeneralException on some hosts). */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
