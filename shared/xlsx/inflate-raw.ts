import { readErrors } from "./errors.js";
import { InflateCapExceeded, inflateCapped, inflateCappedChunks } from "./inflate-capped.js";
import type { ReadLimits } from "./limits.js";

/**
 * A host's own raw-deflate inflater (the CLI passes Node's zlib, several times faster
 * than fflate). It must never hold more than `maxOutputBytes` of output: it returns
 * null as soon as the stream would exceed that, and throws on a corrupt stream.
 */
export type InflateRaw = (compressed: Uint8Array, maxOutputBytes: number) => Uint8Array | null;

/**
 * Inflates one part under the size cap (`room`) and the ratio cap. Without a host
 * inflater, fflate counts bytes as they come out. With one, the ratio cap becomes an
 * output cap up front: past `ratioFloorBytes`, a part may not exceed `maxRatio` times its
 * compressed size, so the host is never allowed more than that or `room`.
 */
export function inflatePart(name: string, raw: Uint8Array, room: number, limits: ReadLimits, inflateRaw?: InflateRaw): Uint8Array {
  if (!inflateRaw) return inflateWithFflate(name, raw, room, limits);
  const ratioCap = Math.max(limits.ratioFloorBytes, raw.length * limits.maxRatio);
  const cap = Math.min(room, ratioCap);
  let out: Uint8Array | null;
  try {
    out = inflateRaw(raw, cap);
  } catch {
    throw readErrors.corrupt(`cannot inflate ${name}`);
  }
  if (out !== null && out.length <= cap) return out;
  if (ratioCap < room) throw readErrors.zipBombRatio(name, cap / Math.max(raw.length, 1));
  throw readErrors.zipBomb(name, room);
}

function inflateWithFflate(name: string, raw: Uint8Array, room: number, limits: ReadLimits): Uint8Array {
  return capErrors(name, room, () => inflateCapped(raw, { maxBytes: room, maxRatio: limits.maxRatio, ratioFloorBytes: limits.ratioFloorBytes }));
}

/**
 * One part streamed through fflate under the same caps, each piece of output handed to `onChunk`
 * (a parser), so the part never exists whole. Returns the bytes produced. Errors thrown by
 * `onChunk` (a refusal of the content) pass through unchanged.
 */
export function inflatePartChunks(name: string, raw: Uint8Array, room: number, limits: ReadLimits, onChunk: (chunk: Uint8Array) => void): number {
  let fromChunk: unknown = null;
  const guarded = (c: Uint8Array) => {
    try {
      onChunk(c);
    } catch (e) {
      fromChunk = e;
      throw e;
    }
  };
  try {
    return capErrors(name, room, () => inflateCappedChunks(raw, { maxBytes: room, maxRatio: limits.maxRatio, ratioFloorBytes: limits.ratioFloorBytes }, guarded));
  } catch (e) {
    throw fromChunk ?? e;
  }
}

function capErrors<T>(name: string, room: number, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof InflateCapExceeded) {
      if (err.kind === "ratio") throw readErrors.zipBombRatio(name, err.produced / Math.max(err.consumed, 1));
      throw readErrors.zipBomb(name, room);
    }
    throw readErrors.corrupt(`cannot inflate ${name}`);
  }
}
