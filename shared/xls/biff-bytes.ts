import { columnLetters } from "../grid/a1.js";

/** Little-endian reads and the small text helpers the BIFF readers share. */
export const u16 = (b: Uint8Array, p: number): number => b[p]! | (b[p + 1]! << 8);
export const u32 = (b: Uint8Array, p: number): number => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;

/** Text in a BIFF8 record: 1-byte chars when the high-byte flag is clear, UTF-16LE when set. */
export function biff8Chars(b: Uint8Array, p: number, count: number, highByte: boolean): string {
  let s = "";
  for (let i = 0; i < count; i++) s += String.fromCharCode(highByte ? u16(b, p + i * 2) : b[p + i]!);
  return s;
}

/** A 0-based rectangle as A1 text ("D4:D100", or "$A$1:$A$9" when absolute). */
export function areaText(r0: number, r1: number, c0: number, c1: number, absolute: boolean): string {
  const $ = absolute ? "$" : "";
  const a = `${$}${columnLetters(c0)}${$}${r0 + 1}`;
  return r0 === r1 && c0 === c1 ? a : `${a}:${$}${columnLetters(c1)}${$}${r1 + 1}`;
}
