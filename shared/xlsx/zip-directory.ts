import { readErrors } from "./errors.js";

/** One part of a zip, as its central directory declares it. Sizes may lie; inflation re-checks. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Declared inflated size. */
  originalSize: number;
  /** Offset of the part's compressed bytes within the file. */
  dataOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
// Only the low 53 bits matter: anything bigger fails the size caps anyway.
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

function findEndOfCentralDirectory(b: Uint8Array): number {
  const last = b.length - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === EOCD_SIG) return i;
  }
  return -1;
}

/**
 * Reads the central directory without inflating anything, so declared sizes can be
 * judged first. Missing end records mean the file was cut short (a zip is written
 * front to back and its directory comes last).
 */
export function readZipDirectory(b: Uint8Array): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(b);
  if (eocd < 0) throw readErrors.truncated();
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== ZIP64_LOCATOR_SIG) throw readErrors.corrupt("bad zip64 locator");
    const z64 = u64(b, loc + 8);
    if (z64 + 56 > b.length || u32(b, z64) !== ZIP64_EOCD_SIG) throw readErrors.truncated();
    count = u64(b, z64 + 32);
    cdSize = u64(b, z64 + 40);
    cdOffset = u64(b, z64 + 48);
  }
  if (cdOffset + cdSize > b.length) throw readErrors.truncated();

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL_SIG) throw readErrors.corrupt("bad central directory");
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let originalSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const name = decoder.decode(b.subarray(p + 46, p + 46 + nameLen));
    const extra = readZip64Extra(b, p + 46 + nameLen, extraLen, {
      original: originalSize === 0xffffffff,
      compressed: compressedSize === 0xffffffff,
      offset: localOffset === 0xffffffff,
    });
    originalSize = extra.original ?? originalSize;
    compressedSize = extra.compressed ?? compressedSize;
    localOffset = extra.offset ?? localOffset;
    p += 46 + nameLen + extraLen + commentLen;

    if (localOffset + 30 > b.length) throw readErrors.truncated();
    if (u32(b, localOffset) !== LOCAL_SIG) throw readErrors.corrupt(`bad local header for ${name}`);
    const dataOffset = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28);
    if (dataOffset + compressedSize > b.length) throw readErrors.truncated();
    entries.push({ name, method, flags, compressedSize, originalSize, dataOffset });
  }
  return entries;
}

/** The zip64 extended-information field holds, in order, only the sizes whose 32-bit slot is full. */
function readZip64Extra(
  b: Uint8Array,
  start: number,
  len: number,
  need: { original: boolean; compressed: boolean; offset: boolean },
): { original?: number; compressed?: number; offset?: number } {
  const out: { original?: number; compressed?: number; offset?: number } = {};
  if (!need.original && !need.compressed && !need.offset) return out;
  let q = start;
  while (q + 4 <= start + len) {
    const id = u16(b, q);
    const size = u16(b, q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      if (need.original) {
        out.original = u64(b, r);
        r += 8;
      }
      if (need.compressed) {
        out.compressed = u64(b, r);
        r += 8;
      }
      if (need.offset) out.offset = u64(b, r);
      return out;
    }
    q += 4 + size;
  }
  return out;
}
