import { readErrors } from "./errors.js";
import { inflatePart, inflatePartChunks, type InflateRaw } from "./inflate-raw.js";
import type { ReadLimits } from "./limits.js";
import { readZipDirectory, type ZipEntry } from "./zip-directory.js";

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x1;
/** Parts declared larger than this are streamed (about 16 MB of XML: a sheet of some 400,000 cells). */
const STREAM_LARGER_THAN = 16 * 1024 * 1024;

/**
 * A zip whose parts are inflated only when read, each under the caps: first by what the directory
 * declares (cheap, catches honest bombs in milliseconds, for every entry, read or not), then by
 * counting real output (catches lying headers) against the part's cap and what is left of the
 * total. A part nobody reads (an image, printer settings) is never inflated.
 */
export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
    private readonly inflateRaw: InflateRaw | undefined,
    entries: ZipEntry[],
  ) {
    for (const e of entries) {
      this.byName.set(e.name, e);
      this.byLowerName.set(e.name.toLowerCase(), e);
    }
  }

  static open(bytes: Uint8Array, limits: ReadLimits, inflateRaw?: InflateRaw): ZipArchive {
    const entries = readZipDirectory(bytes).filter((e) => !e.name.endsWith("/"));
    if (entries.length > limits.maxEntries) throw readErrors.tooManyEntries(entries.length, limits.maxEntries);
    checkDeclaredSizes(entries, limits);
    return new ZipArchive(bytes, limits, inflateRaw, entries);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The entry of a part name, exact or (OPC names are case-insensitive) in another case. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /** A part's bytes, inflated whole; undefined when there is no such part. */
  read(name: string): Uint8Array | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    const raw = this.raw(e);
    const room = this.room();
    let data: Uint8Array;
    if (e.method === METHOD_STORED) {
      if (raw.length > room) throw readErrors.zipBomb(e.name, room);
      data = raw;
    } else data = inflatePart(e.name, raw, room, this.limits, this.inflateRaw);
    this.inflated += data.length;
    return data;
  }

  /** A part's text (UTF-8), or null when there is no such part. */
  text(name: string): string | null {
    const data = this.read(name);
    return data ? new TextDecoder().decode(data) : null;
  }

  /**
   * A part handed to `onChunk` as it is inflated, so a large sheet never exists whole in memory.
   * With a host inflater (whole-buffer), the part comes in one chunk. False when there is no such part.
   */
  stream(name: string, onChunk: (chunk: Uint8Array) => void): boolean {
    const e = this.entry(name);
    if (!e) return false;
    const raw = this.raw(e);
    const room = this.room();
    if (e.method === METHOD_STORED) {
      if (raw.length > room) throw readErrors.zipBomb(e.name, room);
      this.inflated += raw.length;
      onChunk(raw);
      return true;
    }
    // A host's inflater hands a part over whole: faster, but a large sheet then sits in memory
    // entire beside the grid being built from it. Large parts stream through fflate instead.
    if (this.inflateRaw && e.originalSize <= STREAM_LARGER_THAN) {
      const data = inflatePart(e.name, raw, room, this.limits, this.inflateRaw);
      this.inflated += data.length;
      onChunk(data);
      return true;
    }
    this.inflated += inflatePartChunks(e.name, raw, room, this.limits, onChunk);
    return true;
  }

  /** Every part, inflated (for a reader that needs the whole package, such as SheetJS for .ods). */
  readAll(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const name of this.byName.keys()) out.set(name, this.read(name)!);
    return out;
  }

  private raw(e: ZipEntry): Uint8Array {
    if (e.method !== METHOD_STORED && e.method !== METHOD_DEFLATE) throw readErrors.corrupt(`unsupported compression method ${e.method} in ${e.name}`);
    return this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  }

  private room(): number {
    return Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.inflated);
  }
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
