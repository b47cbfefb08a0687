import type { InflateRaw } from "./inflate-raw.js";
import type { ReadLimits } from "./limits.js";
import { ZipArchive } from "./zip-archive.js";

/**
 * Unzips every part under the caps (see ZipArchive): part name → bytes. For readers that need
 * the whole package at once (SheetJS for .ods); the .xlsx reader reads parts one by one.
 */
export function unzipGuarded(bytes: Uint8Array, limits: ReadLimits, inflateRaw?: InflateRaw): Map<string, Uint8Array> {
  return ZipArchive.open(bytes, limits, inflateRaw).readAll();
}
