import { readErrors } from "./errors.js";
import { inflatePart, type InflateRaw } from "./inflate-raw.js";
import type { ReadLimits } from "./limits.js";
import { readZipDirectory, type ZipEntry } from "./zip-directory.js";

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x1;

/**
 * Unzips every part under the caps: first by what the directory declares (cheap, catches
 * honest bombs in milliseconds), then by counting real output (catches lying headers).
 * Returns part name → bytes. Nothing else in the reader inflates.
 */
export function unzipGuarded(bytes: Uint8Array, limits: ReadLimits, inflateRaw?: InflateRaw): Map<string, Uint8Array> {
  const entries = readZipDirectory(bytes).filter((e) => !e.name.endsWith("/"));
  if (entries.length > limits.maxEntries) throw readErrors.tooManyEntries(entries.length, limits.maxEntries);
  checkDeclaredSizes(entries, limits);

  const parts = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    const room = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    const data = inflateEntry(bytes, entry, room, limits, inflateRaw);
    total += data.length;
    parts.set(entry.name, data);
  }
  return parts;
}

function checkDeclaredSizes(entries: ZipEntry[], limits: ReadLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.flags & FLAG_ENCRYPTED) throw readErrors.encrypted();
    if (e.originalSize > limits.maxEntryBytes) throw readErrors.zipBomb(e.name, limits.maxEntryBytes);
    if (e.originalSize > limits.ratioFloorBytes && e.originalSize / Math.max(e.compressedSize, 1) > limits.maxRatio) {
      throw readErrors.zipBombRatio(e.name, e.originalSize / Math.max(e.compressedSize, 1));
    }
    total += e.originalSize;
    if (total > limits.maxTotalBytes) throw readErrors.zipBombTotal(limits.maxTotalBytes);
  }
}

function inflateEntry(bytes: Uint8Array, e: ZipEntry, room: number, limits: ReadLimits, inflateRaw?: InflateRaw): Uint8Array {
  const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === METHOD_STORED) {
    if (raw.length > room) throw readErrors.zipBomb(e.name, room);
    return raw;
  }
  if (e.method !== METHOD_DEFLATE) throw readErrors.corrupt(`unsupported compression method ${e.method} in ${e.name}`);
  return inflatePart(e.name, raw, room, limits, inflateRaw);
}
