import { unspacedHalfWidth } from "./text.js";
import { withoutTextMark } from "./text-mark.js";

/**
 * ID numbers as typed: full-width digits, spaces and a lower-case x are clerical and are
 * normalised, and a leading apostrophe that kept the ID as text is looked through; a number in exponent form ("4.40524E+17") is an ID Excel stored as a number,
 * whose last digits are gone. The engine's cells and the DJ functions read IDs through these.
 */
export function normaliseIdText(text: string): string {
  return unspacedHalfWidth(withoutTextMark(text)).toUpperCase();
}

export function isExponentNumberText(text: string): boolean {
  return /^\d+(\.\d+)?E\+\d+$/.test(normaliseIdText(text));
}
