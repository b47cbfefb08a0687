import { unspacedHalfWidth } from "./text.js";

/**
 * ID numbers as typed: full-width digits, spaces and a lower-case x are clerical and are
 * normalised; a number in exponent form ("4.40524E+17") is an ID Excel stored as a number,
 * whose last digits are gone. The engine's cells and the DJ functions read IDs through these.
 */
export function normaliseIdText(text: string): string {
  return unspacedHalfWidth(text).toUpperCase();
}

export function isExponentNumberText(text: string): boolean {
  return /^\d+(\.\d+)?E\+\d+$/.test(normaliseIdText(text));
}
