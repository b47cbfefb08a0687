import { inflateRawSync } from "node:zlib";
import type { InflateRaw } from "../shared/xlsx/index.js";

// Larger output steps than zlib's 16 KB default: about 15% faster on a 65 MB sheet.
const CHUNK = 256 * 1024;

/**
 * Node's native zlib for the xlsx reader: several times faster than fflate, and its
 * Buffer output is read by the parsers without a copy (parts over 16 MB are streamed through fflate
 * instead, to keep memory low: shared/xlsx/zip-archive.ts). `maxOutputLength` makes zlib
 * stop (and throw) the moment the output would pass the cap, so a bomb never grows past it.
 */
export const nodeInflateRaw: InflateRaw = (compressed, maxOutputBytes) => {
  try {
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxOutputBytes), chunkSize: CHUNK });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw err;
  }
};
