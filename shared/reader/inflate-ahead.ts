import type { InflateRaw } from "../xlsx/inflate-raw.js";
import { InflateCapExceeded, inflateCapped } from "../xlsx/inflate-capped.js";
import { resolveLimits, type ReadLimits } from "../xlsx/limits.js";
import { readZipDirectory } from "../xlsx/zip-directory.js";

/** Parts smaller than this stay with fflate: the platform's stream costs more to set up than it saves. */
const AHEAD_MIN_COMPRESSED = 16 * 1024;
const METHOD_DEFLATE = 8;

type Ahead = Uint8Array | "over" | "corrupt";

/**
 * The platform's own inflater (DecompressionStream, native zlib in workerd and browsers: about
 * twice fflate's speed on a sheet) for readWorkbookFile, which is synchronous: the large XML parts
 * of a zip are inflated here first, under the same caps (a part stops at its cap and is reported
 * over it, so the reader refuses it with its usual message), and the returned InflateRaw hands
 * them out; small parts, and anything it did not see, go through fflate as before.
 * Undefined when the bytes are not a zip, or the platform has no DecompressionStream.
 */
export async function inflateAhead(bytes: Uint8Array, limits?: Partial<ReadLimits>): Promise<InflateRaw | undefined> {
  if (typeof DecompressionStream !== "function" || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
  const lim = resolveLimits(limits);
  let entries;
  try {
    entries = readZipDirectory(bytes).filter((e) => e.method === METHOD_DEFLATE && e.compressedSize >= AHEAD_MIN_COMPRESSED && /\.xml$/i.test(e.name));
  } catch {
    return undefined; // the reader says what is wrong with the zip
  }
  const ahead = new Map<number, Ahead>();
  let total = 0;
  for (const e of entries) {
    const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const cap = Math.min(lim.maxEntryBytes, lim.maxTotalBytes - total, Math.max(lim.ratioFloorBytes, raw.length * lim.maxRatio));
    const out = await inflateStream(raw, cap);
    ahead.set(raw.byteOffset, out);
    if (out instanceof Uint8Array) total += out.length;
  }
  return (compressed, maxOutputBytes) => {
    const hit = ahead.get(compressed.byteOffset);
    if (hit === undefined) return fflateRaw(compressed, maxOutputBytes);
    if (hit === "corrupt") throw new Error("corrupt deflate stream");
    if (hit === "over" || hit.length > maxOutputBytes) return null;
    return hit;
  };
}

/** One raw deflate stream through DecompressionStream, stopped as soon as it passes `cap` bytes. */
async function inflateStream(raw: Uint8Array, cap: number): Promise<Ahead> {
  const reader = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > cap) {
        await reader.cancel().catch(() => undefined);
        return "over";
      }
      chunks.push(value);
    }
  } catch {
    return "corrupt";
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function fflateRaw(compressed: Uint8Array, maxOutputBytes: number): Uint8Array | null {
  try {
    return inflateCapped(compressed, { maxBytes: maxOutputBytes, maxRatio: Infinity, ratioFloorBytes: Infinity });
  } catch (e) {
    if (e instanceof InflateCapExceeded) return null;
    throw e;
  }
}
